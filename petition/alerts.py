"""Tell Campaign managers when one network (IP hash, IPv6 by /64) or email domain signs unusually often."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone

from petition.models import PetitionPage, PetitionSettings, Signature
from petition.models.settings import DEFAULT_LIMITS
from website.staff.groups import CAMPAIGN_MANAGERS


def check_signature_alerts(now=None):
    """Email managers about each IP hash or domain past its petition's alert threshold (Petition settings)
    in the last hour, once an hour. Returns the alerts sent."""
    now = now or timezone.now()
    threshold_for = _thresholds()
    lowest = min(
        [DEFAULT_LIMITS.alert_threshold, *PetitionSettings.objects.values_list("alert_threshold", flat=True)]
    )
    hour_ago = now - timedelta(hours=1)
    verified = Signature.objects.filter(state=Signature.State.VERIFIED, verified_at__gte=hour_ago)
    # Shared addresses are not limited tightly (petition.signing), so staff also hear of one address (an IPv6
    # /64) sending many signatures that nobody has confirmed yet.
    unconfirmed = Signature.objects.filter(state=Signature.State.PENDING, created_at__gte=hour_ago)
    alerts = []
    for tag, kind, field, recent in [
        ("verified", "network", "ip_hash", verified),
        ("verified", "email domain", "email_domain", verified),
        ("unconfirmed", "network, unconfirmed,", "ip_hash", unconfirmed),
    ]:
        rows = (
            recent.exclude(**{field: ""})
            .values_list("petition_id", field)
            .annotate(n=Count("pk"))
            .filter(n__gte=lowest)
            .order_by("-n")
        )
        for petition_id, value, n in rows:
            if n >= threshold_for(petition_id) and cache.add(
                f"petition:alert:{petition_id}:{tag}:{field}:{value}", 1, 60 * 60
            ):
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
                {
                    "alerts": alerts,
                    "threshold": min(threshold_for(a["petition_id"]) for a in alerts),
                    "admin_url": settings.WAGTAILADMIN_BASE_URL,
                },
            )
            send_mail("Petition: unusual signing activity", body, None, recipients)
    return alerts


def _thresholds():
    """petition id → the alert threshold on its site, looked up once per petition."""
    found = {}

    def threshold_for(petition_id):
        if petition_id not in found:
            page = PetitionPage.objects.filter(pk=petition_id).first()
            limits = PetitionSettings.limits_for_page(page) if page else DEFAULT_LIMITS
            found[petition_id] = limits.alert_threshold
        return found[petition_id]

    return threshold_for
