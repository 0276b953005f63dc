"""Demo content for Write to your MP: real postcode → constituency → MP facts, and the letter page.

The facts are copied from the ONSPD (August 2024) and the Commons Library 2024 results, so `make run` works
offline. A real `import_onspd` replaces the postcodes; existing constituencies, MPs and pages are never
overwritten, so staff edits survive a second run.
"""

from campaign.models import CampaignPage, LetterPage
from demo.pages import ensure_child, link_from_home
from geography.models import Constituency, MemberOfParliament, Postcode, PostcodeImport
from website.models import HomePage

# (postcode, constituency, country, police force area, terminated YYYYMM)
POSTCODES = [
    ("AB10 1AB", "S14000061", "S92000003", "S23000009", ""),
    ("AB10 1AF", "S14000061", "S92000003", "S23000009", ""),
    ("AB10 1AG", "S14000061", "S92000003", "S23000009", ""),
    ("AB10 6RN", "S14000061", "S92000003", "S23000009", ""),
    ("AB11 5QN", "S14000061", "S92000003", "S23000009", ""),
    ("AB11 6UL", "S14000061", "S92000003", "S23000009", ""),
    ("AB10 1PE", "S14000060", "S92000003", "S23000009", ""),
    ("AB10 1PF", "S14000060", "S92000003", "S23000009", ""),
    ("AB12 3GQ", "S14000111", "S92000003", "S23000009", ""),
    ("AB12 9SB", "S14000061", "S92000003", "S23000009", ""),
    ("AB10 1AA", "S14000061", "S92000003", "S23000009", "201610"),
    ("AB15 4YR", "S14000060", "S92000003", "S23000009", "201101"),
    ("SE1 2DL", "E14001085", "E92000001", "E23000001", ""),
    ("SE1P 5ZZ", "E14001085", "E92000001", "E23000001", ""),
    ("SE1 9ZZ", "E14001085", "E92000001", "E23000001", "199812"),
    ("M1 1AD", "E14001352", "E92000001", "E23000005", ""),
    ("M11 1AA", "E14001352", "E92000001", "E23000005", ""),
    ("JE2 4WD", "L99999999", "L93000001", "L99999999", ""),
    ("IM1 1AD", "M99999999", "M83000003", "M99999999", ""),
]

# (ONS code, name, country, MP elected in July 2024, party)
CONSTITUENCIES = [
    ("S14000060", "Aberdeen North", "Scotland", "Kirsty Blackman", "Scottish National Party"),
    ("S14000061", "Aberdeen South", "Scotland", "Stephen Flynn", "Scottish National Party"),
    ("S14000111", "West Aberdeenshire and Kincardine", "Scotland", "Andrew Bowie", "Conservative"),
    ("E14001085", "Bermondsey and Old Southwark", "England", "Neil Coyle", "Labour"),
    ("E14001352", "Manchester Central", "England", "Lucy Powell", "Labour"),
]


def load_facts():
    for code, name, country, mp_name, party in CONSTITUENCIES:
        constituency, _ = Constituency.objects.get_or_create(
            code=code, defaults={"name": name, "country": country}
        )
        MemberOfParliament.objects.get_or_create(
            constituency=constituency, defaults={"name": mp_name, "party": party}
        )
    if PostcodeImport.objects.filter(is_demo=False).exists():
        return False  # a real import is loaded: leave it alone
    for postcode, constituency, country, police, terminated in POSTCODES:
        Postcode.objects.update_or_create(
            postcode=postcode,
            defaults={
                "constituency_code": constituency,
                "country_code": country,
                "police_force_code": police,
                "terminated": terminated,
            },
        )
    if not PostcodeImport.objects.exists():
        live = sum(1 for row in POSTCODES if not row[4])
        PostcodeImport.objects.create(
            source="demo", is_demo=True, live=live, terminated=len(POSTCODES) - live
        )
    return True


def run(stdout):
    demo_postcodes = load_facts()
    home = HomePage.objects.first()
    if home is None:
        return
    existing = LetterPage.objects.exists()
    letter = LetterPage.objects.first() or ensure_child(
        home,
        LetterPage,
        "write-to-your-mp",
        title="Write to your MP",
        summary="Find your MP from your postcode and write them a letter, in your own words.",
        intro="Ask your MP to back a register of serial domestic abuse and stalking perpetrators. "
        "Enter your postcode to find your MP, then add a few words of your own.",
    )
    if not existing:
        campaign = CampaignPage.objects.first()
        if campaign and not campaign.letter_page_id and not campaign.has_unpublished_changes:
            campaign.letter_page = letter
            campaign.save_revision().publish()
    link_from_home("letter_page", letter)
    stdout.write(
        "Write to your MP: letter page"
        + (", and demo postcodes (try AB10 1AB, SE1 2DL or M1 1AD)." if demo_postcodes else ".")
    )
