"""File metadata: every image and document file is cleaned of what it says about its maker as it is stored.

What is removed is decided by `website.photo_metadata` (a picture's GPS, camera, owner and times) and
`website.document_metadata` (a PDF's or office file's author, organisation, times and software, and the
pictures inside it). This module applies them to Wagtail's models:

- `strip_on_save` is a `pre_save` receiver on Wagtail's image and document models (`connect_signals`, from
  `WebsiteConfig.ready`). It runs only when the row's file is new or changed, so it covers the admin's
  single and multiple upload views, the chooser's upload, a replaced file, and files stored by code
  (`Document.objects.create(file=…)`, `image.file.save(…)`). The original is stored clean, so every
  rendition made from it is too. A document that cannot be cleaned raises, so it is never stored dirty.
- `DocumentForm` is the admin's document form (`WAGTAILDOCS_DOCUMENT_FORM_BASE`): it cleans an uploaded file
  while validating it, so a document that cannot be cleaned (a broken or password-protected PDF) gets a
  message next to the file field instead of an error page, and the clean copy it hands on is not cleaned
  again on save. (Wagtail's image form already refuses a picture it cannot read.)
- `clean_stored(instance)` cleans a file that is already stored (`manage.py strip_file_metadata`, for files
  saved before this existed) and deletes the image's renditions so they are made again from the clean file.

Why a model signal rather than only the upload form or a custom image model: a form sees only the admin's
uploads, not files stored by code, and Wagtail's multiple upload stores some files outside its form; a custom
image model would move every image, rendition and reference to new tables for no gain, since the cleaning
needs no new field.
"""

import io
import os

from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db.models.signals import pre_save
from PIL import Image
from wagtail.documents.forms import BaseDocumentForm
from wagtail.utils.file import hash_filelike

from website import document_metadata, photo_metadata

# Set on a file the document form has already cleaned, so saving it does not clean it again.
CLEANED = "waymark_metadata_removed"


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):  # no new file: the stored one was cleaned when it was saved
            return file
        file.seek(0)
        try:
            clean = document_metadata.strip(file.read())
        except document_metadata.UnreadableDocument as error:
            raise forms.ValidationError(str(error), code="unreadable") from error
        file.seek(0)
        if clean is not None:
            file = SimpleUploadedFile(file.name, clean, content_type=file.content_type)
        setattr(file, CLEANED, True)
        return file


def connect_signals():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for model in (get_image_model(), get_document_model()):
        pre_save.connect(
            strip_on_save, sender=model, dispatch_uid=f"waymark-file-metadata-{model._meta.label}"
        )


def strip_on_save(sender, instance, update_fields=None, **kwargs):
    if not _file_changed(instance, update_fields):
        return
    file = instance.file
    if not file._committed and getattr(file.file, CLEANED, False):
        return
    clean = _strip(instance, _read(file))
    if clean is None:
        return
    if file._committed:
        # Already written to storage (`file.save(…)`, Wagtail's upload-then-fill-in-details view): store the
        # clean copy and delete the other, which nothing else refers to.
        old_name = file.name
        file.save(os.path.basename(old_name), ContentFile(clean), save=False)
        _delete_unless_used(instance, old_name)
    else:
        # Not stored yet: the clean copy takes its place, and is what the file field writes to storage.
        instance.file = ContentFile(clean, name=os.path.basename(file.name))
    _record_file_details(instance, clean)


def clean_stored(instance):
    """Clean a file already stored with its row; True if it changed. Stale renditions are deleted."""
    clean = _strip(instance, _read(instance.file))
    if clean is None:
        return False
    old_name = instance.file.name
    instance.file.save(os.path.basename(old_name), ContentFile(clean), save=False)
    _record_file_details(instance, clean)
    fields = ["file", "file_size", "file_hash"]
    if _is_image(instance):
        fields += ["width", "height"]
    instance.save(update_fields=fields)
    _delete_unless_used(instance, old_name)
    if _is_image(instance):
        instance.renditions.all().delete()
    return True


def _strip(instance, data):
    return photo_metadata.strip(data) if _is_image(instance) else document_metadata.strip(data)


def _file_changed(instance, update_fields):
    file = instance.file
    if not file or (update_fields is not None and "file" not in update_fields):
        return False
    if not file._committed or instance._state.adding:
        return True
    stored = type(instance)._default_manager.filter(pk=instance.pk).values_list("file", flat=True).first()
    return stored != file.name


def _read(file):
    was_closed = file._committed and file.closed
    file.open("rb")
    try:
        file.seek(0)
        return file.read()
    finally:
        if was_closed:
            file.close()
        else:
            file.seek(0)


def _record_file_details(instance, clean):
    # What Wagtail keeps about the file: its hash finds duplicates and keys the renditions' cache, and an
    # image turned upright has its width and height swapped.
    instance.file_size = len(clean)
    instance.file_hash = hash_filelike(io.BytesIO(clean))
    if _is_image(instance):
        with Image.open(io.BytesIO(clean)) as picture:
            instance.width, instance.height = picture.size


def _is_image(instance):
    return hasattr(instance, "renditions")


def _delete_unless_used(instance, name):
    if name == instance.file.name:
        return
    if not type(instance)._default_manager.filter(file=name).exclude(pk=instance.pk).exists():
        instance.file.storage.delete(name)
