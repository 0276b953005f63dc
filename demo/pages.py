"""The demo's one page loader: content modules (demo/content/) list the pages, `load` makes each one missing.

An entry is a dict: `type` (the page model), `parent` (the key of a page made or given before it), `slug`,
optionally `before` (the key of a sibling to place a new page in front of, or FIRST_CHILD) and `key` (the name
later entries use for it; the slug by default), and the page's own fields. StreamField blocks are written as
(block type, value) pairs; `Ref("key")` anywhere in a value stands for a page or helpline made or given
earlier.
"""

from website.models import HomePage

FIRST_CHILD = object()  # `before`: in front of the parent's first child at the time the page is made


class Ref:
    """A page or snippet named by its key in the loader's `made`, resolved when the entry is loaded."""

    def __init__(self, key):
        self.key = key


def resolve(value, made):
    if isinstance(value, Ref):
        return made[value.key]
    if isinstance(value, dict):
        return {name: resolve(item, made) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(resolve(item, made) for item in value)
    return value


def load(entries, made):
    """Make every page of `entries` that is missing, in order, and return `made` (key → page, given objects
    included) with each page under its key."""
    for entry in entries:
        fields = dict(entry)
        model, parent, slug = fields.pop("type"), made[fields.pop("parent")], fields.pop("slug")
        key, before = fields.pop("key", slug), fields.pop("before", None)
        before = parent.get_first_child() if before is FIRST_CHILD else made.get(before)
        made[key] = ensure_child(parent, model, slug, before=before, **resolve(fields, made))
    return made


def ensure_child(parent, model, slug, before=None, **fields):
    """Create and publish the child page once. Later runs leave it alone, keeping staff edits.

    `before`: a sibling the new page is placed in front of (menus follow the tree order). Only a
    newly created page is moved, so staff reordering survives a second run.
    """
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    if before is not None:
        page.move(before, pos="left")
        page = model.objects.get(pk=page.pk)
    return page


def paragraphs(*texts):
    """A rich-text paragraph block of one or more paragraphs."""
    return ("paragraph", "".join(f"<p>{text}</p>" for text in texts))


def rich(*texts):
    """A body of one paragraph block."""
    return [paragraphs(*texts)]


def link_from_home(field, page):
    """Point the home page's call to action (`petition_page` or `letter_page`) at a demo page, only while
    it is empty and the home page has no draft: a page staff chose is never replaced."""
    home = HomePage.objects.first()
    if home is None or getattr(home, f"{field}_id") or home.has_unpublished_changes:
        return
    setattr(home, field, page)
    home.save_revision().publish()
