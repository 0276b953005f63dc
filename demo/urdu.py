# ruff: noqa: E501 (prose: a string per sentence pair reads better than strings cut to fit)
"""The Urdu of the demo pages' strings, for demo/translations.py: English segment → Urdu. Machine-drafted
and awaiting review (docs/translation.md).
"""

# Machine-drafted and awaiting review: every Urdu page says so (includes/language_switcher.html).
URDU = {
    "Waymark": "Waymark",
    "Waymark: register serial domestic abusers and stalkers": (
        "Waymark: بار بار گھریلو زیادتی کرنے والوں اور پیچھا کرنے والوں کا اندراج"
    ),
    "A register for serial domestic abuse and stalking perpetrators.": (
        "بار بار گھریلو زیادتی اور پیچھا کرنے والے مجرموں کے لیے ایک رجسٹر۔"
    ),
    "Serial domestic abusers and stalkers move from victim to victim, unseen. We campaign for them to be "
    "identified, registered and managed, and we support survivors.": (
        "بار بار گھریلو زیادتی کرنے والے اور پیچھا کرنے والے بغیر کسی کی نظر میں آئے ایک متاثرہ سے دوسرے تک جاتے"
        " ہیں۔ ہم مہم چلاتے ہیں کہ ان کی شناخت، اندراج اور نگرانی ہو، اور ہم متاثرین کی مدد کرتے ہیں۔"
    ),
    "Support": "مدد",
    "Guidance and helplines for people experiencing domestic abuse or stalking.": (
        "گھریلو زیادتی یا پیچھا کیے جانے کا سامنا کرنے والوں کے لیے رہنمائی اور ہیلپ لائنز۔"
    ),
    "Plain guidance on abuse and stalking, your rights, and where to get help. Every page lists the helplines, "
    "and the Exit this page button is always at the top.": (
        "زیادتی اور پیچھا کیے جانے، آپ کے حقوق، اور مدد کہاں سے ملے، اس پر سادہ رہنمائی۔ ہر صفحے پر ہیلپ لائنز"
        " درج ہیں، اور ’یہ صفحہ چھوڑیں‘ کا بٹن ہمیشہ اوپر ہوتا ہے۔"
    ),
    "Clare's Law: your right to ask": "کلیئر کا قانون: آپ کا پوچھنے کا حق",
    "You can ask the police whether a partner has a record of abuse or violence.": (
        "آپ پولیس سے پوچھ سکتے ہیں کہ کیا کسی ساتھی کا زیادتی یا تشدد کا ریکارڈ ہے۔"
    ),
    "How asking works": "پوچھنے کا طریقہ",
    "How long does it take?": "اس میں کتنا وقت لگتا ہے؟",
    "Will my partner find out that I asked?": "کیا میرے ساتھی کو پتا چلے گا کہ میں نے پوچھا؟",
    "If you are in danger while you wait, call 999.": "اگر انتظار کے دوران آپ خطرے میں ہوں تو 999 پر کال کریں۔",
    # Home: the signposts
    "The register we are asking for": "وہ رجسٹر جس کا ہم مطالبہ کر رہے ہیں",
    "Who counts as a serial perpetrator, and what changes.": "بار بار جرم کرنے والا کسے سمجھا جائے گا، اور کیا بدلے گا۔",
    "Read the proposal": "تجویز پڑھیں",
    "Survivors' stories": "متاثرین کی کہانیاں",
    "Why a register matters, in survivors' own words.": "رجسٹر کیوں ضروری ہے، متاثرین کے اپنے الفاظ میں۔",
    "Read the stories": "کہانیاں پڑھیں",
    "Help and guidance": "مدد اور رہنمائی",
    "Helplines, your right to ask under Clare's Law, and staying safe online.": (
        "ہیلپ لائنز، کلیئر کے قانون کے تحت آپ کا پوچھنے کا حق، اور آن لائن محفوظ رہنا۔"
    ),
    "Get support": "مدد حاصل کریں",
    # Campaign
    "Campaign": "مہم",
    "Our proposal: register serial domestic abuse and stalking perpetrators under MAPPA.": (
        "ہماری تجویز: بار بار گھریلو زیادتی اور پیچھا کرنے والے مجرموں کا MAPPA کے تحت اندراج۔"
    ),
    "Serial domestic abusers and stalkers move from one victim to the next while each case is handled as if it were the first. We are calling for a register that identifies them and manages them: a new Category 4 of MAPPA, with duties to tell the police about their lives.": (
        "بار بار گھریلو زیادتی کرنے والے اور پیچھا کرنے والے ایک متاثرہ سے دوسرے تک جاتے ہیں، جبکہ ہر معاملے کو"
        " ایسے نمٹایا جاتا ہے جیسے یہ پہلا ہو۔ ہم ایک ایسے رجسٹر کا مطالبہ کرتے ہیں جو ان کی شناخت اور نگرانی کرے:"
        " MAPPA کی ایک نئی کیٹیگری 4، جس میں ان پر لازم ہو کہ وہ اپنی زندگی کے بارے میں پولیس کو بتائیں۔"
    ),
    "Who counts as a serial perpetrator": "بار بار جرم کرنے والا کسے سمجھا جائے گا",
    "We mean someone who has abused or stalked <b>two or more victims</b>, whether partners, former partners or family members, and who has at least one formal outcome on record against them. That record can be a conviction, a caution, or even an acquittal, because a court that acquits can still see enough risk to order protection. It can also be a civil or protective order made by a court or the police.": (
        "ہماری مراد وہ شخص ہے جس نے <b>دو یا زیادہ متاثرین</b> سے زیادتی کی ہو یا ان کا پیچھا کیا ہو، چاہے وہ ساتھی"
        " ہوں، سابق ساتھی ہوں یا خاندان کے افراد، اور جس کے خلاف کم از کم ایک باضابطہ فیصلہ ریکارڈ پر ہو۔ یہ"
        " ریکارڈ سزا، تنبیہ، یا بریت بھی ہو سکتا ہے، کیونکہ بری کرنے والی عدالت بھی اتنا خطرہ دیکھ سکتی ہے کہ"
        " تحفظ کا حکم دے۔ یہ عدالت یا پولیس کا دیوانی یا حفاظتی حکم بھی ہو سکتا ہے۔"
    ),
    "Orders that would count": "وہ احکامات جو شمار ہوں گے",
    "Domestic Violence Protection Order (DVPO)": "گھریلو تشدد سے تحفظ کا حکم (DVPO)",
    "Stalking Protection Order (SPO)": "پیچھا کرنے سے تحفظ کا حکم (SPO)",
    "Restraining Order": "امتناعی حکم",
    "Non-Molestation Order": "ہراسانی سے روکنے کا حکم",
    "A new Category 4 of MAPPA": "MAPPA کی ایک نئی کیٹیگری 4",
    "MAPPA, the Multi-Agency Public Protection Arrangements, are how police, probation and prisons work together to manage people who pose a serious risk. Today they cover registered sexual offenders (Category 1), violent offenders with longer sentences (Category 2) and a small number of others (Category 3). Most serial abusers never qualify: their sentences are short, or they were never convicted at all, even though the pattern is plain.": (
        "MAPPA، یعنی عوامی تحفظ کے کثیر ادارہ جاتی انتظامات، وہ طریقہ ہے جس سے پولیس، پروبیشن اور جیلیں مل کر"
        " سنگین خطرہ بننے والے لوگوں کی نگرانی کرتی ہیں۔ آج ان میں رجسٹرڈ جنسی مجرم (کیٹیگری 1)، لمبی سزا والے"
        " پرتشدد مجرم (کیٹیگری 2) اور چند دوسرے لوگ (کیٹیگری 3) شامل ہیں۔ زیادہ تر بار بار زیادتی کرنے والے کبھی"
        " اس میں نہیں آتے: ان کی سزائیں مختصر ہوتی ہیں، یا انہیں کبھی سزا ہی نہیں ہوئی، حالانکہ ان کا طرزِ عمل صاف"
        " نظر آتا ہے۔"
    ),
    "We are asking for a <b>Category 4</b>: serial domestic abuse and stalking perpetrators, identified by their pattern of behaviour and managed actively for as long as they pose a risk.": (
        "ہم <b>کیٹیگری 4</b> کا مطالبہ کر رہے ہیں: بار بار گھریلو زیادتی اور پیچھا کرنے والے مجرم، جن کی شناخت ان"
        " کے طرزِ عمل سے ہو اور جب تک وہ خطرہ ہوں ان کی فعال نگرانی کی جائے۔"
    ),
    "What a registered perpetrator would have to do": "رجسٹرڈ مجرم کو کیا کرنا ہو گا",
    "Obligations on everyone on the register": "رجسٹر میں شامل ہر شخص کی ذمہ داریاں",
    "Attend a treatment programme that works on abusive behaviour": "زیادتی والے رویے پر کام کرنے والے علاج کے پروگرام میں شرکت",
    "Tell the police of any change of name": "نام کی کسی بھی تبدیلی کی پولیس کو اطلاع",
    "Tell the police when they move home": "گھر بدلنے پر پولیس کو اطلاع",
    "Tell the police before they travel abroad": "بیرونِ ملک سفر سے پہلے پولیس کو اطلاع",
    "Tell the police when they start a new relationship, so the new partner can be protected": (
        "نیا تعلق شروع کرنے پر پولیس کو اطلاع، تاکہ نئے ساتھی کو تحفظ دیا جا سکے"
    ),
    "MAPPA+: specialists at the table": "MAPPA+: ماہرین بھی شامل",
    "Managing abusers is not only a job for police and probation. Under what we call MAPPA+, specialist domestic abuse advocates and stalking advocates would sit on every panel, so that the people who know victims' experience best help decide how each perpetrator is managed and how the people around them are kept safe.": (
        "زیادتی کرنے والوں کی نگرانی صرف پولیس اور پروبیشن کا کام نہیں۔ جسے ہم MAPPA+ کہتے ہیں، اس کے تحت گھریلو"
        " زیادتی اور پیچھا کیے جانے کے ماہر مددگار ہر پینل میں بیٹھیں گے، تاکہ جو لوگ متاثرین کے تجربے کو سب سے"
        " بہتر جانتے ہیں وہ یہ طے کرنے میں مدد کریں کہ ہر مجرم کی نگرانی کیسے ہو اور اس کے آس پاس کے لوگوں کو"
        " کیسے محفوظ رکھا جائے۔"
    ),
    "Every one of his partners met him as a stranger. The police already knew him well.": (
        "اس کی ہر ساتھی اس سے ایک اجنبی کی طرح ملی۔ پولیس اسے پہلے سے اچھی طرح جانتی تھی۔"
    ),
    "The sister of a woman killed by a serial abuser": "ایک عورت کی بہن، جسے بار بار زیادتی کرنے والے نے قتل کیا",
    # Stories
    "Stories": "کہانیاں",
    "Survivors' stories, shared with their consent.": "متاثرین کی کہانیاں، ان کی رضامندی سے۔",
    "Survivors share their experiences to show why a register matters. Every story is published with the writer's consent, and names and details are changed to keep them safe.": (
        "متاثرین اپنے تجربات بتاتے ہیں تاکہ دکھا سکیں کہ رجسٹر کیوں ضروری ہے۔ ہر کہانی لکھنے والے کی رضامندی سے"
        " شائع ہوتی ہے، اور ان کی حفاظت کے لیے نام اور تفصیلات بدل دی جاتی ہیں۔"
    ),
    "He had done it before": "وہ پہلے بھی یہ کر چکا تھا",
    "A survivor on finding out, too late, that she was not his first victim.": (
        "ایک متاثرہ، جسے بہت دیر سے پتا چلا کہ وہ اس کا پہلا شکار نہیں تھی۔"
    ),
    "This story describes coercive control, threats and physical violence in a relationship.": (
        "اس کہانی میں ایک رشتے میں زبردستی کنٹرول، دھمکیوں اور جسمانی تشدد کا ذکر ہے۔"
    ),
    "At first he was attentive. He wanted to know where I was, who I was with, when I would be home. I thought it meant he cared.": (
        "شروع میں وہ بہت توجہ دیتا تھا۔ وہ جاننا چاہتا تھا کہ میں کہاں ہوں، کس کے ساتھ ہوں، کب گھر آؤں گی۔ میں"
        " سمجھتی تھی کہ اس کا مطلب ہے کہ اسے میری فکر ہے۔"
    ),
    "Within a year I had stopped seeing my friends. He checked my phone every night. When I finally left, he followed me to my new flat.": (
        "ایک سال کے اندر میں نے اپنی سہیلیوں سے ملنا چھوڑ دیا تھا۔ وہ ہر رات میرا فون دیکھتا تھا۔ جب آخرکار میں"
        " چلی گئی تو وہ میرے نئے فلیٹ تک میرا پیچھا کرتا آیا۔"
    ),
    "In court I learned he had a restraining order from a previous relationship, and that another woman had reported him before her. Nobody had told me. A register would have meant someone was watching him, and that someone could have warned me.": (
        "عدالت میں مجھے پتا چلا کہ اس کے خلاف پچھلے رشتے کا امتناعی حکم تھا، اور ایک اور عورت نے اس سے پہلے اس کی"
        " شکایت کی تھی۔ کسی نے مجھے نہیں بتایا تھا۔ رجسٹر ہوتا تو کوئی اس پر نظر رکھتا، اور کوئی مجھے خبردار کر"
        " سکتا تھا۔"
    ),
    "Four years of being followed": "چار سال تک پیچھا",
    "Jo on being stalked by an ex-partner who moved from one victim to the next.": (
        "جو، جس کا پیچھا ایک سابق ساتھی نے کیا جو ایک متاثرہ سے دوسری تک جاتا رہا۔"
    ),
    "Jo": "جو",
    "This story describes stalking, online harassment and fear for personal safety.": (
        "اس کہانی میں پیچھا کیے جانے، آن لائن ہراسانی اور ذاتی حفاظت کے خوف کا ذکر ہے۔"
    ),
    "The messages started the week I ended it. Then he was at the bus stop, at my work, outside my mum's house.": (
        "جس ہفتے میں نے تعلق ختم کیا، پیغامات شروع ہو گئے۔ پھر وہ بس اسٹاپ پر، میرے کام کی جگہ پر، میری امی کے گھر"
        " کے باہر ہوتا تھا۔"
    ),
    "The Stalking Protection Order helped for a while. Then he met someone new and the police had no way of knowing, and no duty to tell her.": (
        "پیچھا کرنے سے تحفظ کے حکم سے کچھ عرصہ مدد ملی۔ پھر وہ کسی نئی عورت سے ملا اور پولیس کے پاس جاننے کا کوئی"
        " طریقہ نہیں تھا، نہ ہی اسے بتانے کی کوئی ذمہ داری۔"
    ),
    "I want him to have to tell the police about every new relationship. That is all. It would save the next woman years.": (
        "میں چاہتی ہوں کہ اسے ہر نئے تعلق کے بارے میں پولیس کو بتانا پڑے۔ بس اتنا۔ اس سے اگلی عورت کے کئی سال بچ"
        " جائیں گے۔"
    ),
    "What a disclosure changed": "معلومات ملنے سے کیا بدلا",
    "Priya on using Clare's Law, and what she wishes had happened sooner.": (
        "پریا، کلیئر کے قانون کو استعمال کرنے کے بارے میں، اور وہ کیا چاہتی ہے کہ پہلے ہو جاتا۔"
    ),
    "Priya": "پریا",
    "This story describes domestic abuse and mentions a previous partner's injuries.": (
        "اس کہانی میں گھریلو زیادتی کا ذکر ہے اور ایک پچھلی ساتھی کے زخموں کا بھی۔"
    ),
    "Something felt wrong, so a friend helped me ask the police about him under Clare's Law.": (
        "کچھ ٹھیک نہیں لگ رہا تھا، اس لیے ایک دوست نے کلیئر کے قانون کے تحت اس کے بارے میں پولیس سے پوچھنے میں"
        " میری مدد کی۔"
    ),
    "An officer came to see me. She could not tell me everything, but she told me enough: two previous partners, and an order against him.": (
        "ایک افسر مجھ سے ملنے آئی۔ وہ مجھے سب کچھ نہیں بتا سکتی تھی، لیکن اس نے کافی بتا دیا: دو پچھلی ساتھی، اور"
        " اس کے خلاف ایک حکم۔"
    ),
    "I got out safely. But I only found out because I asked. A register would mean the police know where he is and who he is with, without waiting for the next woman to ask.": (
        "میں بحفاظت نکل آئی۔ لیکن مجھے صرف اس لیے پتا چلا کہ میں نے پوچھا۔ رجسٹر ہو تو پولیس کو معلوم ہو گا کہ وہ"
        " کہاں ہے اور کس کے ساتھ ہے، اگلی عورت کے پوچھنے کا انتظار کیے بغیر۔"
    ),
    # Privacy notice
    "Privacy notice": "رازداری کا نوٹس",
    "What we keep about you, why, for how long, and your rights.": (
        "ہم آپ کے بارے میں کیا رکھتے ہیں، کیوں، کتنی دیر کے لیے، اور آپ کے حقوق۔"
    ),
    'Waymark (Waymark, 1 Example Street, London N1 0AA (ICO registration ZA000000)) is the data controller for the information you give us on this website. You can reach us about your information at <a id="a1">privacy@waymark.localhost</a>.': (
        "اس ویب سائٹ پر آپ کی دی ہوئی معلومات کا ڈیٹا کنٹرولر Waymark (Waymark, 1 Example Street,"
        ' London N1 0AA (ICO registration ZA000000)) ہے۔ اپنی معلومات کے بارے میں آپ ہم سے <a id="a1">'
        "privacy@waymark.localhost</a> پر رابطہ کر سکتے ہیں۔"
    ),
    "We collect as little as we can. We never sell or share your information for marketing.": (
        "ہم کم سے کم معلومات جمع کرتے ہیں۔ ہم آپ کی معلومات کبھی مارکیٹنگ کے لیے نہ بیچتے ہیں نہ کسی کو دیتے ہیں۔"
    ),
    "<b>Petition signatures.</b> We keep your name, email address, postcode and whether you want campaign updates. We use them to count your signature once and to contact you if you asked us to. Six months after the petition closes we delete names, email addresses, postcodes and network details, keeping only the counts.": (
        "<b>پٹیشن پر دستخط۔</b> ہم آپ کا نام، ای میل ایڈریس، پوسٹ کوڈ اور یہ رکھتے ہیں کہ آیا آپ مہم کی خبریں"
        " چاہتے ہیں۔ ہم انہیں آپ کا دستخط ایک بار گننے کے لیے، اور آپ کے کہنے پر آپ سے رابطے کے لیے استعمال"
        " کرتے ہیں۔ پٹیشن بند ہونے کے چھ ماہ بعد ہم نام، ای میل ایڈریس، پوسٹ کوڈ اور نیٹ ورک کی تفصیلات مٹا دیتے"
        " ہیں، صرف گنتی رکھتے ہیں۔"
    ),
    "<b>Campaign updates.</b> If you ticked the box for campaign updates, we keep your name and email address for that, separately from your signature, until you unsubscribe (one click, in any update) or two years after you last asked for updates, whichever comes first. Unsubscribing deletes your email address from our list at once.": (
        "<b>مہم کی خبریں۔</b> اگر آپ نے مہم کی خبروں کا خانہ چنا تھا تو ہم اس کے لیے آپ کا نام اور ای میل ایڈریس،"
        " آپ کے دستخط سے الگ، رکھتے ہیں، جب تک آپ ان سبسکرائب نہ کریں (کسی بھی خبر میں ایک کلک) یا آپ کے آخری بار"
        " خبریں مانگنے کے دو سال بعد تک، جو بھی پہلے ہو۔ ان سبسکرائب کرنے سے آپ کا ای میل ایڈریس فوراً ہماری فہرست"
        " سے مٹ جاتا ہے۔"
    ),
    "<b>Letters to your MP.</b> We do not store your name, address or letter. We only count how many letters were written in each constituency.": (
        "<b>آپ کے ایم پی کو خط۔</b> ہم آپ کا نام، پتا یا خط محفوظ نہیں کرتے۔ ہم صرف یہ گنتے ہیں کہ ہر حلقے میں"
        " کتنے خط لکھے گئے۔"
    ),
    "<b>Disclosure requests.</b> What you tell us is sensitive and may be criminal-offence data. It is encrypted, seen only by the caseworkers of the team handling your request (not our other staff or the administrators of this website), every look at it is recorded, and it is deleted twelve months after your request is closed.": (
        "<b>معلومات کی درخواستیں۔</b> آپ ہمیں جو بتاتے ہیں وہ حساس ہے اور جرائم سے متعلق ڈیٹا ہو سکتا ہے۔ یہ خفیہ"
        " کاری سے محفوظ ہوتا ہے، اسے صرف آپ کی درخواست پر کام کرنے والی ٹیم کے کیس ورکر دیکھتے ہیں (ہمارا دوسرا"
        " عملہ یا اس ویب سائٹ کے منتظمین نہیں)، ہر بار دیکھے جانے کا ریکارڈ رکھا جاتا ہے، اور درخواست بند ہونے کے"
        " بارہ ماہ بعد اسے مٹا دیا جاتا ہے۔"
    ),
    "<b>Your device.</b> We set no tracking or advertising cookies and load nothing from other websites. The quick exit button clears what our server knows about your visit.": (
        "<b>آپ کا آلہ۔</b> ہم ٹریکنگ یا اشتہاری کوکیز نہیں لگاتے اور دوسری ویب سائٹس سے کچھ لوڈ نہیں کرتے۔ فوری"
        " نکلنے کا بٹن وہ سب مٹا دیتا ہے جو ہمارے سرور کو آپ کے دورے کے بارے میں معلوم ہے۔"
    ),
    "<b>Your rights.</b> Under the UK General Data Protection Regulation (UK GDPR) you have the right to be told what we hold about you and to get a copy of it (a subject access request); to have it corrected if it is wrong; to have it deleted; to restrict how we use it; to object to our using it, including for campaign emails at any time; to withdraw your consent where we rely on it; and to receive it in a form you can take elsewhere (data portability).": (
        "<b>آپ کے حقوق۔</b> برطانیہ کے جنرل ڈیٹا پروٹیکشن ریگولیشن (UK GDPR) کے تحت آپ کو حق ہے کہ آپ کو بتایا"
        " جائے ہم آپ کے بارے میں کیا رکھتے ہیں اور اس کی نقل ملے (سبجیکٹ ایکسیس ریکویسٹ)؛ غلط ہو تو درست کروائیں؛"
        " اسے مٹوائیں؛ اس کے استعمال کو محدود کریں؛ اس کے استعمال پر اعتراض کریں، بشمول مہم کی ای میلز کے، کسی"
        " بھی وقت؛ جہاں ہم آپ کی رضامندی پر انحصار کرتے ہیں وہاں رضامندی واپس لیں؛ اور اسے ایسی شکل میں حاصل"
        " کریں جو آپ کہیں اور لے جا سکیں (ڈیٹا پورٹیبلٹی)۔"
    ),
    '<b>How to use your rights.</b> Email or write to us (the addresses are above and on our <a id="a1">contact page</a>), saying which right you want to use. You do not have to use any particular words or form, and it is free. We answer within one month. We may ask you to prove who you are, in a way that is safe for you. To stop petition emails, use the unsubscribe link in any of them; to withdraw your signature, use the link in your confirmation email.': (
        '<b>اپنے حقوق کیسے استعمال کریں۔</b> ہمیں ای میل کریں یا خط لکھیں (پتے اوپر اور ہمارے <a id="a1">رابطے'
        " کے صفحے</a> پر ہیں)، اور بتائیں کہ آپ کون سا حق استعمال کرنا چاہتے ہیں۔ کوئی خاص الفاظ یا فارم ضروری"
        " نہیں، اور یہ مفت ہے۔ ہم ایک ماہ کے اندر جواب دیتے ہیں۔ ہم آپ سے اپنی شناخت ثابت کرنے کو کہہ سکتے ہیں،"
        " ایسے طریقے سے جو آپ کے لیے محفوظ ہو۔ پٹیشن کی ای میلز بند کرنے کے لیے ان میں سے کسی میں بھی ان سبسکرائب"
        " کا لنک استعمال کریں؛ اپنا دستخط واپس لینے کے لیے اپنی تصدیقی ای میل کا لنک استعمال کریں۔"
    ),
    "<b>Complaints.</b> If you are unhappy with how we use your information, tell us first. You can also complain to the Information Commissioner's Office (ICO), the UK's data protection regulator: ico.org.uk, helpline 0303 123 1113.": (
        "<b>شکایات۔</b> اگر آپ ہمارے معلومات کے استعمال سے مطمئن نہیں تو پہلے ہمیں بتائیں۔ آپ برطانیہ میں ڈیٹا"
        " کے تحفظ کے نگران ادارے، انفارمیشن کمشنرز آفس (ICO)، سے بھی شکایت کر سکتے ہیں: "
        "ico.org.uk، ہیلپ لائن 0303 123 1113۔"
    ),
    # Call-back request (its other texts are the model's defaults, whose Urdu is in the catalog)
    "Ask us to call you back": "ہم سے کال بیک کا کہیں",
    "Give us a safe number and a safe time, and a caseworker will ring you.": (
        "ہمیں ایک محفوظ نمبر اور محفوظ وقت بتائیں، اور ایک کیس ورکر آپ کو فون کرے گا۔"
    ),
    # Cover your tracks
    "Cover your tracks online": "آن لائن اپنے نشان مٹائیں",
    "How to look for help without leaving a trail on a shared or monitored device.": (
        "مشترکہ یا نگرانی والے آلے پر کوئی نشان چھوڑے بغیر مدد کیسے تلاش کریں۔"
    ),
    "If someone else uses or checks your phone or computer, they may be able to see the websites you have visited. These steps lower the risk. No step is perfect, so use a device they cannot reach, such as a friend's phone or a library computer, when you can.": (
        "اگر کوئی اور آپ کا فون یا کمپیوٹر استعمال کرتا یا دیکھتا ہے تو وہ یہ دیکھ سکتا ہے کہ آپ نے کون سی ویب"
        " سائٹس کھولیں۔ یہ اقدامات خطرہ کم کرتے ہیں۔ کوئی قدم مکمل نہیں، اس لیے جب ہو سکے ایسا آلہ استعمال کریں"
        " جس تک ان کی پہنچ نہ ہو، جیسے کسی دوست کا فون یا لائبریری کا کمپیوٹر۔"
    ),
    "Private browsing": "نجی براؤزنگ",
    "A private or incognito window does not keep history, cookies or searches once you close it. Open one from your browser's menu before you visit support sites. It does not hide what you do from your internet provider or from monitoring apps.": (
        "نجی یا incognito ونڈو بند کرنے کے بعد ہسٹری، کوکیز یا تلاش محفوظ نہیں رکھتی۔ مدد کی سائٹس کھولنے سے"
        " پہلے اپنے براؤزر کے مینو سے ایک کھولیں۔ یہ آپ کی سرگرمی کو آپ کے انٹرنیٹ فراہم کنندہ یا نگرانی کی ایپس"
        " سے نہیں چھپاتی۔"
    ),
    "Deleting history": "ہسٹری مٹانا",
    "Every browser lets you delete history from its settings. Deleting only some pages is safer than clearing everything, which can itself look suspicious. Check the browser's recently closed tabs, and any other devices signed in to the same account.": (
        "ہر براؤزر اپنی سیٹنگز سے ہسٹری مٹانے دیتا ہے۔ سب کچھ صاف کرنے سے صرف کچھ صفحات مٹانا زیادہ محفوظ ہے،"
        " کیونکہ سب صاف کرنا خود مشکوک لگ سکتا ہے۔ براؤزر کے حال ہی میں بند کیے گئے ٹیبز، اور اسی اکاؤنٹ میں سائن"
        " اِن دوسرے آلات بھی دیکھیں۔"
    ),
    "What the Exit this page button can and cannot do": "’یہ صفحہ چھوڑیں‘ کا بٹن کیا کر سکتا ہے اور کیا نہیں",
    "The button at the top of every page (or, on a computer, pressing Shift three times) hides this site at once, replaces it with a weather page and forgets your visit on our side, including anything typed into our forms. It cannot delete your browser history: the pages you viewed are still listed there. Use private browsing, or delete them afterwards.": (
        "ہر صفحے کے اوپر والا بٹن (یا کمپیوٹر پر تین بار Shift دبانا) یہ سائٹ فوراً چھپا دیتا ہے، اس کی جگہ موسم"
        " کا صفحہ کھول دیتا ہے اور ہماری طرف سے آپ کا دورہ بھلا دیتا ہے، بشمول ہمارے فارموں میں لکھی ہر چیز کے۔"
        " یہ آپ کے براؤزر کی ہسٹری نہیں مٹا سکتا: آپ کے دیکھے ہوئے صفحات وہاں درج رہتے ہیں۔ نجی براؤزنگ استعمال"
        " کریں، یا بعد میں انہیں مٹا دیں۔"
    ),
    "Spyware and trackers": "جاسوسی سافٹ ویئر اور ٹریکرز",
    "How do I know if my phone is being monitored?": "مجھے کیسے پتا چلے کہ میرے فون کی نگرانی ہو رہی ہے؟",
    "Warning signs include a partner knowing what you said in messages, a battery that drains fast, or apps you did not install. Removing spyware can alert the person who installed it, so talk to a helpline adviser before you do.": (
        "خطرے کی علامات میں یہ شامل ہیں: ساتھی کو معلوم ہو کہ آپ نے پیغامات میں کیا کہا، بیٹری جلدی ختم ہو، یا"
        " ایسی ایپس جو آپ نے انسٹال نہیں کیں۔ جاسوسی سافٹ ویئر ہٹانے سے انسٹال کرنے والے کو خبر ہو سکتی ہے، اس"
        " لیے ایسا کرنے سے پہلے ہیلپ لائن کے مشیر سے بات کریں۔"
    ),
    "Advisers can talk you through staying safe online.": "مشیر آن لائن محفوظ رہنے میں قدم بہ قدم آپ کی مدد کر سکتے ہیں۔",
    # Petition
    "Register serial abusers and stalkers": "بار بار زیادتی اور پیچھا کرنے والوں کا اندراج کریں",
    "Sign our petition for a register of serial domestic abuse and stalking perpetrators.": (
        "بار بار گھریلو زیادتی اور پیچھا کرنے والے مجرموں کے رجسٹر کے لیے ہماری پٹیشن پر دستخط کریں۔"
    ),
    "We call on the Government to register serial domestic abusers and stalkers and manage them like other dangerous offenders, under MAPPA.": (
        "ہم حکومت سے مطالبہ کرتے ہیں کہ بار بار گھریلو زیادتی کرنے والوں اور پیچھا کرنے والوں کا اندراج کرے اور"
        " MAPPA کے تحت دوسرے خطرناک مجرموں کی طرح ان کی نگرانی کرے۔"
    ),
    "Many domestic homicides are committed by men who had abused partners before. Police and probation often knew, but nobody was responsible for managing the risk they posed.": (
        "بہت سے گھریلو قتل ایسے مرد کرتے ہیں جو پہلے بھی ساتھیوں سے زیادتی کر چکے ہوتے ہیں۔ پولیس اور پروبیشن کو"
        " اکثر معلوم ہوتا تھا، لیکن ان کے خطرے کو سنبھالنے کی ذمہ داری کسی کی نہیں تھی۔"
    ),
    "A register would mean serial perpetrators are identified, actively managed and monitored, so the next partner does not have to find out the hard way.": (
        "رجسٹر کا مطلب ہو گا کہ بار بار جرم کرنے والوں کی شناخت، فعال نگرانی اور نگہداشت ہو، تاکہ اگلے ساتھی کو"
        " یہ تکلیف دہ طریقے سے نہ جاننا پڑے۔"
    ),
    "We have sent you an email. Open the link in it and press <b>Confirm</b> to add your name. If it has not arrived in a few minutes, look in your spam folder.": (
        "ہم نے آپ کو ای میل بھیجی ہے۔ اپنا نام شامل کرنے کے لیے اس میں موجود لنک کھولیں اور <b>تصدیق کریں</b>"
        " دبائیں۔ اگر چند منٹ میں نہ آئے تو اپنا اسپام فولڈر دیکھیں۔"
    ),
    "Thank you. Your signature has been added and will appear in the count within a minute.": (
        "شکریہ۔ آپ کا دستخط شامل ہو گیا ہے اور ایک منٹ کے اندر گنتی میں نظر آئے گا۔"
    ),
    "This petition is no longer collecting signatures. Thank you to everyone who signed.": (
        "یہ پٹیشن اب دستخط جمع نہیں کر رہی۔ دستخط کرنے والے سب لوگوں کا شکریہ۔"
    ),
    # Write to your MP (the letter itself is written in English or Welsh: its wording stays as it is)
    "Write to your MP": "اپنے ایم پی کو خط لکھیں",
    "Find your MP from your postcode and write them a letter, in your own words.": (
        "اپنے پوسٹ کوڈ سے اپنا ایم پی تلاش کریں اور اپنے الفاظ میں انہیں خط لکھیں۔"
    ),
    "Ask your MP to back a register of serial domestic abuse and stalking perpetrators. Enter your postcode to find your MP, then add a few words of your own.": (
        "اپنے ایم پی سے کہیں کہ بار بار گھریلو زیادتی اور پیچھا کرنے والے مجرموں کے رجسٹر کی حمایت کریں۔ اپنا ایم"
        " پی تلاش کرنے کے لیے اپنا پوسٹ کوڈ لکھیں، پھر اپنے چند الفاظ شامل کریں۔"
    ),
    "MPs' offices treat identical letters as campaign mail. A few sentences in your own words, about why this matters to you, make your letter count.": (
        "ایم پیز کے دفاتر ایک جیسے خطوں کو مہم کی ڈاک سمجھتے ہیں۔ آپ کے اپنے الفاظ میں چند جملے، کہ یہ آپ کے لیے"
        " کیوں اہم ہے، آپ کے خط کو مؤثر بناتے ہیں۔"
    ),
    "Why does this matter to you?<br/>Has domestic abuse or stalking touched you, your family, your friends or your community?<br/>What would you like your MP to do?": (
        "یہ آپ کے لیے کیوں اہم ہے؟\nکیا گھریلو زیادتی یا پیچھا کیے جانے نے آپ، آپ کے خاندان، دوستوں یا برادری کو"
        " متاثر کیا ہے؟\nآپ اپنے ایم پی سے کیا چاہتے ہیں؟"
    ),
    # Disclosure request page
    "Ask the police about someone's past": "کسی کے ماضی کے بارے میں پولیس سے پوچھیں",
    "Clare's Law: ask the police whether a partner has a history of abuse. We can help you ask.": (
        "کلیئر کا قانون: پولیس سے پوچھیں کہ کیا کسی ساتھی کا زیادتی کا ماضی ہے۔ ہم پوچھنے میں آپ کی مدد کر سکتے ہیں۔"
    ),
    "Under the Domestic Violence Disclosure Scheme (Clare's Law) you can ask the police whether a partner, or the partner of someone you care about, has a record of abuse or violence. This is the <b>right to ask</b>. The police can also decide to tell someone without being asked: the <b>right to know</b>.": (
        "گھریلو تشدد کی معلومات کی اسکیم (کلیئر کا قانون) کے تحت آپ پولیس سے پوچھ سکتے ہیں کہ کیا کسی ساتھی کا،"
        " یا آپ کے کسی عزیز کے ساتھی کا، زیادتی یا تشدد کا ریکارڈ ہے۔ یہ <b>پوچھنے کا حق</b> ہے۔ پولیس بغیر پوچھے"
        " بھی کسی کو بتانے کا فیصلہ کر سکتی ہے: یہ <b>جاننے کا حق</b> ہے۔"
    ),
    "Scotland has its own Disclosure Scheme for Domestic Abuse, and Northern Ireland its Domestic Violence and Abuse Disclosure Scheme. They work in much the same way.": (
        "اسکاٹ لینڈ کی گھریلو زیادتی کی معلومات کی اپنی اسکیم ہے، اور شمالی آئرلینڈ کی گھریلو تشدد اور زیادتی کی"
        " معلومات کی اسکیم۔ یہ تقریباً اسی طرح کام کرتی ہیں۔"
    ),
    "The police decide whether to tell you anything, and it usually takes around 28 days. Our caseworkers can help you ask, contact you only in the way you tell us is safe, and support you whatever the answer.": (
        "پولیس فیصلہ کرتی ہے کہ آپ کو کچھ بتائے یا نہیں، اور اس میں عام طور پر تقریباً 28 دن لگتے ہیں۔ ہمارے کیس"
        " ورکر پوچھنے میں آپ کی مدد کر سکتے ہیں، آپ سے صرف اسی طریقے سے رابطہ کرتے ہیں جو آپ محفوظ بتائیں، اور"
        " جواب جو بھی ہو آپ کا ساتھ دیتے ہیں۔"
    ),
    "If you are in danger now, call <b>999</b>. If you cannot speak, call 999, listen, and press <b>55</b> when asked (the Silent Solution).": (
        "اگر آپ ابھی خطرے میں ہیں تو <b>999</b> پر کال کریں۔ اگر آپ بول نہیں سکتے تو 999 پر کال کریں، سنیں، اور"
        " پوچھے جانے پر <b>55</b> دبائیں (Silent Solution)۔"
    ),
    "We delete unfinished answers after 30 minutes without a step, or at once when you use <b>Exit this page</b>.": (
        "اگر 30 منٹ تک کوئی قدم نہ اٹھایا جائے تو ہم ادھورے جوابات مٹا دیتے ہیں، یا فوراً جب آپ <b>یہ صفحہ"
        " چھوڑیں</b> استعمال کریں۔"
    ),
    "What you tell us is sensitive. It may include information about crimes, which the law calls criminal-offence data. We encrypt it, and only the caseworkers of the team handling your request can read it: not our other staff, and not the administrators of this website. Each time a caseworker opens it, that is recorded. We use it only to help you ask the police for a disclosure. We do not share it with anyone, including the police, unless you agree or someone's life is in danger.": (
        "آپ ہمیں جو بتاتے ہیں وہ حساس ہے۔ اس میں جرائم کے بارے میں معلومات ہو سکتی ہیں، جنہیں قانون جرائم سے متعلق"
        " ڈیٹا کہتا ہے۔ ہم اسے خفیہ کاری سے محفوظ کرتے ہیں، اور صرف آپ کی درخواست پر کام کرنے والی ٹیم کے کیس"
        " ورکر اسے پڑھ سکتے ہیں: ہمارا دوسرا عملہ نہیں، اور اس ویب سائٹ کے منتظمین بھی نہیں۔ جب بھی کوئی کیس ورکر"
        " اسے کھولتا ہے، اس کا ریکارڈ رکھا جاتا ہے۔ ہم اسے صرف پولیس سے معلومات مانگنے میں آپ کی مدد کے لیے"
        " استعمال کرتے ہیں۔ ہم اسے کسی کو نہیں دیتے، پولیس کو بھی نہیں، جب تک آپ راضی نہ ہوں یا کسی کی جان خطرے"
        " میں نہ ہو۔"
    ),
    "We delete the details twelve months after your request is closed, keeping only anonymous counts.": (
        "آپ کی درخواست بند ہونے کے بارہ ماہ بعد ہم تفصیلات مٹا دیتے ہیں، صرف گمنام گنتی رکھتے ہیں۔"
    ),
    "Thank you. A caseworker will contact you in the way you told us is safe, usually within two working days.": (
        "شکریہ۔ ایک کیس ورکر آپ سے اسی طریقے سے رابطہ کرے گا جو آپ نے محفوظ بتایا، عام طور پر دو کاروباری دنوں میں۔"
    ),
    # Guidance: Clare's Law (the rest of it)
    "The Domestic Violence Disclosure Scheme, known as Clare's Law, lets you ask the police whether your partner, or a friend's or relative's partner, has a history of abuse or violence. This is the right to ask. The police can also decide to tell you on their own initiative: the right to know.": (
        "گھریلو تشدد کی معلومات کی اسکیم، جسے کلیئر کا قانون کہا جاتا ہے، آپ کو پولیس سے یہ پوچھنے دیتی ہے کہ کیا آپ"
        " کے ساتھی کا، یا کسی دوست یا رشتہ دار کے ساتھی کا، زیادتی یا تشدد کا ماضی ہے۔ یہ پوچھنے کا حق ہے۔ پولیس خود"
        " بھی آپ کو بتانے کا فیصلہ کر سکتی ہے: یہ جاننے کا حق ہے۔"
    ),
    "You can ask at a police station, by phone on 101, or online through your police force. The police check their records and, if there is a risk to you, a trained officer tells you in person and talks you through a safety plan.": (
        "آپ تھانے میں، 101 پر فون کر کے، یا اپنی پولیس فورس کے ذریعے آن لائن پوچھ سکتے ہیں۔ پولیس اپنا ریکارڈ دیکھتی"
        " ہے اور، اگر آپ کو خطرہ ہو، تو ایک تربیت یافتہ افسر آپ کو خود مل کر بتاتا ہے اور حفاظتی منصوبہ بنانے میں مدد"
        " کرتا ہے۔"
    ),
    "The police do not tell the person who asked about them. Make sure the police know a safe way and time to contact you.": (
        "پولیس اس شخص کو نہیں بتاتی کہ اس کے بارے میں کس نے پوچھا۔ یقینی بنائیں کہ پولیس کو آپ سے رابطے کا محفوظ"
        " طریقہ اور وقت معلوم ہو۔"
    ),
    "Guidance asks forces to decide within 28 days, and faster when you are at immediate risk.": (
        "رہنما اصولوں کے مطابق پولیس 28 دن کے اندر فیصلہ کرے، اور اگر آپ کو فوری خطرہ ہو تو اس سے بھی جلدی۔"
    ),
    "We can help you ask": "ہم پوچھنے میں آپ کی مدد کر سکتے ہیں",
    "Tell us what worries you, and a caseworker helps you apply to the right police force, contacting you only in the way you say is safe.": (
        "ہمیں بتائیں کہ آپ کو کس بات کی فکر ہے، اور ایک کیس ورکر صحیح پولیس فورس کو درخواست دینے میں آپ کی مدد کرے"
        " گا، اور آپ سے صرف اسی طریقے سے رابطہ کرے گا جو آپ محفوظ بتائیں۔"
    ),
    "Ask the police with our help": "ہماری مدد سے پولیس سے پوچھیں",
}
