"""Rendering a routable page with extra context: the one helper every page route uses."""


def render_page(request, page, template=None, *, status=200, **context):
    """The page's own template (or `template`) with its context plus `context`, answered with `status`."""
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response
