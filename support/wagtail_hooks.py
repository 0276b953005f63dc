"""Support admin: the Support menu (helplines) and the Casework menu, the casework stylesheet and the
caseworker's dashboard panels. Only registration: the views and viewsets live in support/admin/."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from support.admin import dashboard
from support.admin.viewsets import CaseworkGroup, SupportGroup

register_snippet(SupportGroup)


@hooks.register("register_admin_viewset")
def register_casework():
    return CaseworkGroup()


@hooks.register("insert_global_admin_css")
def casework_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/casework-admin.css"))


@hooks.register("construct_homepage_panels")
def add_casework_panels(request, panels):
    """A caseworker's dashboard starts with their queue: overdue, due today, theirs, unassigned."""
    panels.extend(dashboard.panels_for(request.user))
