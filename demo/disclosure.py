"""Demo content for disclosure requests: the request page, casework teams, routing rules and, in
development only, a caseworker login and two invented requests. Safe to run again; never overwrites edits."""

import os
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from demo.content.support import REQUEST_PAGE
from demo.pages import load
from support import police_forces
from support.models import CaseworkTeam, DisclosureRequest, RoutingRule
from support.models.casework import team_for_area, team_for_force
from support.models.disclosure import new_reference
from website.models import HomePage
from website.staff.groups import CASEWORKERS

DEV_CASEWORKER_USERNAME = "caseworker"
DEV_CASEWORKER_PASSWORD = "waymark-dev-caseworker"  # noqa: S105 (development only, never in production)

TEAMS = {
    "Triage": {"email": "triage@waymark.localhost", "is_default": True, "forces": []},
    "London and the South East": {
        "email": "south-east@waymark.localhost",
        "forces": [
            "metropolitan",
            "city-of-london",
            "kent",
            "surrey",
            "sussex",
            "thames-valley",
            "hampshire",
            "british-transport",
        ],
    },
    "North of England": {
        "email": "north@waymark.localhost",
        "forces": [
            "greater-manchester",
            "merseyside",
            "lancashire",
            "cumbria",
            "cheshire",
            "northumbria",
            "durham",
            "cleveland",
            "north-yorkshire",
            "west-yorkshire",
            "south-yorkshire",
            "humberside",
        ],
    },
    "Wales": {
        "email": "wales@waymark.localhost",
        "forces": ["north-wales", "gwent", "south-wales", "dyfed-powys"],
    },
}


def is_development():
    return settings.DEBUG and not os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith("production")


def ensure_request_page(home):
    """The request form, once (demo.support makes it first: the Clare's Law guidance links to it)."""
    return load([REQUEST_PAGE], {"home": home})["ask-the-police"]


def run(stdout):
    home = HomePage.objects.first()
    if home is None:
        return
    ensure_request_page(home)
    teams = {}
    for name, spec in TEAMS.items():
        team, _ = CaseworkTeam.objects.get_or_create(
            name=name,
            defaults={
                "email": spec["email"],
                "is_default": spec.get("is_default", False)
                and not CaseworkTeam.objects.filter(is_default=True).exists(),
            },
        )
        teams[name] = team
        for force in spec["forces"]:
            RoutingRule.objects.get_or_create(police_force=force, defaults={"team": team})
    stdout.write(f"Disclosure requests: the request page, {len(teams)} casework teams and routing rules.")
    if is_development():
        ensure_dev_caseworker(stdout, teams["Triage"], teams["London and the South East"])


def ensure_dev_caseworker(stdout, *teams):
    """Development only: a caseworker in the Caseworkers group and two teams, and three invented requests."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=DEV_CASEWORKER_USERNAME, defaults={"email": "caseworker@waymark.localhost"}
    )
    if created:
        user.set_password(DEV_CASEWORKER_PASSWORD)
        user.save()
        user.groups.add(Group.objects.get_or_create(name=CASEWORKERS)[0])
        for team in teams:
            team.members.add(user)
    if not DisclosureRequest.objects.exists():
        for force, concerns, days_ago in [
            ("metropolitan", "An invented demo request: my new partner's ex told me he was violent.", 6),
            ("north-wales", "An invented demo request: my sister's boyfriend controls her money.", 0),
        ]:
            DisclosureRequest.objects.create(
                created_at=timezone.now() - timedelta(days=days_ago),
                police_force=force,
                nation=police_forces.nation_for(force),
                team=team_for_force(force),
                asking_for="myself",
                your_name="Demo Person",
                contact_method="text",
                phone="07700 900982",
                safe_times="Weekdays 10am to 2pm",
                voicemail_safe="no",
                identify_as="cover",
                cover_name="Sam from the dental surgery",
                person_name="Demo Name",
                person_relationship="Partner",
                concerns=concerns,
            )
        # An invented call-back with a safety flag, so the dashboard shows one first.
        DisclosureRequest.objects.create(
            kind=DisclosureRequest.Kind.CALLBACK,
            reference=new_reference("CB"),
            nation="england",
            team=team_for_area("", "england"),
            your_name="Demo Cover Name",
            contact_method="phone",
            phone="07700 900983",
            safe_times="Mornings before 11am",
            voicemail_safe="no",
            language="English",
            concerns="An invented demo call-back request.",
            safety_flags=[DisclosureRequest.SafetyFlag.NO_VOICEMAIL],
        )
    stdout.write("Development-only caseworker login: `manage.py dev_logins` prints it.")


def dev_logins():
    """The development logins this module makes, for `manage.py dev_logins`."""
    return [("caseworker", DEV_CASEWORKER_USERNAME, DEV_CASEWORKER_PASSWORD)]
