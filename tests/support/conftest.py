"""Fixtures for disclosure requests: the page, teams, caseworkers and a form helper."""

import pytest

from tests.support.factories import (
    CaseworkerFactory,
    CaseworkTeamFactory,
    DisclosureRequestPageFactory,
    RoutingRuleFactory,
)

# A complete, valid set of answers, one dict per step.
VALID_STEPS = [
    {"asking_for": "someone_else", "relationship_to_person_at_risk": "Her brother Quentin"},
    {
        "your_name": "Marigold Uniquename",
        "contact_method": "email",
        "email": "marigold.safe@example.org",
        "phone": "07700 900555",
        "safe_times": "Tuesdays after nine",
        "voicemail_safe": "no",
        "identify_as": "cover",
        "cover_name": "Pat from the library",
    },
    {
        "person_name": "Barnaby Perpetratorson",
        "person_other_names": "Barney Knuckles",
        "person_date_of_birth_day": "5",
        "person_date_of_birth_month": "4",
        "person_date_of_birth_year": "1979",
        "person_age": "",
        "person_address": "7 Zanzibar Close, Otterford",
        "person_previous_addresses": "Flat 3 Quillby Mansions",
        "person_relationship": "Her boyfriend",
    },
    {"concerns": "He strangled his last girlfriend, Ophelia Xylophone", "police_force": "north-wales"},
    {"consent": "on"},
]
PERSONAL_VALUES = [
    "Her brother Quentin",
    "Marigold Uniquename",
    "marigold.safe@example.org",
    "07700 900555",
    "Tuesdays after nine",
    "Pat from the library",
    "Barnaby Perpetratorson",
    "Barney Knuckles",
    "1979-04-05",
    "Zanzibar Close",
    "Quillby Mansions",
    "Her boyfriend",
    "Ophelia Xylophone",
]


@pytest.fixture
def request_page(home):
    page = DisclosureRequestPageFactory(parent=home)
    page.save_revision().publish()
    return page


@pytest.fixture
def triage_team(db):
    return CaseworkTeamFactory(name="Triage", is_default=True)


@pytest.fixture
def wales_team(db):
    team = CaseworkTeamFactory(name="Wales")
    for force in ["north-wales", "gwent", "south-wales", "dyfed-powys"]:
        RoutingRuleFactory(police_force=force, team=team)
    return team


@pytest.fixture
def caseworker(wales_team):
    user = CaseworkerFactory(username="wales-caseworker")
    wales_team.members.add(user)
    return user


@pytest.fixture
def other_caseworker(triage_team):
    user = CaseworkerFactory(username="triage-caseworker")
    triage_team.members.add(user)
    return user


# The step number of the check-answers page, after the last step.
CHECK_STEP = len(VALID_STEPS)


def fill_in(client, url, steps=VALID_STEPS, **headers):
    """Post every step in turn and, when all of them were given, "Send request" from the check-answers page;
    return the last response."""
    response = None
    for number, data in enumerate(steps):
        response = client.post(url, {"step": number, "action": "continue", **data}, **headers)
    if len(steps) == CHECK_STEP:
        response = client.post(url, {"step": CHECK_STEP, "action": "send"}, **headers)
    return response
