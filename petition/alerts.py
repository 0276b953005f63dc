"""Tell Campaign managers when one network (IP hash) or email domain signs unusually often."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone

from petition.models import PetitionPage, Signature
from website.staff import CAMPAIGN_MANAGERS


def check_signature_alerts(now=None):
    """Email managers about each IP hash or domain past the threshold in the last hour, once an hour.
    Returns the alerts sent."""
    now = now or timezone.now()
    threshold = settings.PETITION_ALERT_THRESHOLD
    recent = Signature.objects.filter(
        state=Signature.State.VERIFIED, verified_at__gte=now - timedelta(hours=1)
    )
    alerts = []
    for kind, field in [("network", "ip_hash"), ("email domain", "email_domain")]:
        rows = (
            recent.exclude(**{field: ""})
            .values_list("petition_id", field)
            .annotate(n=Count("pk"))
            .filter(n__gte=threshold)
            .order_by("-n")
        )
        for petition_id, value, n in rows:
            if cache.add(f"petition:alert:{petition_id}:{field}:{value}", 1, 60 * 60):
                shown = value[:12] if field == "ip_hash" else value
                alerts.append({"petition_id": petition_id, "kind": kind, "value": shown, "count": n})
    if alerts:
        titles = dict(
            PetitionPage.objects.filter(pk__in={a["petition_id"] for a in alerts}).values_list("pk", "title")
        )
        for alert in alerts:
            alert["petition"] = titles.get(alert["petition_id"], "")
        recipients = list(
            get_user_model()
            .objects.filter(groups__name=CAMPAIGN_MANAGERS, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
        )
        if recipients:
            body = render_to_string(
                "emails/petition/alert.txt",
                {"alerts": alerts, "threshold": threshold, "admin_url": settings.WAGTAILADMIN_BASE_URL},
            )
            send_mail("Petition: unusual signing activity", body, None, recipients)
    return alerts
