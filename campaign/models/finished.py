"""The letters already counted: one row per finished letter, kept as long as its token can be handed back."""

from django.db import models


class FinishedLetter(models.Model):
    """A letter whose token has been claimed (campaign.finished_letters). The key is a hash of the token's
    random letter id: nothing about the writer, the constituency or the letter itself."""

    letter_hash = models.CharField(max_length=64, primary_key=True)
    finished_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "finished letter"

    def __str__(self):
        return self.letter_hash[:12]
