"""Remove photo metadata from image and document files stored before uploads were cleaned."""

from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from website import photo_metadata


class Command(BaseCommand):
    help = (
        "Remove GPS positions, camera details, names and times from every stored image and every document "
        "that is a picture, turning each upright, and make the images' renditions again. Safe to run again."
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
                cleaned += photo_metadata.clean_stored(instance)
            except (OSError, photo_metadata.UnreadablePicture) as error:
                label = model._meta.verbose_name.capitalize()
                self.stderr.write(f"{label} {instance.pk} ({instance.filename}) could not be read: {error}")
        return what, cleaned, total
