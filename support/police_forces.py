"""The police forces a disclosure request can go to, with their ONS Police Force Area (PFA) codes.

The 43 territorial forces of England and Wales, Police Scotland, the Police Service of Northern Ireland
and British Transport Police (which has no PFA: it polices the railways across Great Britain).
`key` is what we store; `pfa` is the ONSPD `pfa` column (campaign.models.Postcode.police_force_code).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PoliceForce:
    key: str
    name: str  # translated (lazily): the Welsh forces have Welsh names
    pfa: str = ""
    country: str = "England"


FORCES = [
    PoliceForce("avon-somerset", _("Avon and Somerset Police"), "E23000036"),
    PoliceForce("bedfordshire", _("Bedfordshire Police"), "E23000026"),
    PoliceForce("cambridgeshire", _("Cambridgeshire Constabulary"), "E23000023"),
    PoliceForce("cheshire", _("Cheshire Constabulary"), "E23000006"),
    PoliceForce("city-of-london", _("City of London Police"), "E23000034"),
    PoliceForce("cleveland", _("Cleveland Police"), "E23000013"),
    PoliceForce("cumbria", _("Cumbria Constabulary"), "E23000002"),
    PoliceForce("derbyshire", _("Derbyshire Constabulary"), "E23000018"),
    PoliceForce("devon-cornwall", _("Devon and Cornwall Police"), "E23000035"),
    PoliceForce("dorset", _("Dorset Police"), "E23000039"),
    PoliceForce("durham", _("Durham Constabulary"), "E23000008"),
    PoliceForce("essex", _("Essex Police"), "E23000028"),
    PoliceForce("gloucestershire", _("Gloucestershire Constabulary"), "E23000037"),
    PoliceForce("greater-manchester", _("Greater Manchester Police"), "E23000005"),
    PoliceForce("hampshire", _("Hampshire and Isle of Wight Constabulary"), "E23000030"),
    PoliceForce("hertfordshire", _("Hertfordshire Constabulary"), "E23000027"),
    PoliceForce("humberside", _("Humberside Police"), "E23000012"),
    PoliceForce("kent", _("Kent Police"), "E23000032"),
    PoliceForce("lancashire", _("Lancashire Constabulary"), "E23000003"),
    PoliceForce("leicestershire", _("Leicestershire Police"), "E23000021"),
    PoliceForce("lincolnshire", _("Lincolnshire Police"), "E23000020"),
    PoliceForce("merseyside", _("Merseyside Police"), "E23000004"),
    PoliceForce("metropolitan", _("Metropolitan Police Service"), "E23000001"),
    PoliceForce("norfolk", _("Norfolk Constabulary"), "E23000024"),
    PoliceForce("northamptonshire", _("Northamptonshire Police"), "E23000022"),
    PoliceForce("northumbria", _("Northumbria Police"), "E23000007"),
    PoliceForce("north-yorkshire", _("North Yorkshire Police"), "E23000009"),
    PoliceForce("nottinghamshire", _("Nottinghamshire Police"), "E23000019"),
    PoliceForce("south-yorkshire", _("South Yorkshire Police"), "E23000011"),
    PoliceForce("staffordshire", _("Staffordshire Police"), "E23000015"),
    PoliceForce("suffolk", _("Suffolk Constabulary"), "E23000025"),
    PoliceForce("surrey", _("Surrey Police"), "E23000031"),
    PoliceForce("sussex", _("Sussex Police"), "E23000033"),
    PoliceForce("thames-valley", _("Thames Valley Police"), "E23000029"),
    PoliceForce("warwickshire", _("Warwickshire Police"), "E23000017"),
    PoliceForce("west-mercia", _("West Mercia Police"), "E23000016"),
    PoliceForce("west-midlands", _("West Midlands Police"), "E23000014"),
    PoliceForce("west-yorkshire", _("West Yorkshire Police"), "E23000010"),
    PoliceForce("wiltshire", _("Wiltshire Police"), "E23000038"),
    PoliceForce("dyfed-powys", _("Dyfed-Powys Police"), "W15000004", "Wales"),
    PoliceForce("gwent", _("Gwent Police"), "W15000002", "Wales"),
    PoliceForce("north-wales", _("North Wales Police"), "W15000001", "Wales"),
    PoliceForce("south-wales", _("South Wales Police"), "W15000003", "Wales"),
    PoliceForce("scotland", _("Police Scotland"), "S23000009", "Scotland"),
    PoliceForce("northern-ireland", _("Police Service of Northern Ireland"), "N23000001", "Northern Ireland"),
    PoliceForce("british-transport", _("British Transport Police"), "", "Great Britain"),
]

BY_KEY = {force.key: force for force in FORCES}
BY_PFA = {force.pfa: force for force in FORCES if force.pfa}
# The ONSPD leaves `pfa` as a pseudo-code in some nations; the country code then tells us the force.
BY_COUNTRY_CODE = {"S92000003": BY_KEY["scotland"], "N92000002": BY_KEY["northern-ireland"]}

CHOICES = [(force.key, force.name) for force in FORCES]


# The nation whose bank holidays a force's requests follow (support/deadlines.py); BTP has none of its own.
NATIONS = {
    "England": "england",
    "Wales": "wales",
    "Scotland": "scotland",
    "Northern Ireland": "northern-ireland",
}


def nation_for(key):
    """The nation of a force ("england", "wales", "scotland", "northern-ireland"), or "" when it has none."""
    force = BY_KEY.get(key)
    return NATIONS.get(force.country, "") if force else ""


def keys_in_nation(nation):
    return [force.key for force in FORCES if NATIONS.get(force.country) == nation]


def name_for(key):
    force = BY_KEY.get(key)
    return force.name if force else ""


def force_for_postcode(raw):
    """The force for a postcode in our postcode table, or None when we cannot tell."""
    from geography.models import Postcode
    from geography.postcodes import is_valid, normalise

    postcode = normalise(raw)
    if not is_valid(postcode):
        return None
    row = Postcode.objects.filter(postcode=postcode).values("police_force_code", "country_code").first()
    if row is None:
        return None
    return BY_PFA.get(row["police_force_code"]) or BY_COUNTRY_CODE.get(row["country_code"])


def postcode_data_loaded():
    from geography.models import Postcode

    return Postcode.objects.exists()
