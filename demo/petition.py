"""Demo content for the petition: one live, open petition under the home page. Safe to run again."""

from wagtail.models import Page

from campaign.models import CampaignPage
from demo.pages import ensure_child, link_from_home, rich
from petition.models import PetitionPage
from website.models import HomePage


def run(stdout):
    home = HomePage.objects.first()
    if home is None:
        return
    privacy = Page.objects.child_of(home).filter(slug="privacy").first()
    petition = ensure_child(
        home,
        PetitionPage,
        "petition",
        title="Register serial abusers and stalkers",
        summary="Sign our petition for a register of serial domestic abuse and stalking perpetrators.",
        ask=(
            "We call on the Government to register serial domestic abusers and stalkers and manage them "
            "like other dangerous offenders, under MAPPA."
        ),
        background=rich(
            "Many domestic homicides are committed by men who had abused partners before. Police and "
            "probation often knew, but nobody was responsible for managing the risk they posed.",
            "A register would mean serial perpetrators are identified, actively managed and monitored, so "
            "the next partner does not have to find out the hard way.",
        ),
        target=100_000,
        privacy_page=privacy,
    )
    _link_from_campaign(petition)
    link_from_home("petition_page", petition)
    stdout.write("Demo petition: " + petition.title)


def _link_from_campaign(petition):
    for campaign in CampaignPage.objects.filter(petition_page__isnull=True):
        # Only fills an empty link: a petition chosen by staff is never replaced.
        campaign.petition_page = petition
        campaign.save_revision().publish()
