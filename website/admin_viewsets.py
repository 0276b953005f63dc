"""Admin listings of evidence (audit trails, sign-in failures): a listing and a safe export, nothing more."""

from django.urls import path
from wagtail.admin.viewsets.model import ModelViewSet

from website.request_policy.spreadsheets import FormulaSafeIndexView


class ReadOnlyViewSet(ModelViewSet):
    """A listing and an export; no add, edit, copy or delete: these records are evidence."""

    index_view_class = FormulaSafeIndexView
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 100

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, copy_url_name=None, **kwargs
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
