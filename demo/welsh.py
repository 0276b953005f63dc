# ruff: noqa: E501 (prose: a string per sentence pair reads better than strings cut to fit)
"""The Welsh of the demo pages' strings, for demo/translations.py: English segment → Welsh."""

# English string → Welsh, for the strings of the pages below (their segments, as Localize splits them).
WELSH = {
    # Home
    "Waymark": "Waymark",
    "Waymark: register serial domestic abusers and stalkers": (
        "Waymark: cofrestru camdrinwyr domestig a stelcwyr cyfresol"
    ),
    "A register for serial domestic abuse and stalking perpetrators.": (
        "Cofrestr ar gyfer cyflawnwyr cyfresol cam-drin domestig a stelcian."
    ),
    "Serial domestic abusers and stalkers move from victim to victim, unseen. We campaign for them to be "
    "identified, registered and managed, and we support survivors.": (
        "Mae camdrinwyr domestig a stelcwyr cyfresol yn symud o un dioddefwr i’r nesaf heb i neb sylwi. "
        "Rydym yn ymgyrchu i’w hadnabod, eu cofrestru a’u rheoli, ac rydym yn cefnogi goroeswyr."
    ),
    "The register we are asking for": "Y gofrestr rydym yn gofyn amdani",
    "Who counts as a serial perpetrator, and what changes.": (
        "Pwy sy’n cyfrif fel cyflawnwr cyfresol, a beth fyddai’n newid."
    ),
    "Read the proposal": "Darllen y cynnig",
    "Survivors' stories": "Straeon goroeswyr",
    "Why a register matters, in survivors' own words.": (
        "Pam mae cofrestr yn bwysig, yng ngeiriau goroeswyr eu hunain."
    ),
    "Read the stories": "Darllen y straeon",
    "Help and guidance": "Help a chyngor",
    "Helplines, your right to ask under Clare's Law, and staying safe online.": (
        "Llinellau cymorth, eich hawl i ofyn dan Gyfraith Clare, a chadw’n ddiogel ar-lein."
    ),
    "Get support": "Cael cymorth",
    # Campaign
    "Campaign": "Ymgyrch",
    "Our proposal: register serial domestic abuse and stalking perpetrators under MAPPA.": (
        "Ein cynnig: cofrestru cyflawnwyr cyfresol cam-drin domestig a stelcian dan MAPPA."
    ),
    "Serial domestic abusers and stalkers move from one victim to the next while each case is handled as if "
    "it were the first. We are calling for a register that identifies them and manages them: a new Category 4 "
    "of MAPPA, with duties to tell the police about their lives.": (
        "Mae camdrinwyr domestig a stelcwyr cyfresol yn symud o un dioddefwr i’r nesaf, tra bo pob achos yn "
        "cael ei drin fel petai’r cyntaf. Rydym yn galw am gofrestr sy’n eu hadnabod ac yn eu rheoli: "
        "Categori 4 newydd o MAPPA, gyda dyletswydd arnynt i ddweud wrth yr heddlu am eu bywydau."
    ),
    "Who counts as a serial perpetrator": "Pwy sy’n cyfrif fel cyflawnwr cyfresol",
    "A new Category 4 of MAPPA": "Categori 4 newydd o MAPPA",
    "What a registered perpetrator would have to do": "Beth fyddai’n rhaid i gyflawnwr cofrestredig ei wneud",
    "Obligations on everyone on the register": "Rhwymedigaethau pawb sydd ar y gofrestr",
    "Attend a treatment programme that works on abusive behaviour": (
        "Mynychu rhaglen driniaeth sy’n mynd i’r afael ag ymddygiad camdriniol"
    ),
    "Tell the police of any change of name": "Rhoi gwybod i’r heddlu am unrhyw newid enw",
    "Tell the police when they move home": "Rhoi gwybod i’r heddlu pan fyddant yn symud tŷ",
    "Tell the police before they travel abroad": "Rhoi gwybod i’r heddlu cyn teithio dramor",
    "Tell the police when they start a new relationship, so the new partner can be protected": (
        "Rhoi gwybod i’r heddlu pan fyddant yn dechrau perthynas newydd, fel bod modd diogelu’r partner newydd"
    ),
    "Orders that would count": "Gorchmynion a fyddai’n cyfrif",
    "Domestic Violence Protection Order (DVPO)": "Gorchymyn Diogelu rhag Trais Domestig (DVPO)",
    "Stalking Protection Order (SPO)": "Gorchymyn Diogelu rhag Stelcian (SPO)",
    "Restraining Order": "Gorchymyn Atal",
    "Non-Molestation Order": "Gorchymyn Peidio ag Ymyrryd",
    "MAPPA+: specialists at the table": "MAPPA+: arbenigwyr wrth y bwrdd",
    "Every one of his partners met him as a stranger. The police already knew him well.": (
        "Roedd pob un o’i bartneriaid yn ei gyfarfod fel dieithryn. Roedd yr heddlu’n ei adnabod yn dda yn barod."
    ),
    "The sister of a woman killed by a serial abuser": "Chwaer i fenyw a laddwyd gan gamdriniwr cyfresol",
    # Petition
    "Register serial abusers and stalkers": "Cofrestrwch gamdrinwyr a stelcwyr cyfresol",
    "Sign our petition for a register of serial domestic abuse and stalking perpetrators.": (
        "Llofnodwch ein deiseb dros gofrestr o gyflawnwyr cyfresol cam-drin domestig a stelcian."
    ),
    "We call on the Government to register serial domestic abusers and stalkers and manage them like other "
    "dangerous offenders, under MAPPA.": (
        "Rydym yn galw ar y Llywodraeth i gofrestru camdrinwyr domestig a stelcwyr cyfresol a’u rheoli fel "
        "troseddwyr peryglus eraill, dan MAPPA."
    ),
    "Many domestic homicides are committed by men who had abused partners before. Police and probation often "
    "knew, but nobody was responsible for managing the risk they posed.": (
        "Mae llawer o laddiadau domestig yn cael eu cyflawni gan ddynion a oedd wedi cam-drin partneriaid o’r "
        "blaen. Roedd yr heddlu a’r gwasanaeth prawf yn aml yn gwybod, ond doedd neb yn gyfrifol am reoli’r "
        "risg roeddent yn ei pheri."
    ),
    "A register would mean serial perpetrators are identified, actively managed and monitored, so the next "
    "partner does not have to find out the hard way.": (
        "Byddai cofrestr yn golygu bod cyflawnwyr cyfresol yn cael eu hadnabod, eu rheoli’n weithredol a’u "
        "monitro, fel nad oes rhaid i’r partner nesaf ddod i wybod yn y ffordd anodd."
    ),
    "We have sent you an email. Open the link in it and press <b>Confirm</b> to add your name. If it has not "
    "arrived in a few minutes, look in your spam folder.": (
        "Rydym wedi anfon e-bost atoch. Agorwch y ddolen ynddo a phwyso <b>Cadarnhau</b> i ychwanegu eich enw. "
        "Os nad yw wedi cyrraedd ymhen ychydig funudau, edrychwch yn eich ffolder sbam."
    ),
    "Thank you. Your signature has been added and will appear in the count within a minute.": (
        "Diolch. Mae eich llofnod wedi’i ychwanegu a bydd yn ymddangos yn y cyfrif o fewn munud."
    ),
    "This petition is no longer collecting signatures. Thank you to everyone who signed.": (
        "Nid yw’r ddeiseb hon yn casglu llofnodion bellach. Diolch i bawb a’i llofnododd."
    ),
    # Letter to your MP
    "Write to your MP": "Ysgrifennwch at eich Aelod Seneddol",
    "Find your MP from your postcode and write them a letter, in your own words.": (
        "Dewch o hyd i’ch Aelod Seneddol o’ch cod post ac ysgrifennwch lythyr ato, yn eich geiriau eich hun."
    ),
    "Ask your MP to back a register of serial domestic abuse and stalking perpetrators. Enter your postcode to "
    "find your MP, then add a few words of your own.": (
        "Gofynnwch i’ch Aelod Seneddol gefnogi cofrestr o gyflawnwyr cyfresol cam-drin domestig a stelcian. "
        "Rhowch eich cod post i ddod o hyd i’ch Aelod Seneddol, yna ychwanegwch ychydig eiriau eich hun."
    ),
    "MPs' offices treat identical letters as campaign mail. A few sentences in your own words, about why this "
    "matters to you, make your letter count.": (
        "Mae swyddfeydd Aelodau Seneddol yn trin llythyrau unfath fel post ymgyrch. Mae ychydig frawddegau yn "
        "eich geiriau eich hun, am pam mae hyn yn bwysig i chi, yn gwneud i’ch llythyr gyfrif."
    ),
    # Support index (the guidance page's parent)
    "Support": "Cymorth",
    "Guidance and helplines for people experiencing domestic abuse or stalking.": (
        "Canllawiau a llinellau cymorth i bobl sy’n profi cam-drin domestig neu stelcian."
    ),
    "Plain guidance on abuse and stalking, your rights, and where to get help. Every page lists the helplines, "
    "and the Exit this page button is always at the top.": (
        "Canllawiau clir am gam-drin domestig, stelcian a rheolaeth drwy orfodaeth, eich hawliau, a ble i gael "
        "help. Mae pob tudalen yn rhestru’r llinellau cymorth, ac mae’r botwm Gadael y dudalen hon bob amser ar "
        "y brig."
    ),
    # Guidance: Clare's Law
    "Clare's Law: your right to ask": "Cyfraith Clare: eich hawl i ofyn",
    "You can ask the police whether a partner has a record of abuse or violence.": (
        "Gallwch ofyn i’r heddlu a oes gan bartner hanes o gam-drin neu drais."
    ),
    "The Domestic Violence Disclosure Scheme, known as Clare's Law, lets you ask the police whether your "
    "partner, or a friend's or relative's partner, has a history of abuse or violence. This is the right to "
    "ask. The police can also decide to tell you on their own initiative: the right to know.": (
        "Mae’r Cynllun Datgelu Trais Domestig, a elwir yn Gyfraith Clare, yn gadael i chi ofyn i’r heddlu a "
        "oes gan eich partner, neu bartner ffrind neu berthynas, hanes o gam-drin neu drais. Dyma’r hawl i "
        "ofyn. Gall yr heddlu hefyd benderfynu dweud wrthych ar eu liwt eu hunain: yr hawl i wybod."
    ),
    "How asking works": "Sut mae gofyn yn gweithio",
    "You can ask at a police station, by phone on 101, or online through your police force. The police check "
    "their records and, if there is a risk to you, a trained officer tells you in person and talks you "
    "through a safety plan.": (
        "Gallwch ofyn mewn gorsaf heddlu, dros y ffôn ar 101, neu ar-lein drwy eich heddlu. Mae’r heddlu’n "
        "gwirio eu cofnodion ac, os oes risg i chi, bydd swyddog hyfforddedig yn dweud wrthych wyneb yn wyneb "
        "ac yn mynd drwy gynllun diogelwch gyda chi."
    ),
    "Will my partner find out that I asked?": "A fydd fy mhartner yn dod i wybod fy mod wedi gofyn?",
    "The police do not tell the person who asked about them. Make sure the police know a safe way and time "
    "to contact you.": (
        "Nid yw’r heddlu’n dweud wrth yr unigolyn pwy a ofynnodd amdano. Gwnewch yn siŵr bod yr heddlu’n "
        "gwybod am ffordd ac amser diogel i gysylltu â chi."
    ),
    "How long does it take?": "Faint o amser mae’n ei gymryd?",
    "Guidance asks forces to decide within 28 days, and faster when you are at immediate risk.": (
        "Mae’r canllawiau’n gofyn i heddluoedd benderfynu o fewn 28 diwrnod, ac yn gynt os ydych mewn perygl "
        "uniongyrchol."
    ),
    "We can help you ask": "Gallwn eich helpu i ofyn",
    "Tell us what worries you, and a caseworker helps you apply to the right police force, contacting you only "
    "in the way you say is safe.": (
        "Dywedwch wrthym beth sy’n eich poeni, a bydd gweithiwr achos yn eich helpu i wneud cais i’r heddlu "
        "cywir, gan gysylltu â chi dim ond yn y ffordd rydych yn dweud sy’n ddiogel."
    ),
    "Ask the police with our help": "Gofyn i’r heddlu gyda’n help ni",
    "If you are in danger while you wait, call 999.": "Os ydych mewn perygl tra byddwch yn aros, ffoniwch 999.",
    # Disclosure request page
    "Ask the police about someone's past": "Gofyn i’r heddlu am orffennol rhywun",
    "Clare's Law: ask the police whether a partner has a history of abuse. We can help you ask.": (
        "Cyfraith Clare: gofynnwch i’r heddlu a oes gan bartner hanes o gam-drin. Gallwn eich helpu i ofyn."
    ),
    "Under the Domestic Violence Disclosure Scheme (Clare's Law) you can ask the police whether a partner, or "
    "the partner of someone you care about, has a record of abuse or violence. This is the <b>right to ask</b>. "
    "The police can also decide to tell someone without being asked: the <b>right to know</b>.": (
        "Dan y Cynllun Datgelu Trais Domestig (Cyfraith Clare) gallwch ofyn i’r heddlu a oes gan bartner, neu "
        "bartner rhywun sy’n annwyl i chi, hanes o gam-drin neu drais. Dyma’r <b>hawl i ofyn</b>. Gall yr "
        "heddlu hefyd benderfynu dweud wrth rywun heb i neb ofyn: yr <b>hawl i wybod</b>."
    ),
    "Scotland has its own Disclosure Scheme for Domestic Abuse, and Northern Ireland its Domestic Violence and "
    "Abuse Disclosure Scheme. They work in much the same way.": (
        "Mae gan yr Alban ei Chynllun Datgelu ei hun ar gyfer Cam-drin Domestig, a Gogledd Iwerddon ei Chynllun "
        "Datgelu Trais a Cham-drin Domestig. Maent yn gweithio mewn ffordd debyg iawn."
    ),
    "The police decide whether to tell you anything, and it usually takes around 28 days. Our caseworkers can "
    "help you ask, contact you only in the way you tell us is safe, and support you whatever the answer.": (
        "Yr heddlu sy’n penderfynu a fyddant yn dweud unrhyw beth wrthych, ac fel arfer mae’n cymryd tua 28 "
        "diwrnod. Gall ein gweithwyr achos eich helpu i ofyn, cysylltu â chi dim ond yn y ffordd rydych yn "
        "dweud sy’n ddiogel, a’ch cefnogi beth bynnag fo’r ateb i’ch cais am ddatgeliad."
    ),
    "If you are in danger now, call <b>999</b>. If you cannot speak, call 999, listen, and press <b>55</b> "
    "when asked (the Silent Solution).": (
        "Os ydych mewn perygl nawr, ffoniwch <b>999</b>. Os na allwch siarad, ffoniwch 999, gwrandewch, a "
        "phwyswch <b>55</b> pan ofynnir i chi (y Datrysiad Tawel)."
    ),
    "We delete unfinished answers after 30 minutes without a step, or at once when you use <b>Exit this "
    "page</b>.": (
        "Rydym yn dileu atebion anorffenedig ar ôl 30 munud heb gam, neu ar unwaith pan fyddwch yn defnyddio "
        "<b>Gadael y dudalen hon</b>."
    ),
    "We delete the details twelve months after your request is closed, keeping only anonymous counts.": (
        "Rydym yn dileu’r manylion ddeuddeg mis ar ôl cau eich cais, gan gadw cyfrifon dienw yn unig."
    ),
    "Thank you. A caseworker will contact you in the way you told us is safe, usually within two working days.": (
        "Diolch. Bydd gweithiwr achos yn cysylltu â chi yn y ffordd y dywedoch wrthym sy’n ddiogel, fel arfer o "
        "fewn dau ddiwrnod gwaith."
    ),
    # Campaign: the proposal's paragraphs
    "We mean someone who has abused or stalked <b>two or more victims</b>, whether partners, former partners or family members, and who has at least one formal outcome on record against them. That record can be a conviction, a caution, or even an acquittal, because a court that acquits can still see enough risk to order protection. It can also be a civil or protective order made by a court or the police.": (
        "Rydym yn golygu rhywun sydd wedi cam-drin neu stelcian <b>dau ddioddefwr neu fwy</b>, boed yn bartneriaid, "
        "yn gyn-bartneriaid neu’n aelodau o’r teulu, ac sydd ag o leiaf un canlyniad ffurfiol ar gofnod yn ei erbyn. "
        "Gall y cofnod hwnnw fod yn euogfarn, yn rhybudd, neu hyd yn oed yn rhyddfarn, oherwydd gall llys sy’n "
        "rhyddfarnu weld digon o risg i orchymyn amddiffyniad. Gall hefyd fod yn orchymyn sifil neu amddiffynnol "
        "gan lys neu’r heddlu."
    ),
    "MAPPA, the Multi-Agency Public Protection Arrangements, are how police, probation and prisons work together to manage people who pose a serious risk. Today they cover registered sexual offenders (Category 1), violent offenders with longer sentences (Category 2) and a small number of others (Category 3). Most serial abusers never qualify: their sentences are short, or they were never convicted at all, even though the pattern is plain.": (
        "MAPPA, y Trefniadau Amlasiantaethol Diogelu’r Cyhoedd, yw’r ffordd y mae’r heddlu, y gwasanaeth prawf a’r "
        "carchardai yn cydweithio i reoli pobl sy’n peri risg ddifrifol. Heddiw maent yn cynnwys troseddwyr rhyw "
        "cofrestredig (Categori 1), troseddwyr treisgar â dedfrydau hirach (Categori 2) a nifer fach o bobl eraill "
        "(Categori 3). Nid yw’r rhan fwyaf o gamdrinwyr cyfresol byth yn gymwys: mae eu dedfrydau’n fyr, neu ni "
        "chawsant eu heuogfarnu o gwbl, er bod y patrwm yn amlwg."
    ),
    "We are asking for a <b>Category 4</b>: serial domestic abuse and stalking perpetrators, identified by their pattern of behaviour and managed actively for as long as they pose a risk.": (
        "Rydym yn gofyn am <b>Gategori 4</b>: cyflawnwyr cyfresol cam-drin domestig a stelcian, wedi’u hadnabod "
        "drwy batrwm eu hymddygiad a’u rheoli’n weithredol cyhyd ag y maent yn peri risg."
    ),
    "Managing abusers is not only a job for police and probation. Under what we call MAPPA+, specialist domestic abuse advocates and stalking advocates would sit on every panel, so that the people who know victims' experience best help decide how each perpetrator is managed and how the people around them are kept safe.": (
        "Nid gwaith i’r heddlu a’r gwasanaeth prawf yn unig yw rheoli camdrinwyr. Dan yr hyn rydym yn ei alw’n "
        "MAPPA+, byddai eiriolwyr arbenigol cam-drin domestig ac eiriolwyr stelcian yn eistedd ar bob panel, fel "
        "bod y bobl sy’n deall profiad dioddefwyr orau yn helpu i benderfynu sut mae pob cyflawnwr yn cael ei "
        "reoli a sut mae’r bobl o’i gwmpas yn cael eu cadw’n ddiogel."
    ),
    # Stories
    "Stories": "Straeon",
    "Survivors' stories, shared with their consent.": "Straeon goroeswyr, wedi’u rhannu gyda’u caniatâd.",
    "Survivors share their experiences to show why a register matters. Every story is published with the writer's consent, and names and details are changed to keep them safe.": (
        "Mae goroeswyr yn rhannu eu profiadau i ddangos pam mae cofrestr yn bwysig. Mae pob stori’n cael ei "
        "chyhoeddi gyda chaniatâd yr awdur, ac mae enwau a manylion wedi’u newid i’w cadw’n ddiogel."
    ),
    "He had done it before": "Roedd wedi gwneud hyn o’r blaen",
    "A survivor on finding out, too late, that she was not his first victim.": (
        "Goroeswr yn sôn am ddod i wybod, yn rhy hwyr, nad hi oedd ei ddioddefwr cyntaf."
    ),
    "This story describes coercive control, threats and physical violence in a relationship.": (
        "Mae’r stori hon yn disgrifio rheolaeth drwy orfodaeth, bygythiadau a thrais corfforol mewn perthynas."
    ),
    "At first he was attentive. He wanted to know where I was, who I was with, when I would be home. I thought it meant he cared.": (
        "Ar y dechrau roedd yn ofalus ohonof. Roedd eisiau gwybod ble roeddwn i, gyda phwy, a phryd y byddwn "
        "adref. Roeddwn i’n meddwl bod hynny’n golygu ei fod yn poeni amdanaf."
    ),
    "Within a year I had stopped seeing my friends. He checked my phone every night. When I finally left, he followed me to my new flat.": (
        "O fewn blwyddyn roeddwn i wedi rhoi’r gorau i weld fy ffrindiau. Roedd yn gwirio fy ffôn bob nos. Pan "
        "adewais i o’r diwedd, fe’m dilynodd i’m fflat newydd."
    ),
    "In court I learned he had a restraining order from a previous relationship, and that another woman had reported him before her. Nobody had told me. A register would have meant someone was watching him, and that someone could have warned me.": (
        "Yn y llys fe ddysgais fod ganddo orchymyn atal o berthynas flaenorol, a bod menyw arall wedi rhoi gwybod "
        "amdano cyn hynny. Doedd neb wedi dweud wrtha i. Byddai cofrestr wedi golygu bod rhywun yn cadw llygad "
        "arno, ac y gallai rhywun fod wedi fy rhybuddio."
    ),
    "Four years of being followed": "Pedair blynedd o gael fy nilyn",
    "Jo on being stalked by an ex-partner who moved from one victim to the next.": (
        "Jo yn sôn am gael ei stelcian gan gyn-bartner a symudodd o un dioddefwr i’r nesaf."
    ),
    "This story describes stalking, online harassment and fear for personal safety.": (
        "Mae’r stori hon yn disgrifio stelcian, aflonyddu ar-lein ac ofn am ddiogelwch personol."
    ),
    "The messages started the week I ended it. Then he was at the bus stop, at my work, outside my mum's house.": (
        "Dechreuodd y negeseuon yr wythnos y daeth y berthynas i ben. Yna roedd e yn yr arhosfan bysiau, yn fy "
        "ngwaith, y tu allan i dŷ fy mam."
    ),
    "The Stalking Protection Order helped for a while. Then he met someone new and the police had no way of knowing, and no duty to tell her.": (
        "Fe helpodd y Gorchymyn Diogelu rhag Stelcian am gyfnod. Yna fe gyfarfu â rhywun newydd, a doedd dim "
        "ffordd i’r heddlu wybod, a dim dyletswydd i ddweud wrthi."
    ),
    "I want him to have to tell the police about every new relationship. That is all. It would save the next woman years.": (
        "Rwyf eisiau iddo orfod dweud wrth yr heddlu am bob perthynas newydd. Dyna’r cyfan. Byddai’n arbed "
        "blynyddoedd i’r fenyw nesaf."
    ),
    "What a disclosure changed": "Beth newidiodd datgeliad",
    "Priya on using Clare's Law, and what she wishes had happened sooner.": (
        "Priya yn sôn am ddefnyddio Cyfraith Clare, a’r hyn y mae’n dymuno a fyddai wedi digwydd yn gynt."
    ),
    "This story describes domestic abuse and mentions a previous partner's injuries.": (
        "Mae’r stori hon yn disgrifio cam-drin domestig ac yn sôn am anafiadau partner blaenorol."
    ),
    "Something felt wrong, so a friend helped me ask the police about him under Clare's Law.": (
        "Roedd rhywbeth yn teimlo’n anghywir, felly fe wnaeth ffrind fy helpu i ofyn i’r heddlu amdano dan Gyfraith Clare."
    ),
    "An officer came to see me. She could not tell me everything, but she told me enough: two previous partners, and an order against him.": (
        "Daeth swyddog i’m gweld. Allai hi ddim dweud popeth wrtha i, ond fe ddywedodd ddigon: dau bartner "
        "blaenorol, a gorchymyn yn ei erbyn."
    ),
    "I got out safely. But I only found out because I asked. A register would mean the police know where he is and who he is with, without waiting for the next woman to ask.": (
        "Fe ddes i allan yn ddiogel. Ond dim ond am fy mod wedi gofyn y des i i wybod. Byddai cofrestr yn golygu "
        "bod yr heddlu’n gwybod ble mae e a gyda phwy, heb aros i’r fenyw nesaf ofyn."
    ),
    # Privacy notice
    "Privacy notice": "Hysbysiad preifatrwydd",
    "What we keep about you, why, for how long, and your rights.": (
        "Beth rydym yn ei gadw amdanoch, pam, am ba hyd, a’ch hawliau."
    ),
    'Waymark (Waymark, 1 Example Street, London N1 0AA (ICO registration ZA000000)) is the data controller for the information you give us on this website. You can reach us about your information at <a id="a1">privacy@waymark.localhost</a>.': (
        "Waymark (Waymark, 1 Example Street, London N1 0AA (cofrestriad ICO ZA000000)) yw’r rheolydd data ar "
        "gyfer yr wybodaeth rydych yn ei rhoi i ni ar y wefan hon. Gallwch gysylltu â ni am eich gwybodaeth yn "
        '<a id="a1">privacy@waymark.localhost</a>.'
    ),
    "We collect as little as we can. We never sell or share your information for marketing.": (
        "Rydym yn casglu cyn lleied ag y gallwn. Nid ydym byth yn gwerthu nac yn rhannu eich gwybodaeth ar "
        "gyfer marchnata."
    ),
    "<b>Petition signatures.</b> We keep your name, email address, postcode and whether you want campaign updates. We use them to count your signature once and to contact you if you asked us to. Six months after the petition closes we delete names, email addresses, postcodes and network details, keeping only the counts.": (
        "<b>Llofnodion deisebau.</b> Rydym yn cadw eich enw, eich cyfeiriad e-bost, eich cod post ac a ydych "
        "eisiau newyddion am yr ymgyrch. Rydym yn eu defnyddio i gyfrif eich llofnod unwaith ac i gysylltu â chi "
        "os gofynnoch i ni wneud hynny. Chwe mis ar ôl i’r ddeiseb gau rydym yn dileu enwau, cyfeiriadau e-bost, "
        "codau post a manylion rhwydwaith, gan gadw’r cyfrifon yn unig."
    ),
    "<b>Campaign updates.</b> If you ticked the box for campaign updates, we keep your name and email address for that, separately from your signature, until you unsubscribe (one click, in any update) or two years after you last asked for updates, whichever comes first. Unsubscribing deletes your email address from our list at once.": (
        "<b>Newyddion am yr ymgyrch.</b> Os ticioch y blwch ar gyfer newyddion am yr ymgyrch, rydym yn cadw eich "
        "enw a’ch cyfeiriad e-bost ar gyfer hynny, ar wahân i’ch llofnod, nes i chi ddad-danysgrifio (un clic, "
        "mewn unrhyw neges) neu ddwy flynedd ar ôl i chi ofyn am newyddion ddiwethaf, pa un bynnag sydd gyntaf. "
        "Mae dad-danysgrifio yn dileu eich cyfeiriad e-bost o’n rhestr ar unwaith."
    ),
    "<b>Letters to your MP.</b> We do not store your name, address or letter. We only count how many letters were written in each constituency.": (
        "<b>Llythyrau at eich Aelod Seneddol.</b> Nid ydym yn cadw eich enw, eich cyfeiriad na’ch llythyr. Dim "
        "ond cyfrif faint o lythyrau a ysgrifennwyd ym mhob etholaeth rydym yn ei wneud."
    ),
    "<b>Disclosure requests.</b> What you tell us is sensitive and may be criminal-offence data. It is encrypted, seen only by the caseworkers of the team handling your request (not our other staff or the administrators of this website), every look at it is recorded, and it is deleted twelve months after your request is closed.": (
        "<b>Ceisiadau am ddatgeliad.</b> Mae’r hyn rydych yn ei ddweud wrthym yn sensitif a gall fod yn ddata "
        "troseddau. Mae wedi’i amgryptio, dim ond gweithwyr achos y tîm sy’n delio â’ch cais sy’n ei weld (nid "
        "ein staff eraill na gweinyddwyr y wefan hon), mae pob golwg arno’n cael ei chofnodi, ac mae’n cael ei "
        "ddileu ddeuddeg mis ar ôl cau eich cais."
    ),
    "<b>Your device.</b> We set no tracking or advertising cookies and load nothing from other websites. The quick exit button clears what our server knows about your visit.": (
        "<b>Eich dyfais.</b> Nid ydym yn gosod cwcis tracio na hysbysebu ac nid ydym yn llwytho dim o wefannau "
        "eraill. Mae’r botwm gadael yn gyflym yn clirio’r hyn y mae ein gweinydd yn ei wybod am eich ymweliad."
    ),
    "<b>Your rights.</b> Under the UK General Data Protection Regulation (UK GDPR) you have the right to be told what we hold about you and to get a copy of it (a subject access request); to have it corrected if it is wrong; to have it deleted; to restrict how we use it; to object to our using it, including for campaign emails at any time; to withdraw your consent where we rely on it; and to receive it in a form you can take elsewhere (data portability).": (
        "<b>Eich hawliau.</b> Dan Reoliad Cyffredinol y DU ar Ddiogelu Data (GDPR y DU) mae gennych hawl i gael "
        "gwybod beth rydym yn ei gadw amdanoch a chael copi ohono (cais am fynediad at ddata gan y testun); i’w "
        "gywiro os yw’n anghywir; i’w ddileu; i gyfyngu ar sut rydym yn ei ddefnyddio; i wrthwynebu i ni ei "
        "ddefnyddio, gan gynnwys ar gyfer negeseuon e-bost ymgyrch ar unrhyw adeg; i dynnu eich caniatâd yn ôl "
        "lle rydym yn dibynnu arno; ac i’w gael mewn ffurf y gallwch ei chymryd i rywle arall (cludadwyedd data)."
    ),
    '<b>How to use your rights.</b> Email or write to us (the addresses are above and on our <a id="a1">contact page</a>), saying which right you want to use. You do not have to use any particular words or form, and it is free. We answer within one month. We may ask you to prove who you are, in a way that is safe for you. To stop petition emails, use the unsubscribe link in any of them; to withdraw your signature, use the link in your confirmation email.': (
        "<b>Sut i ddefnyddio eich hawliau.</b> Anfonwch e-bost neu ysgrifennwch atom (mae’r cyfeiriadau uchod ac "
        'ar ein <a id="a1">tudalen gyswllt</a>), gan ddweud pa hawl rydych eisiau ei defnyddio. Does dim rhaid i '
        "chi ddefnyddio geiriau na ffurflen benodol, ac mae am ddim. Rydym yn ateb o fewn mis. Efallai y byddwn "
        "yn gofyn i chi brofi pwy ydych chi, mewn ffordd sy’n ddiogel i chi. I atal negeseuon e-bost y ddeiseb, "
        "defnyddiwch y ddolen dad-danysgrifio yn unrhyw un ohonynt; i dynnu eich llofnod yn ôl, defnyddiwch y "
        "ddolen yn eich e-bost cadarnhau."
    ),
    "<b>Complaints.</b> If you are unhappy with how we use your information, tell us first. You can also complain to the Information Commissioner's Office (ICO), the UK's data protection regulator: ico.org.uk, helpline 0303 123 1113.": (
        "<b>Cwynion.</b> Os ydych yn anhapus â sut rydym yn defnyddio eich gwybodaeth, dywedwch wrthym yn gyntaf. "
        "Gallwch hefyd gwyno wrth Swyddfa’r Comisiynydd Gwybodaeth (ICO), rheoleiddiwr diogelu data’r DU: "
        "ico.org.uk, llinell gymorth 0303 123 1113."
    ),
    # Call-back request (its other texts are the model's defaults, whose Welsh is in the catalog)
    "Ask us to call you back": "Gofyn i ni eich ffonio’n ôl",
    "Give us a safe number and a safe time, and a caseworker will ring you.": (
        "Rhowch rif diogel ac amser diogel i ni, a bydd gweithiwr achos yn eich ffonio."
    ),
    # Cover your tracks
    "Cover your tracks online": "Cuddio eich olion ar-lein",
    "How to look for help without leaving a trail on a shared or monitored device.": (
        "Sut i chwilio am help heb adael ôl ar ddyfais a rennir neu sy’n cael ei monitro."
    ),
    "If someone else uses or checks your phone or computer, they may be able to see the websites you have visited. These steps lower the risk. No step is perfect, so use a device they cannot reach, such as a friend's phone or a library computer, when you can.": (
        "Os yw rhywun arall yn defnyddio neu’n gwirio eich ffôn neu’ch cyfrifiadur, efallai y gallant weld y "
        "gwefannau rydych wedi ymweld â nhw. Mae’r camau hyn yn lleihau’r risg. Does dim cam yn berffaith, felly "
        "defnyddiwch ddyfais na allant ei chyrraedd, fel ffôn ffrind neu gyfrifiadur llyfrgell, pan allwch chi."
    ),
    "Private browsing": "Pori preifat",
    "A private or incognito window does not keep history, cookies or searches once you close it. Open one from your browser's menu before you visit support sites. It does not hide what you do from your internet provider or from monitoring apps.": (
        "Nid yw ffenestr breifat neu incognito yn cadw hanes, cwcis na chwiliadau ar ôl i chi ei chau. Agorwch "
        "un o ddewislen eich porwr cyn i chi ymweld â gwefannau cymorth. Nid yw’n cuddio’r hyn rydych yn ei wneud "
        "rhag eich darparwr rhyngrwyd nac apiau monitro."
    ),
    "Deleting history": "Dileu hanes",
    "Every browser lets you delete history from its settings. Deleting only some pages is safer than clearing everything, which can itself look suspicious. Check the browser's recently closed tabs, and any other devices signed in to the same account.": (
        "Mae pob porwr yn gadael i chi ddileu hanes o’i osodiadau. Mae dileu rhai tudalennau’n unig yn fwy "
        "diogel na chlirio popeth, a all edrych yn amheus ynddo’i hun. Gwiriwch dabiau a gaewyd yn ddiweddar yn "
        "y porwr, ac unrhyw ddyfeisiau eraill sydd wedi mewngofnodi i’r un cyfrif."
    ),
    "What the Exit this page button can and cannot do": (
        "Beth y gall y botwm Gadael y dudalen hon ei wneud, a beth na all ei wneud"
    ),
    "The button at the top of every page (or, on a computer, pressing Shift three times) hides this site at once, replaces it with a weather page and forgets your visit on our side, including anything typed into our forms. It cannot delete your browser history: the pages you viewed are still listed there. Use private browsing, or delete them afterwards.": (
        "Mae’r botwm ar frig pob tudalen (neu, ar gyfrifiadur, pwyso Shift dair gwaith) yn cuddio’r wefan hon ar "
        "unwaith, yn rhoi tudalen dywydd yn ei lle ac yn anghofio eich ymweliad ar ein hochr ni, gan gynnwys "
        "unrhyw beth a deipiwyd yn ein ffurflenni. Ni all ddileu hanes eich porwr: mae’r tudalennau a welsoch "
        "yn dal i gael eu rhestru yno. Defnyddiwch bori preifat, neu dilëwch nhw wedyn."
    ),
    "Spyware and trackers": "Ysbïwedd a thracwyr",
    "How do I know if my phone is being monitored?": "Sut ydw i’n gwybod a yw fy ffôn yn cael ei fonitro?",
    "Warning signs include a partner knowing what you said in messages, a battery that drains fast, or apps you did not install. Removing spyware can alert the person who installed it, so talk to a helpline adviser before you do.": (
        "Mae arwyddion rhybudd yn cynnwys partner sy’n gwybod beth ddywedoch mewn negeseuon, batri sy’n rhedeg "
        "i lawr yn gyflym, neu apiau na wnaethoch eu gosod. Gall tynnu ysbïwedd rybuddio’r person a’i gosododd, "
        "felly siaradwch â chynghorydd llinell gymorth cyn gwneud hynny."
    ),
    "Advisers can talk you through staying safe online.": (
        "Gall cynghorwyr eich helpu gam wrth gam i gadw’n ddiogel ar-lein."
    ),
    # Write to your MP: the letter's own wording comes from the page's Welsh fields (translation_demo)
    "Why does this matter to you?<br/>Has domestic abuse or stalking touched you, your family, your friends or your community?<br/>What would you like your MP to do?": (
        "Pam mae hyn yn bwysig i chi?\nYdy cam-drin domestig neu stelcian wedi effeithio arnoch chi, eich teulu, "
        "eich ffrindiau neu eich cymuned?\nBeth hoffech chi i’ch Aelod Seneddol ei wneud?"
    ),
    # Disclosure request page
    "What you tell us is sensitive. It may include information about crimes, which the law calls criminal-offence data. We encrypt it, and only the caseworkers of the team handling your request can read it: not our other staff, and not the administrators of this website. Each time a caseworker opens it, that is recorded. We use it only to help you ask the police for a disclosure. We do not share it with anyone, including the police, unless you agree or someone's life is in danger.": (
        "Mae’r hyn rydych yn ei ddweud wrthym yn sensitif. Gall gynnwys gwybodaeth am droseddau, y mae’r gyfraith "
        "yn ei galw’n ddata troseddau. Rydym yn ei amgryptio, a dim ond gweithwyr achos y tîm sy’n delio â’ch "
        "cais all ei ddarllen: nid ein staff eraill, ac nid gweinyddwyr y wefan hon. Bob tro y bydd gweithiwr "
        "achos yn ei agor, caiff hynny ei gofnodi. Rydym yn ei ddefnyddio dim ond i’ch helpu i ofyn i’r heddlu am "
        "ddatgeliad. Nid ydym yn ei rannu ag unrhyw un, gan gynnwys yr heddlu, oni bai eich bod yn cytuno neu fod "
        "bywyd rhywun mewn perygl."
    ),
}
