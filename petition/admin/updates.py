"""Campaign updates: written and reviewed as drafts, read-only once sending starts."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.generic import CreateView, DeleteView, EditView
from wagtail.admin.viewsets.model import ModelViewSet

from petition.admin import views as admin_views
from petition.models import CampaignUpdate


class CampaignUpdateCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return reverse("campaign_updates:review", args=[self.object.pk])


class DraftOnlyMixin:
    """Once sending has started an update is a record of what was sent: no editing or deleting."""

    def dispatch(self, request, *args, **kwargs):
        update = getattr(self, "object", None) or self.get_object()
        if update.status != CampaignUpdate.Status.DRAFT:
            messages.error(request, "This update has been sent (or is sending), so it can no longer change.")
            return redirect("campaign_updates:review", pk=update.pk)
        return super().dispatch(request, *args, **kwargs)


class CampaignUpdateEditView(DraftOnlyMixin, EditView):
    def get_success_url(self):
        return reverse("campaign_updates:review", args=[self.object.pk])


class CampaignUpdateDeleteView(DraftOnlyMixin, DeleteView):
    pass


class CampaignUpdateViewSet(ModelViewSet):
    """Write an update, preview it and send yourself a test (admin_views.campaign_update_review), then send
    it to every supporter who asked for updates (petition.updates)."""

    model = CampaignUpdate
    name = "campaign_updates"
    icon = "mail"
    menu_label = "Campaign updates"
    add_view_class = CampaignUpdateCreateView
    edit_view_class = CampaignUpdateEditView
    delete_view_class = CampaignUpdateDeleteView
    form_fields = ["subject", "body", "subject_cy", "body_cy"]
    list_display = [
        "subject",
        "status",
        DateColumn("created_at", label="Written"),
        DateColumn("finished_at", label="Sent"),
    ]
    list_filter = ["status"]
    search_fields = ["subject"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<id:pk>/review/", admin_views.campaign_update_review, name="review"),
        ]
