"""Blocks for guidance pages: sections, questions and answers, helpline callouts, what Back does here."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from website.blocks import ParagraphBlock, content_blocks


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = ParagraphBlock()

    class Meta:
        icon = "help"
        template = "components/blocks/question_answer.html"
        description = "A question with its answer, shown as an expandable item"
        preview_value = {
            "question": "Will the person know I asked?",
            "answer": "<p>No. The police do not tell them who asked.</p>",
        }


class HelplineCalloutBlock(blocks.StructBlock):
    helpline = SnippetChooserBlock("support.Helpline")
    note = blocks.CharBlock(required=False, help_text="Shown under the number, e.g. 'Free from landlines'.")

    class Meta:
        icon = "mobile-alt"
        template = "components/blocks/helpline_callout.html"
        description = "A helpline with its number and opening hours"
        preview_value = {"note": "Free from landlines and mobiles, and it will not show on your bill."}

    def get_preview_value(self):
        # An unsaved example, so the preview works before any helpline has been entered.
        from support.models.helplines import Helpline

        example = Helpline(
            name="National Domestic Abuse Helpline", number="0808 2000 247", hours="24 hours, every day"
        )
        return self.normalize(dict(self.meta.preview_value, helpline=example))


class BackButtonBlock(blocks.StaticBlock):
    """What the browser's Back button does on this site for this reader: static/js/history.js keeps a visit
    to one history entry, so the text depends on whether scripts run, which an editor cannot know."""

    class Meta:
        icon = "history"
        template = "components/blocks/back_button.html"
        description = "Tells each reader whether Back can bring this site back after the quick exit"
        admin_text = "What the Back button does on this site, worded for the reader's browser."
        preview_value = None  # nothing to fill in: the preview is the block's own text


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    content = blocks.StreamBlock(
        [
            ("paragraph", ParagraphBlock()),
            ("question_answer", QuestionAnswerBlock()),
            ("helpline", HelplineCalloutBlock()),
            ("back_button", BackButtonBlock()),
        ]
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/section.html"
        description = "A titled section of guidance, listed in the page contents"
        preview_value = {
            "title": "What is coercive control?",
            "content": [("paragraph", "<p>A pattern of behaviour that takes away your freedom.</p>")],
        }


def guidance_blocks():
    return [
        *content_blocks(),
        ("section", SectionBlock()),
        ("question_answer", QuestionAnswerBlock()),
        ("helpline", HelplineCalloutBlock()),
        ("back_button", BackButtonBlock()),
    ]
