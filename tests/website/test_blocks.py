"""Every StreamField block tells editors what it is and shows them a preview in the block picker."""

import pytest
from django.urls import reverse

from support.blocks import (
    BackButtonBlock,
    HelplineCalloutBlock,
    QuestionAnswerBlock,
    SectionBlock,
    guidance_blocks,
)
from website.blocks import (
    CallToActionBlock,
    FactListBlock,
    HeadingBlock,
    ImageBlock,
    ParagraphBlock,
    QuoteBlock,
)

BLOCK_TYPES = [
    HeadingBlock,
    ParagraphBlock,
    ImageBlock,
    QuoteBlock,
    CallToActionBlock,
    FactListBlock,
    QuestionAnswerBlock,
    HelplineCalloutBlock,
    SectionBlock,
    BackButtonBlock,
]


def blocks_in_use():
    """The block instances the page forms use, one per type (the preview view looks them up by id)."""
    from support.models import GuidancePage

    found = {}
    pending = list(GuidancePage.body.field.stream_block.child_blocks.values())
    while pending:
        block = pending.pop()
        found.setdefault(type(block), block)
        pending.extend(getattr(block, "child_blocks", {}).values())
    return [found[block_type] for block_type in BLOCK_TYPES]


def test_every_block_type_is_offered_on_guidance_pages():
    assert {type(block) for _name, block in guidance_blocks()} == set(BLOCK_TYPES)


@pytest.mark.parametrize("block_type", BLOCK_TYPES, ids=lambda t: t.__name__)
def test_every_block_has_an_icon_a_template_a_description_and_a_preview_value(block_type):
    block = block_type()
    assert block.meta.icon not in ("", "placeholder")
    assert block.meta.template.startswith("components/blocks/")
    assert block.get_description()
    assert hasattr(block.meta, "preview_value")
    assert block.is_previewable


@pytest.mark.django_db
@pytest.mark.parametrize("index", range(len(BLOCK_TYPES)), ids=[t.__name__ for t in BLOCK_TYPES])
def test_every_block_preview_renders_in_the_admin(admin_client, index):
    block = blocks_in_use()[index]
    response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/css/site.css" in html
    assert f"block-{block.name}" in html


@pytest.mark.django_db
def test_previews_show_the_preview_values(admin_client):
    expected = {
        HeadingBlock: "What the register would change",
        QuoteBlock: "He had done it before. Nobody told me.",
        FactListBlock: "Two or more victims",
        QuestionAnswerBlock: "Will the person know I asked?",
        HelplineCalloutBlock: "0808 2000 247",
        SectionBlock: "What is coercive control?",
        ImageBlock: "Photographs need alternative text",
        CallToActionBlock: "Sign now",
    }
    url = reverse("wagtailadmin_block_preview")
    for block in blocks_in_use():
        if type(block) in expected:
            response = admin_client.get(url, {"id": block.definition_prefix})
            assert expected[type(block)] in response.content.decode(), type(block).__name__
