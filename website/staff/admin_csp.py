"""The Wagtail admin under our Content Security Policy: no inline script runs, anywhere.

Wagtail 8.0 starts a few admin widgets with inline `<script>`s, which `script-src 'self'` blocks (their date
pickers and choosers then never start). We keep the policy and remove the scripts instead:

- the date, time and date-time widgets and the inline panels: template overrides carry their settings in data
  attributes (`website/templates/wagtailadmin/widgets/`, in this app because Django's form renderer reads
  only apps' templates; `templates/wagtailadmin/panels/`);
- the choosers (page, image, document, snippet, task): `csp_safe_chooser_render` below writes the same call as
  JSON data (`<script type="application/json">`, which a browser never runs);
- `static/js/admin-csp.js` (every admin page, `website.wagtail_hooks`) starts them all, and any that Wagtail
  adds later (a dialog, a new inline form).

What the admin still needs on its own paths is `AdminCSPMiddleware`'s business; docs/security.md says why.
"""

import json

from csp.middleware import CSPMiddleware
from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser

ADMIN_PREFIX = "/admin/"

# Only on /admin/ (see docs/security.md):
ADMIN_RELAXATIONS = {
    # Wagtail's bundled libraries insert <style> elements and style="" attributes at run time (tooltips,
    # the rich-text editor, the image cropper) and offer no nonce for them. Styles cannot run code.
    "style-src": ["'unsafe-inline'"],
    # The image editor's cropper (jquery.Jcrop) tests whether the browser supports an event by setting the
    # attribute on<event>="return;". Only a handler that is exactly that no-op may run ('unsafe-hashes' with
    # its hash): no other inline handler, and no inline <script>, runs in the admin.
    "script-src-attr": ["'unsafe-hashes'", "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='"],
}

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_data(value):
    """JSON safe inside a <script> element (the way django.utils.html.json_script escapes it)."""
    return json.dumps(value).translate(_JSON_ESCAPES)


def chooser_call(widget, id_, name, value_data):
    """What Wagtail's inline script would run, as data: a constructor (or a function) and its arguments."""
    constructor = getattr(widget, "js_constructor", None)
    if constructor and type(widget).render_js_init is BaseChooser.render_js_init:
        return {"construct": constructor, "args": [id_, widget.get_js_init_options(id_, name, value_data)]}
    # The workflow task chooser is started by a function of the element's id.
    return {"call": "createTaskChooser", "args": [id_]}


def csp_safe_chooser_render(self, name, value, attrs=None, renderer=None):
    """BaseChooser.render, with the start-up call written as data for admin-csp.js instead of a script."""
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as error:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from error
    value_data = self.get_value_data(value)
    widget_html = self.render_html(name, value_data, attrs)
    call = json_data(chooser_call(self, id_, name, value_data))
    return mark_safe(f'{widget_html}<script type="application/json" data-waymark-chooser>{call}</script>')


def use_csp_safe_choosers():
    """Called once from WebsiteConfig.ready: Wagtail's choosers render no inline script."""
    BaseChooser.render = csp_safe_chooser_render


class AdminCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, adding ADMIN_RELAXATIONS to the policy of admin responses only."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            update = dict(parts.update or {})
            for directive, sources in ADMIN_RELAXATIONS.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
        return parts
