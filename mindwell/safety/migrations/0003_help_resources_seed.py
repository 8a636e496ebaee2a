"""The help resources the site starts with: emergency numbers and crisis lines for 18
countries and an international fallback, written for Mindwell from the services' public
information. `checked_on` stays empty: staff confirm each entry against the service's own
site before launch, then record the date in the admin.

Only numbers we are confident of are here; staff add, correct and switch off entries in the
admin (Safety > Regions)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

DAY_AND_NIGHT = "24 hours, every day"

GENERIC_POLICE = (
    "Usually not. Crisis lines are there to listen, and most conversations end with talking. "
    "If the person you speak to believes your life is in immediate danger and you cannot "
    "agree on a way to stay safe, they may contact emergency services, which can include "
    "the police. You can ask at the start of a call what they would do."
)

# (code, name, emergency number, emergency note, languages, police answer, services);
# each service: (kind, name, phone, text number, text keyword, website, hours, notes).
REGIONS: list[tuple[str, str, str, str, str, str, list[tuple[str, ...]]]] = [
    ("AU", "Australia", "000", "112 also works from mobile phones.", "", (
        "Usually not. Lifeline and the other lines here are there to listen, and most "
        "conversations end with talking. If they believe your life is in immediate danger, "
        "they may contact emergency services, which can include the police. Calling 000 "
        "brings police, ambulance or fire."
    ), [
        ("crisis_line", "Lifeline", "13 11 14", "0477 13 11 14", "", "https://www.lifeline.org.au/",
         DAY_AND_NIGHT, "Call, text or chat online with a trained crisis supporter, whatever you are going through."),
        ("crisis_line", "Suicide Call Back Service", "1300 659 467", "", "",
         "https://www.suicidecallbackservice.org.au/", DAY_AND_NIGHT,
         "Counselling by phone and online for people thinking about suicide, people worried about someone, and people bereaved by suicide."),
        ("crisis_line", "13YARN", "13 92 76", "", "", "https://www.13yarn.org.au/", DAY_AND_NIGHT,
         "For Aboriginal and Torres Strait Islander people, with an Aboriginal or Torres Strait Islander crisis supporter."),
        ("other", "Beyond Blue", "1300 22 4636", "", "", "https://www.beyondblue.org.au/", DAY_AND_NIGHT,
         "Support with anxiety, depression and feeling low, by phone or online chat."),
        ("crisis_line", "Kids Helpline", "1800 55 1800", "", "", "https://kidshelpline.com.au/",
         DAY_AND_NIGHT, "For young people aged 5 to 25."),
    ]),
    ("AT", "Austria", "112", "144 for an ambulance, 133 for the police.", "", (
        "Not from the TelefonSeelsorge: it is anonymous, your number is not shown to them, and "
        "they do not know who you are unless you tell them. Calling 144 brings an ambulance; "
        "112 reaches any emergency service."
    ), [
        ("crisis_line", "TelefonSeelsorge", "142", "", "", "https://www.telefonseelsorge.at/",
         DAY_AND_NIGHT, "Free and anonymous, in German."),
        ("crisis_line", "Rat auf Draht", "147", "", "", "https://www.rataufdraht.at/", DAY_AND_NIGHT,
         "For children and young people, and for their parents."),
    ]),
    ("BE", "Belgium", "112", "", "", GENERIC_POLICE, [
        ("crisis_line", "Zelfmoordlijn 1813", "1813", "", "", "https://www.zelfmoord1813.be/",
         DAY_AND_NIGHT, "Free and anonymous, in Dutch. You can also chat on the website."),
        ("crisis_line", "Centre de Prévention du Suicide", "0800 32 123", "", "",
         "https://www.preventionsuicide.be/", DAY_AND_NIGHT, "Free and anonymous, in French."),
    ]),
    ("CA", "Canada", "911", "", "", (
        "Usually not. 9-8-8 responders are there to talk, and most calls and texts end that "
        "way. If they believe someone's life is in immediate danger and it cannot be kept "
        "safe together, they may contact emergency services, which can include the police. "
        "Calling 911 brings police, ambulance or fire."
    ), [
        ("crisis_line", "9-8-8 Suicide Crisis Helpline", "988", "988", "", "https://988.ca/",
         DAY_AND_NIGHT, "Free, in English and French, for anyone thinking about suicide or worried about someone."),
        ("crisis_line", "Kids Help Phone", "1-800-668-6868", "686868", "CONNECT",
         "https://kidshelpphone.ca/", DAY_AND_NIGHT, "For young people, in English and French."),
        ("crisis_line", "Hope for Wellness Help Line", "1-855-242-3310", "", "",
         "https://www.hopeforwellness.ca/", DAY_AND_NIGHT,
         "For Indigenous peoples across Canada, in English and French, and in Cree, Ojibway and Inuktitut on request."),
    ]),
    ("FI", "Finland", "112", "", "fi", GENERIC_POLICE, [
        ("crisis_line", "MIELI Crisis Helpline", "09 2525 0111", "", "", "https://mieli.fi/",
         DAY_AND_NIGHT, "Run by MIELI Mental Health Finland, in Finnish."),
    ]),
    ("FR", "France", "112", "15 reaches the emergency medical service (SAMU), 17 the police.", "fr", (
        "Usually not. The 3114 is answered by nurses and psychologists. If they believe your "
        "life is in immediate danger, they can alert the emergency medical service (SAMU), "
        "which sends medical help. Calling 15 reaches the SAMU directly; 112 reaches any "
        "emergency service."
    ), [
        ("crisis_line", "3114, national suicide prevention line", "3114", "", "", "https://3114.fr/",
         DAY_AND_NIGHT, "Free and confidential, for people thinking about suicide and for those worried about them."),
        ("crisis_line", "SOS Amitié", "09 72 39 40 50", "", "", "https://www.sos-amitie.com/",
         DAY_AND_NIGHT, "Volunteers who listen, by phone, and by chat and email on the website."),
        ("crisis_line", "Suicide Écoute", "01 45 39 40 00", "", "", "https://www.suicide-ecoute.fr/",
         DAY_AND_NIGHT, "A listening line for people thinking about suicide and those close to them."),
    ]),
    ("DE", "Germany", "112", "112 brings an ambulance or the fire service; 110 is the police.", "de", (
        "Not from the TelefonSeelsorge: it is anonymous, your number is not shown to them, and "
        "they do not know who you are unless you tell them. Calling 112 brings an ambulance "
        "or the fire service; 110 is the police."
    ), [
        ("crisis_line", "TelefonSeelsorge", "0800 111 0 111", "", "", "https://www.telefonseelsorge.de/",
         DAY_AND_NIGHT, "Free and anonymous, in German. Also on 0800 111 0 222 and 116 123; chat and email on the website."),
        ("chat", "krisenchat", "", "", "", "https://krisenchat.de/", DAY_AND_NIGHT,
         "Chat with a counsellor by WhatsApp or SMS, for people under 25."),
        ("crisis_line", "Nummer gegen Kummer", "116 111", "", "", "https://www.nummergegenkummer.de/",
         "Monday to Saturday, 14:00 to 20:00", "For children and young people, free and anonymous."),
    ]),
    ("IN", "India", "112", "", "hi mr ta te kn ml gu", (
        "Usually not. Tele-MANAS counsellors are there to listen, and can connect you with "
        "mental health services near you. If they believe your life is in immediate danger, "
        "they may involve emergency services. Calling 112 brings police, ambulance or fire."
    ), [
        ("crisis_line", "Tele-MANAS", "14416", "", "", "https://telemanas.mohfw.gov.in/",
         DAY_AND_NIGHT, "The free national mental health helpline, in many Indian languages. Also on 1-800-891-4416."),
        ("crisis_line", "AASRA", "+91 98204 66726", "", "", "https://www.aasra.info/", DAY_AND_NIGHT,
         "For people who are in distress or thinking about suicide."),
    ]),
    ("IE", "Ireland", "112", "999 also works.", "ga", (
        "Samaritans Ireland do not trace calls, and will not contact emergency services unless "
        "you ask them to, apart from rare cases they explain on their website. Other services "
        "may contact emergency services if they believe your life is in immediate danger; you "
        "can ask them at the start what they would do. Calling 112 or 999 brings the Gardaí, "
        "an ambulance or the fire service."
    ), [
        ("crisis_line", "Samaritans", "116 123", "", "", "https://www.samaritans.org/ireland/",
         DAY_AND_NIGHT, "Free from any phone, in confidence. You can also email jo@samaritans.ie."),
        ("text", "Text 50808", "", "50808", "HELLO", "https://text50808.ie/", DAY_AND_NIGHT,
         "Free, anonymous support by text message from trained volunteers."),
        ("crisis_line", "Pieta", "1800 247 247", "51444", "HELP", "https://www.pieta.ie/", DAY_AND_NIGHT,
         "For people thinking about suicide or self-harm, and for people bereaved by suicide."),
    ]),
    ("NL", "Netherlands", "112", "", "nl", (
        "Usually not. You can call or chat with 113 anonymously. If they believe your life is "
        "in immediate danger, they may contact emergency services. Calling 112 brings police, "
        "ambulance or fire."
    ), [
        ("crisis_line", "113 Zelfmoordpreventie", "0800-0113", "", "", "https://www.113.nl/",
         DAY_AND_NIGHT, "Free and anonymous, by phone or chat on the website. You can also dial 113 (at the normal rate)."),
        ("crisis_line", "De Luisterlijn", "088 0767 000", "", "", "https://www.deluisterlijn.nl/",
         DAY_AND_NIGHT, "Someone to talk to, for anyone who needs it; chat on the website too."),
    ]),
    ("NZ", "New Zealand", "111", "", "mi", GENERIC_POLICE, [
        ("crisis_line", "1737, Need to talk?", "1737", "1737", "", "https://1737.org.nz/", DAY_AND_NIGHT,
         "Free call or text, to talk with a trained counsellor."),
        ("crisis_line", "Lifeline Aotearoa", "0800 543 354", "4357", "HELP", "https://www.lifeline.org.nz/",
         DAY_AND_NIGHT, "Free, for anyone who needs to talk."),
        ("crisis_line", "Suicide Crisis Helpline", "0508 828 865", "", "", "", DAY_AND_NIGHT,
         "For people thinking about suicide, and for anyone worried about someone."),
        ("crisis_line", "Youthline", "0800 376 633", "234", "", "https://www.youthline.co.nz/",
         DAY_AND_NIGHT, "For young people."),
    ]),
    ("NO", "Norway", "113", "113 for an ambulance, 112 for the police, 110 for the fire service.",
     "nb nn no", GENERIC_POLICE, [
        ("crisis_line", "Mental Helse Hjelpetelefonen", "116 123", "", "", "https://www.mentalhelse.no/",
         DAY_AND_NIGHT, "Free and anonymous, in Norwegian; chat on the website too."),
        ("crisis_line", "Kirkens SOS", "22 40 00 40", "", "", "https://www.kirkens-sos.no/",
         DAY_AND_NIGHT, "Someone to talk to in a crisis; you do not need to be religious."),
    ]),
    ("ZA", "South Africa", "112",
     "112 works from mobile phones. From any phone: 10177 for an ambulance, 10111 for the police.",
     "af zu xh", GENERIC_POLICE, [
        ("crisis_line", "SADAG Suicide Crisis Helpline", "0800 567 567", "31393", "",
         "https://www.sadag.org/", DAY_AND_NIGHT,
         "Free, from the South African Depression and Anxiety Group. Send an SMS to 31393 and a counsellor will call you back."),
        ("crisis_line", "Lifeline South Africa", "0861 322 322", "", "", "https://lifelinesa.co.za/",
         DAY_AND_NIGHT, "Counselling by phone for anyone in distress."),
    ]),
    ("ES", "Spain", "112", "", "es ca eu gl", (
        "Usually not. The 024 is there to listen and support you. If they believe your life is "
        "in immediate danger, they can pass the call to 112, which sends emergency services."
    ), [
        ("crisis_line", "024, line for people thinking about suicide", "024", "", "", "",
         DAY_AND_NIGHT, "Free and confidential, for people thinking about suicide and those close to them, run by the Ministry of Health."),
        ("crisis_line", "Teléfono de la Esperanza", "717 003 717", "", "",
         "https://telefonodelaesperanza.org/", DAY_AND_NIGHT, "A listening line run by volunteers."),
    ]),
    ("SE", "Sweden", "112", "", "sv", GENERIC_POLICE, [
        ("crisis_line", "Självmordslinjen", "90101", "", "", "https://mind.se/", DAY_AND_NIGHT,
         "Run by Mind, by phone or chat, anonymously, for people thinking about suicide and those close to them."),
    ]),
    ("CH", "Switzerland", "112", "144 for an ambulance, 117 for the police.", "", (
        "Not from the Dargebotene Hand (La Main Tendue): it is anonymous, and they do not know "
        "who you are unless you tell them. Calling 144 brings an ambulance; 112 reaches any "
        "emergency service."
    ), [
        ("crisis_line", "Die Dargebotene Hand / La Main Tendue / Telefono Amico", "143", "", "",
         "https://www.143.ch/", DAY_AND_NIGHT, "Anonymous, in German, French and Italian; chat and email on the website."),
        ("crisis_line", "Pro Juventute", "147", "", "", "https://www.147.ch/", DAY_AND_NIGHT,
         "For children and young people, by phone, text or chat."),
    ]),
    ("GB", "United Kingdom", "999", "112 also works.", "cy gd", (
        "Not without your agreement, with Samaritans: they do not trace calls, and they will "
        "not call an ambulance or the police unless you ask them to, apart from rare cases "
        "they explain on their website, such as when a child is at risk. Shout may contact "
        "emergency services if they believe your life is in immediate danger. Calling 999 "
        "brings police, ambulance or fire."
    ), [
        ("crisis_line", "Samaritans", "116 123", "", "", "https://www.samaritans.org/", DAY_AND_NIGHT,
         "Free from any phone, in confidence. You can also email jo@samaritans.org."),
        ("text", "Shout", "", "85258", "SHOUT", "https://giveusashout.org/", DAY_AND_NIGHT,
         "Free support by text message from trained volunteers."),
        ("crisis_line", "Papyrus HOPELINE247", "0800 068 4141", "88247", "", "https://www.papyrus-uk.org/",
         DAY_AND_NIGHT, "For people under 35 who are thinking about suicide, and anyone worried about a young person."),
        ("other", "NHS 111 (urgent mental health help)", "111", "", "", "https://111.nhs.uk/", DAY_AND_NIGHT,
         "In England and Wales, call 111 and choose the mental health option. In Scotland, call NHS 24 on 111. In Northern Ireland, call Lifeline on 0808 808 8000."),
    ]),
    ("US", "United States", "911", "", "", (
        "Usually not. Most 988 calls, texts and chats end with talking things through. "
        "Counselors contact emergency services only when they believe someone's life is in "
        "immediate danger and they cannot agree on a way to stay safe together, which happens "
        "in a small share of contacts; that can mean the police as well as an ambulance. "
        "Calling 911 brings police, ambulance or fire."
    ), [
        ("crisis_line", "988 Suicide & Crisis Lifeline", "988", "988", "", "https://988lifeline.org/",
         DAY_AND_NIGHT, "Free and confidential, for anyone in distress or worried about someone. Call, text or chat on the website, in English or Spanish, with interpreters for many other languages."),
        ("text", "Crisis Text Line", "", "741741", "HOME", "https://www.crisistextline.org/", DAY_AND_NIGHT,
         "Free support by text message from a trained volunteer."),
        ("crisis_line", "Veterans Crisis Line", "988", "838255", "", "https://www.veteranscrisisline.net/",
         DAY_AND_NIGHT, "For veterans, service members and the people who care about them: call 988 and press 1."),
        ("crisis_line", "The Trevor Project", "1-866-488-7386", "678-678", "START",
         "https://www.thetrevorproject.org/", DAY_AND_NIGHT, "For LGBTQ+ young people."),
    ]),
]  # fmt: skip

INTERNATIONAL = (
    "international", "International", "",
    "In the European Union, 112 works from any phone, and many other countries also answer "
    "112 from a mobile phone.", "",
    (
        "It depends on the service and the country. Most crisis lines are there to listen, and "
        "involve emergency services only when they believe a life is in immediate danger. You "
        "can ask at the start of a call what they would do."
    ),
    [
        ("other", "Find A Helpline", "", "", "", "https://findahelpline.com/",
         "Listings for many countries",
         "A directory of free, confidential helplines around the world: choose your country to see the lines there."),
        ("other", "Befrienders Worldwide", "", "", "", "https://befrienders.org/",
         "Listings for many countries", "A network of emotional support centres; its website lists them by country."),
    ],
)  # fmt: skip


def seed(apps: Any, schema_editor: Any) -> None:
    Region = apps.get_model("safety", "Region")
    HelpService = apps.get_model("safety", "HelpService")
    for row in [*REGIONS, INTERNATIONAL]:
        code, name, number, note, languages, police, services = row
        region = Region.objects.create(
            code=code, name=name, emergency_number=number, emergency_note=note,
            languages=languages, police_answer=police,
            order=1000 if code == "international" else 100,  # countries by name, then this
        )  # fmt: skip
        HelpService.objects.bulk_create(
            HelpService(
                region=region, kind=kind, name=service, phone=phone, text_number=text,
                text_keyword=keyword, web_url=web, hours=hours, notes=notes, order=10 * i,
            )  # fmt: skip
            for i, (kind, service, phone, text, keyword, web, hours, notes) in enumerate(
                services, start=1
            )
        )


def unseed(apps: Any, schema_editor: Any) -> None:
    codes = [row[0] for row in [*REGIONS, INTERNATIONAL]]
    apps.get_model("safety", "Region").objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("safety", "0002_help_resources")]

    operations = [migrations.RunPython(seed, unseed)]
