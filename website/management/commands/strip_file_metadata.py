"""Remove metadata from image and document files stored before uploads were cleaned (file_metadata.py)."""

from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from website import document_metadata, file_metadata, photo_metadata


class Command(BaseCommand):
    help = (
        "Remove GPS positions, camera details, names and times from every stored image, turning each "
        "upright, and the author, organisation, times and software from every stored PDF and office "
        "document (and from the pictures in it); make the images' renditions again. Safe to run again."
    )

    def handle(self, *args, **options):
        counts = [
            self.clean_all(get_image_model(), "images"),
            self.clean_all(get_document_model(), "documents"),
        ]
        self.stdout.write(
            "Cleaned " + " and ".join(f"{cleaned} of {total} {what}" for what, cleaned, total in counts) + "."
        )

    def clean_all(self, model, what):
        cleaned = total = 0
        for instance in model.objects.order_by("pk").iterator():
            total += 1
            try:
                cleaned += file_metadata.clean_stored(instance)
            except (OSError, photo_metadata.UnreadablePicture, document_metadata.UnreadableDocument) as error:
                label = model._meta.verbose_name.capitalize()
                self.stderr.write(f"{label} {instance.pk} ({instance.filename}) could not be read: {error}")
        return what, cleaned, total
