"""Survivor-facing facts go through moderation: the migration steps that put existing snippets under it.

Helplines (`support.Helpline`) and each site's safety settings (`website.SafetySettings`: the quick-exit
destination and the emergency message) are draft/live snippets. An edit is a revision; survivors see it
only once the "Moderators approval" workflow, the one stories and translations go through, has published it
(docs/security.md, "Survivor-facing facts are moderated"). These helpers take the historical `apps` of a
data migration, so they work on the models as they were when that migration was written.
"""

from django.utils import timezone

# The workflow Wagtail's own migrations make for the Moderators group and attach to the root of the tree.
DEFAULT_WORKFLOW = "Moderators approval"


def publish_existing_rows(apps, app_label, model_name, label=str):
    """Give every row that has no revision yet a first revision of what it holds, and mark that revision
    live: what survivors saw before the migration stays exactly what they see after it."""
    from modelcluster.models import get_serializable_data_for_fields

    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    Model = apps.get_model(app_label, model_name)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    now = timezone.now()
    for row in Model.objects.filter(latest_revision__isnull=True):
        revision = Revision.objects.create(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(row.pk),
            created_at=now,
            object_str=label(row),
            content={**get_serializable_data_for_fields(row), "live": True, "has_unpublished_changes": False},
        )
        Model.objects.filter(pk=row.pk).update(
            live=True,
            has_unpublished_changes=False,
            latest_revision=revision,
            live_revision=revision,
            first_published_at=now,
            last_published_at=now,
        )


def moderate_with_default_workflow(apps, app_label, model_name):
    """Attach the model to the workflow pages go through (the one on the root of the tree, else the one
    named "Moderators approval"; made, with its Moderators task, when neither exists)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    if WorkflowContentType.objects.filter(content_type=content_type).exists():
        return
    on_root = WorkflowPage.objects.filter(page__depth=1, workflow__active=True).first()
    workflow = on_root.workflow if on_root else Workflow.objects.filter(name=DEFAULT_WORKFLOW).first()
    if workflow is None:
        workflow = make_default_workflow(apps)
    WorkflowContentType.objects.create(content_type=content_type, workflow=workflow)


def make_default_workflow(apps):
    """What Wagtail's migrations make on a fresh database: one task, approved by the Moderators group."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=DEFAULT_WORKFLOW, content_type=task_type, active=True)
    task.groups.set([Group.objects.get_or_create(name="Moderators")[0]])
    workflow = Workflow.objects.create(name=DEFAULT_WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow
