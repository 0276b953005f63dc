"""StreamField blocks shared by every page type: text, headings, images, quotes, calls to action."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        description = "A section heading (also listed in the page contents)"
        preview_value = {"text": "What the register would change", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph.html"
        description = "Rich text: paragraphs, lists and links"
        preview_value = (
            "<p>Stalking and domestic abuse are <b>patterns</b> of behaviour, "
            "and the people who commit them often go on to harm again.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe the image for people who cannot see it. Required.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/image.html"
        description = "An image with alternative text and an optional caption"
        preview_value = {
            "alt_text": "A path through a wood in morning light",
            "caption": "Photographs need alternative text for people who cannot see them.",
        }

    def get_preview_value(self):
        # The preview shows the most recent image in the library, if there is one.
        from wagtail.images import get_image_model

        value = dict(self.meta.preview_value, image=get_image_model().objects.order_by("-pk").first())
        return self.normalize(value)


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"
        description = "A pull quote"
        preview_value = {
            "quote": "He had done it before. Nobody told me.",
            "attribution": "A survivor",
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    page = blocks.PageChooserBlock()
    button_label = blocks.CharBlock(max_length=60)

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action.html"
        description = "A box that sends readers to another page, such as the petition"
        preview_value = {
            "title": "Sign the petition",
            "text": "Ask the government to create a register.",
            "button_label": "Sign now",
        }

    def get_preview_value(self):
        # Link the preview's button to the home page, so editors see the whole box.
        from wagtail.models import Page

        home = Page.objects.filter(depth=2).first()
        return self.normalize(dict(self.meta.preview_value, page=home))


class FactListBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300))

    class Meta:
        icon = "list-ul"
        template = "components/blocks/fact_list.html"
        description = "A short titled list of facts"
        preview_value = {
            "title": "Who counts as a serial perpetrator",
            "items": ["Two or more victims", "A conviction, caution or protective order"],
        }


def content_blocks():
    """The blocks every body StreamField offers; apps append their own."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", ParagraphBlock()),
        ("image", ImageBlock()),
        ("quote", QuoteBlock()),
        ("call_to_action", CallToActionBlock()),
        ("facts", FactListBlock()),
    ]
