"""Bulk invalidation by filter and the lobbying reports (signatures and letters by MP; letters to other
representatives)."""

from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from petition import lobbying
from petition.admin import views as admin_views


class InvalidateMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("petition.invalidate_signature")


class InvalidateViewSet(ViewSet):
    """Bulk invalidation by filter (petition.admin_views.bulk_invalidate)."""

    name = "petition_invalidate"
    icon = "warning"
    menu_label = "Invalidate signatures"
    menu_item_class = InvalidateMenuItem

    def get_urlpatterns(self):
        return [path("", admin_views.bulk_invalidate, name="index")]


class LobbyingMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(lobbying.PERMISSION)


class LobbyingViewSet(ViewSet):
    """Signatures and letters per MP and constituency, with the week's trend (petition.lobbying)."""

    name = "petition_lobbying"
    icon = "group"
    menu_label = "Signatures and letters by MP"
    menu_item_class = LobbyingMenuItem

    def get_urlpatterns(self):
        view = lobbying.LobbyingReportView
        return [
            path("", view.as_view(), name="index"),
            path("results/", view.as_view(results_only=True), name="results"),
        ]


class RepresentativeReportViewSet(ViewSet):
    """Letters to representatives other than MPs, their stand and follow-up answers (petition.lobbying)."""

    name = "petition_representatives"
    icon = "group"
    menu_label = "Letters to other representatives"
    menu_item_class = LobbyingMenuItem

    def get_urlpatterns(self):
        view = lobbying.RepresentativeReportView
        return [
            path("", view.as_view(), name="index"),
            path("results/", view.as_view(results_only=True), name="results"),
        ]
