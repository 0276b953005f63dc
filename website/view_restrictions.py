"""Whether a page's privacy settings (password, sign-in, groups) let this visitor in, for the views that
serve a page's work without Wagtail's `serve` and so without its `before_serve_page` check."""


def refused_by_view_restrictions(page, request, restrictions=None):
    """True when one of the page's view restrictions turns this request away. `restrictions`, when the
    caller already has the page's, saves asking for them again."""
    if restrictions is None:
        restrictions = page.get_view_restrictions()
    return any(not restriction.accept_request(request) for restriction in restrictions)
