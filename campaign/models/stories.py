"""Survivor stories: a content warning first, and a consent record only staff ever see."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from website.blocks import content_blocks
from website.models import BasePage

DEFAULT_WARNING = (
    "This story describes domestic abuse and stalking, including controlling behaviour and threats."
)


class StoryIndexPage(BasePage):
    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["website.HomePage", "campaign.CampaignPage"]
    subpage_types = ["campaign.StoryPage"]
    template = "pages/story_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .filter(consent_withdrawn=False)
            .order_by("-first_published_at")
        )
        return context


class StoryPage(BasePage):
    class ConsentMethod(models.TextChoices):
        WRITTEN = "written", "Signed form"
        EMAIL = "email", "By email"
        VERBAL = "verbal", "Verbally, recorded by staff"

    display_name = models.CharField(
        max_length=80, blank=True, help_text="Leave blank to show the story as 'Anonymous'."
    )
    content_warning = models.TextField(
        default=DEFAULT_WARNING,
        help_text="What the reader sees, and must accept, before the story.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(
        "image alternative text",
        max_length=250,
        blank=True,
        help_text="Required when there is an image: describe it for people who cannot see it.",
    )
    body = StreamField(content_blocks())

    # The consent record: staff only, never rendered on the public site.
    consent_given_on = models.DateField(null=True, blank=True)
    consent_method = models.CharField(max_length=20, choices=ConsentMethod.choices, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent_review_by = models.DateField(
        null=True, blank=True, help_text="Check with the survivor that they still consent by this date."
    )
    consent_withdrawn = models.BooleanField(
        default=False, help_text="Ticking this unpublishes the story at once, and it cannot be republished."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("display_name"),
        FieldPanel("content_warning"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Image"),
        FieldPanel("body"),
    ]
    consent_panels = [
        FieldPanel("consent_given_on"),
        FieldPanel("consent_method"),
        FieldPanel("consent_recorded_by"),
        FieldPanel("consent_review_by"),
        FieldPanel("consent_withdrawn"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(consent_panels, heading="Consent (staff only)"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["campaign.StoryIndexPage"]
    subpage_types = []
    template = "pages/story_page.html"

    def serve(self, request, *args, **kwargs):
        # Belt and braces: campaign.consent unpublishes a withdrawn story, but if a live copy ever
        # slipped through, the reader still gets a 404, never the story.
        if self.consent_withdrawn:
            raise Http404
        return super().serve(request, *args, **kwargs)

    @property
    def author_name(self):
        return self.display_name or "Anonymous"

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Describe the image for people who cannot see it."})
