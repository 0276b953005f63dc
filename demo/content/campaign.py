"""The demo's campaign content (demo.campaign loads it): the register proposal, the stories index and three
survivors' stories, and the home page's signposts."""

from campaign.models import CampaignPage, StoryIndexPage, StoryPage
from demo.pages import Ref


def paragraph(*paragraphs):
    return ("paragraph", "".join(f"<p>{p}</p>" for p in paragraphs))


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def cta(title, text, page, button_label):
    return ("call_to_action", {"title": title, "text": text, "page": Ref(page), "button_label": button_label})


def facts(title, *items):
    return ("facts", {"title": title, "items": list(items)})


PROPOSAL = [
    heading("Who counts as a serial perpetrator"),
    paragraph(
        "We mean someone who has abused or stalked <b>two or more victims</b>, whether partners, "
        "former partners or family members, and who has at least one formal outcome on record against "
        "them. That record can be a conviction, a caution, or even an acquittal, because a court that "
        "acquits can still see enough risk to order protection. It can also be a civil or protective "
        "order made by a court or the police."
    ),
    facts(
        "Orders that would count",
        "Domestic Violence Protection Order (DVPO)",
        "Stalking Protection Order (SPO)",
        "Restraining Order",
        "Non-Molestation Order",
    ),
    heading("A new Category 4 of MAPPA"),
    paragraph(
        "MAPPA, the Multi-Agency Public Protection Arrangements, are how police, probation and prisons "
        "work together to manage people who pose a serious risk. Today they cover registered sexual "
        "offenders (Category 1), violent offenders with longer sentences (Category 2) and a small number "
        "of others (Category 3). Most serial abusers never qualify: their sentences are short, or they "
        "were never convicted at all, even though the pattern is plain.",
        "We are asking for a <b>Category 4</b>: serial domestic abuse and stalking perpetrators, "
        "identified by their pattern of behaviour and managed actively for as long as they pose a risk.",
    ),
    heading("What a registered perpetrator would have to do"),
    facts(
        "Obligations on everyone on the register",
        "Attend a treatment programme that works on abusive behaviour",
        "Tell the police of any change of name",
        "Tell the police when they move home",
        "Tell the police before they travel abroad",
        "Tell the police when they start a new relationship, so the new partner can be protected",
    ),
    heading("MAPPA+: specialists at the table"),
    paragraph(
        "Managing abusers is not only a job for police and probation. Under what we call MAPPA+, "
        "specialist domestic abuse advocates and stalking advocates would sit on every panel, so "
        "that the people who know victims' experience best help decide how each perpetrator is managed "
        "and how the people around them are kept safe."
    ),
    (
        "quote",
        {
            "quote": "Every one of his partners met him as a stranger. The police already knew him well.",
            "attribution": "The sister of a woman killed by a serial abuser",
        },
    ),
]

STORIES = [
    {
        "slug": "he-had-done-it-before",
        "title": "He had done it before",
        "display_name": "",
        "summary": "A survivor on finding out, too late, that she was not his first victim.",
        "content_warning": (
            "This story describes coercive control, threats and physical violence in a relationship."
        ),
        "paragraphs": [
            "At first he was attentive. He wanted to know where I was, who I was with, when I would be "
            "home. I thought it meant he cared.",
            "Within a year I had stopped seeing my friends. He checked my phone every night. When I "
            "finally left, he followed me to my new flat.",
            "In court I learned he had a restraining order from a previous relationship, and that "
            "another woman had reported him before her. Nobody had told me. A register would have "
            "meant someone was watching him, and that someone could have warned me.",
        ],
        "method": StoryPage.ConsentMethod.WRITTEN,
    },
    {
        "slug": "four-years-of-being-followed",
        "title": "Four years of being followed",
        "display_name": "Jo",
        "summary": "Jo on being stalked by an ex-partner who moved from one victim to the next.",
        "content_warning": "This story describes stalking, online harassment and fear for personal safety.",
        "paragraphs": [
            "The messages started the week I ended it. Then he was at the bus stop, at my work, outside "
            "my mum's house.",
            "The Stalking Protection Order helped for a while. Then he met someone new and the police "
            "had no way of knowing, and no duty to tell her.",
            "I want him to have to tell the police about every new relationship. That is all. It would "
            "save the next woman years.",
        ],
        "method": StoryPage.ConsentMethod.EMAIL,
    },
    {
        "slug": "what-a-disclosure-changed",
        "title": "What a disclosure changed",
        "display_name": "Priya",
        "summary": "Priya on using Clare's Law, and what she wishes had happened sooner.",
        "content_warning": "This story describes domestic abuse and mentions a previous partner's injuries.",
        "paragraphs": [
            "Something felt wrong, so a friend helped me ask the police about him under Clare's Law.",
            "An officer came to see me. She could not tell me everything, but she told me enough: two "
            "previous partners, and an order against him.",
            "I got out safely. But I only found out because I asked. A register would mean the police "
            "know where he is and who he is with, without waiting for the next woman to ask.",
        ],
        "method": StoryPage.ConsentMethod.VERBAL,
    },
]


# Short titles: they are the menu labels in the header, which must fit a small screen.
PAGES = [
    {
        "type": CampaignPage,
        "parent": "home",
        "slug": "campaign",
        "title": "Campaign",
        "show_in_menus": True,
        "before": "support",
        "intro": "Serial domestic abusers and stalkers move from one victim to the next while each case is "
        "handled as if it were the first. We are calling for a register that identifies them and "
        "manages them: a new Category 4 of MAPPA, with duties to tell the police about their lives.",
        "summary": "Our proposal: register serial domestic abuse and stalking perpetrators under MAPPA.",
        "body": PROPOSAL,
    },
    {
        "type": StoryIndexPage,
        "parent": "home",
        "slug": "stories",
        "title": "Stories",
        "show_in_menus": True,
        "before": "support",
        "intro": "Survivors share their experiences to show why a register matters. Every story is "
        "published with the writer's consent, and names and details are changed to keep them safe.",
        "summary": "Survivors' stories, shared with their consent.",
    },
]

# The home page's signposts, set once, on the first run, while the home page has no body.
HOME_SIGNPOSTS = [
    cta(
        "The register we are asking for",
        "Who counts as a serial perpetrator, and what changes.",
        "campaign",
        "Read the proposal",
    ),
    cta(
        "Survivors' stories",
        "Why a register matters, in survivors' own words.",
        "stories",
        "Read the stories",
    ),
    cta(
        "Help and guidance",
        "Helplines, your right to ask under Clare's Law, and staying safe online.",
        "support",
        "Get support",
    ),
]
