"""Admin registration for site-wide models: the page cache's hook, the admin's CSP-safe widget starter, each
site's moderated safety settings, and the record of sign-in lockouts."""

from axes.models import AccessAttempt, AccessFailureLog
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from website import page_cache
from website.admin_viewsets import ReadOnlyViewSet
from website.i18n import translation_workflow
from website.models import SafetySettings

hooks.register("on_serve_page", page_cache.mark_page_response)
# A translation goes to moderation like any page (website/i18n/translation_workflow.py).
hooks.register("register_page_listing_more_buttons", translation_workflow.submit_button)
hooks.register("register_page_header_buttons", translation_workflow.submit_button)


@hooks.register("register_admin_urls")
def translation_workflow_urls():
    return [
        path(
            "translations/<id:page_id>/submit/",
            translation_workflow.submit_translation,
            name="waymark_submit_translation",
        ),
        # Answers Localize's own "Sync translated pages" address before Localize does (this app's hooks
        # come first): the same view, refusing "Publish immediately" to those who may not publish. Localize's
        # own converter, so every address Localize's pattern would match is answered here.
        path(
            "localize/update/<int:translation_source_id>/",
            translation_workflow.update_translations,
            name="waymark_update_translations",
        ),
    ]


@hooks.register("insert_global_admin_js")
def start_widgets_without_inline_scripts():
    # Starts the date pickers, choosers and inline panels whose inline scripts we removed
    # (website.staff.admin_csp).
    return format_html('<script src="{}" defer></script>', static("js/admin-csp.js"))


class SignInFailureViewSet(ReadOnlyViewSet):
    """Every failed staff sign-in (django-axes' AccessFailureLog); "Locked out" marks a lockout."""

    model = AccessFailureLog
    name = "sign_in_failures"
    icon = "warning"
    menu_label = _("Failed sign-ins")
    list_display = [
        "attempt_time",
        "username",
        "ip_address",
        Column("locked_out", label=_("Locked out"), accessor="locked_out"),
        "path_info",
    ]
    list_filter = ["locked_out"]
    search_fields = ["username", "ip_address"]
    list_export = ["attempt_time", "username", "ip_address", "locked_out", "path_info", "user_agent"]
    export_filename = "failed-sign-ins"


class CurrentLockoutViewSet(ReadOnlyViewSet):
    """Failures still counting towards a lockout (django-axes' AccessAttempt). Unlock with
    `manage.py axes_reset_username NAME` or `axes_reset_ip ADDRESS`."""

    model = AccessAttempt
    name = "sign_in_attempts"
    icon = "lock"
    menu_label = _("Sign-in failures counting now")
    list_display = ["attempt_time", "username", "ip_address", "failures_since_start"]
    search_fields = ["username", "ip_address"]
    list_export = ["attempt_time", "username", "ip_address", "failures_since_start"]
    export_filename = "sign-in-failures-counting"


class SignInGroup(ViewSetGroup):
    menu_label = _("Sign-in lockouts")
    menu_icon = "lock"
    add_to_settings_menu = True
    items = (SignInFailureViewSet, CurrentLockoutViewSet)


@hooks.register("register_admin_viewset")
def register_sign_in_records():
    return SignInGroup()


class SafetySettingsViewSet(SnippetViewSet):
    """Settings → Safety settings: the quick-exit destination and the emergency message of each site. Saved
    changes are drafts; the "Moderators approval" workflow publishes them (website.models.SafetySettings)."""

    model = SafetySettings
    icon = "warning"
    menu_label = _("Safety settings")
    add_to_settings_menu = True
    list_display = ["site", "quick_exit_url"]
    copy_view_enabled = False


register_snippet(SafetySettingsViewSet)
