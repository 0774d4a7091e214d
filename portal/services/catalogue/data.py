"""Seed content: the good-practice catalogue and the municipalities portal starts with.

The catalogue summarises practices shared in the Council of Europe JUSTROM3 exchange on police and
Roma communities. Staff edit it later through the admin area; the seed only adds what is missing.

Each practice: its English title and summary, where it comes from, tags, the strength of the
outside evidence (a value of `portal.models.practice.EvidenceStrength`, explained on every practice
page) and its sources (a publication's name as published, and a link). The longer texts, in
English, Spanish, Portuguese and Romanian, are in `catalogue/texts/`.
"""

PRACTICES = [
    {
        "slug": "fuenlabrada-intercultural-community-policing",
        "title": "Intercultural community policing in Fuenlabrada",
        "summary": (
            "Fuenlabrada's local police set up a unit for managing diversity around 2007 and made it part "
            "of everyday policing. Officers visit minority associations and talk with them regularly, staff "
            "are trained on Roma culture and on equal treatment, identity checks must not single people out "
            "by origin, and residents have simple ways to report problems. The Council of Europe "
            "Intercultural Cities programme uses it as a model for other towns."
        ),
        "source_organisation": "Fuenlabrada Local Police; Council of Europe Intercultural Cities",
        "country": "Spain",
        "year": 2007,
        "tags": ["community-policing", "diversity-management", "municipal-police"],
        "evidence": "described",
        "sources": [
            ("Council of Europe Intercultural Cities programme", "https://www.coe.int/en/web/interculturalcities"),
            ("Cities of Migration: On the front lines of integration (Fuenlabrada police)", "http://citiesofmigration.ca/good_idea/on-the-front-lines-of-integration-2/"),
        ],
    },
    {
        "slug": "manual-intercultural-community-policing",
        "title": "Manual on Intercultural Community Policing",
        "summary": (
            "A practical guide for police chiefs and local decision makers, published in 2019. It explains "
            "how to organise units, write protocols and change procedures so that policing moves from "
            "watching people to working with them on safety that residents help define."
        ),
        "source_organisation": "Council of Europe Intercultural Cities",
        "country": "International",
        "year": 2019,
        "tags": ["manual", "leadership"],
        "evidence": "guidance",
        "sources": [
            ("Manual on Intercultural Community Policing (Council of Europe, 2019)", "https://www.coe.int/en/web/interculturalcities"),
        ],
    },
    {
        "slug": "stop-forms-and-rights-leaflet",
        "title": "Justified identity checks: stop forms and a rights leaflet",
        "summary": (
            "For every stop, officers write down why they stopped the person and what came of it, and hand "
            "over a leaflet that explains the person's rights. The records are reviewed to spot groups that "
            "are stopped more than others. In Fuenlabrada the number of stops went down while a larger share "
            "of them found something. Developed with the Open Society Justice Initiative and the Spanish "
            "Platform for Police Management of Diversity in the STEPSS and PIPE projects."
        ),
        "source_organisation": "Fuenlabrada Local Police; Open Society Justice Initiative",
        "country": "Spain",
        "year": None,
        "tags": ["stop-and-search", "ethnic-profiling", "accountability"],
        "evidence": "measured",
        "sources": [
            ("Open Society Justice Initiative", "https://www.justiceinitiative.org"),
        ],
    },
    {
        "slug": "hate-incident-register",
        "title": "Hate-incident register and liaison officers",
        "summary": (
            "Racist and xenophobic incidents, graffiti included, are recorded in a register of their own so "
            "they are not lost among other offences. Named liaison officers keep in contact with minority "
            "associations, so victims know whom to call and the police learn about incidents early."
        ),
        "source_organisation": "Fuenlabrada Local Police",
        "country": "Spain",
        "year": None,
        "tags": ["hate-crime", "recording", "liaison"],
        "evidence": "described",
        "sources": [
            ("Council of Europe Intercultural Cities programme", "https://www.coe.int/en/web/interculturalcities"),
        ],
    },
    {
        "slug": "anti-rumours-strategy",
        "title": "Anti-Rumours strategy",
        "summary": (
            "Started in Barcelona in 2010 and spread by the Intercultural Cities programme. A city first "
            "finds out which rumours about minorities go around, then gathers facts and arguments that also "
            "speak to feelings, builds a network of local people and groups, trains anti-rumour agents, runs "
            "creative campaigns and checks what changed. A rumour is a story, true or not, that passes "
            "quickly from person to person."
        ),
        "source_organisation": "Barcelona City Council; Council of Europe Intercultural Cities",
        "country": "Spain",
        "year": 2010,
        "tags": ["anti-rumours", "stereotypes", "communication"],
        "evidence": "described",
        "sources": [
            ("Anti-rumours strategy (Council of Europe Intercultural Cities)", "https://www.coe.int/en/web/interculturalcities/anti-rumours"),
            ("Anti-rumours handbook (Council of Europe, 2018)", "https://www.coe.int/en/web/campaign-free-to-speak-safe-to-learn/-/anti-rumours-handbook-2018-"),
        ],
    },
    {
        "slug": "lisbon-participatory-community-policing",
        "title": "Participatory community policing in Lisbon",
        "summary": (
            "Since 2009 Lisbon's Municipal Police has built safety partnerships with residents. Each "
            "neighbourhood starts with a local safety audit, the team's profile is agreed with the "
            "community, officers and residents train together, the partnership meets every month and "
            "officers patrol on foot every day. The model now runs in 14 neighbourhoods."
        ),
        "source_organisation": "Lisbon Municipal Police",
        "country": "Portugal",
        "year": 2009,
        "tags": ["partnership", "safety-audit", "foot-patrol"],
        "evidence": "described",
        "sources": [
            ("Lisbon City Council", "https://www.lisboa.pt"),
        ],
    },
    {
        "slug": "local-safety-contracts",
        "title": "Local Safety Contracts",
        "summary": (
            "Agreements between Portugal's interior ministry and municipalities that commit both to "
            "proximity policing carried out together with local partners, with shared goals for each area."
        ),
        "source_organisation": "Ministry of Internal Administration, Portugal",
        "country": "Portugal",
        "year": None,
        "tags": ["governance", "municipality"],
        "evidence": "described",
        "sources": [
            ("Government of Portugal", "https://www.portugal.gov.pt"),
        ],
    },
    {
        "slug": "coe-toolkit-racially-motivated-crime",
        "title": "Toolkit for police on racially motivated crime and non-discrimination",
        "summary": (
            "A Council of Europe toolkit for police officers, now in its second edition, with a focus on "
            "Roma and Travellers. It covers the case law of the European Court of Human Rights, signs that a "
            "crime was driven by bias, how to record racist incidents and support victims, how to stop "
            "racial profiling and how to encourage people to report."
        ),
        "source_organisation": "Council of Europe",
        "country": "International",
        "year": None,
        "tags": ["training", "hate-crime", "echr"],
        "evidence": "guidance",
        "sources": [
            ("Council of Europe: Roma and Travellers", "https://www.coe.int/en/web/roma-and-travellers"),
        ],
    },
    {
        "slug": "police-and-roma-curriculum",
        "title": "Police and Roma: effective and human-rights-compliant policing",
        "summary": (
            "A training curriculum written jointly by the Council of Europe and OSCE/ODIHR. Trainers are "
            "prepared to teach police colleagues about non-discrimination standards, racially motivated "
            "crime and the particular needs of Roma and Traveller women."
        ),
        "source_organisation": "Council of Europe; OSCE/ODIHR",
        "country": "International",
        "year": None,
        "tags": ["training", "curriculum", "gender"],
        "evidence": "guidance",
        "sources": [
            ("Council of Europe: Roma and Travellers", "https://www.coe.int/en/web/roma-and-travellers"),
            ("OSCE Office for Democratic Institutions and Human Rights", "https://www.osce.org/odihr"),
        ],
    },
    {
        "slug": "odihr-guidebook-police-roma-sinti",
        "title": "Guidebook on building trust between police and Roma and Sinti",
        "summary": (
            "Published by OSCE/ODIHR in 2010. It looks at five areas: judging the state of relations, "
            "policies and procedures, recruiting Roma and Sinti officers, training, and partnerships. It "
            "names both problems communities face: too much policing of them, and too little protection "
            "for them."
        ),
        "source_organisation": "OSCE/ODIHR",
        "country": "International",
        "year": 2010,
        "tags": ["assessment", "policy", "recruitment"],
        "evidence": "guidance",
        "sources": [
            ("Police and Roma and Sinti: Good Practices in Building Trust and Understanding (OSCE, 2010)", "https://www.osce.org/odihr/84866"),
        ],
    },
    {
        "slug": "legal-clinics-roma-women",
        "title": "Legal clinics and rights information days for Roma women",
        "summary": (
            "In the JUSTROM programme, mediators, lawyers and legal assistants meet Roma women in their "
            "communities, explain their rights and help with complaints, including complaints about police "
            "abuse and hate crime."
        ),
        "source_organisation": "Council of Europe and European Commission (JUSTROM)",
        "country": "International",
        "year": None,
        "tags": ["access-to-justice", "roma-women", "legal-aid"],
        "evidence": "described",
        "sources": [
            ("About JUSTROM (Council of Europe and European Commission)", "https://pjp-eu.coe.int/en/web/access-of-roma-and-traveller-women-to-justice/about-justrom"),
        ],
    },
    {
        "slug": "romed-roma-mediators",
        "title": "Roma mediators (ROMED)",
        "summary": (
            "Trained mediators who come from, or are close to, Roma communities help residents and public "
            "institutions, the police included, understand each other and solve problems before they grow."
        ),
        "source_organisation": "Council of Europe (ROMED)",
        "country": "International",
        "year": None,
        "tags": ["mediation", "intermediaries"],
        "evidence": "described",
        "sources": [
            ("About ROMED (Council of Europe)", "https://coe-romed.org/articles/about-romed"),
        ],
    },
]

MUNICIPALITIES = [
    {
        "slug": "fuenlabrada", "name": "Fuenlabrada", "country": "ES", "default_language": "es", "timezone": "Europe/Madrid",
        "areas": ["Centro", "El Naranjo", "La Avanzada", "Loranca", "Vivero"],
    },
    {
        "slug": "lisboa", "name": "Lisboa", "country": "PT", "default_language": "pt", "timezone": "Europe/Lisbon",
        "areas": ["Marvila", "Olivais", "Santa Clara", "Santa Maria Maior", "São Vicente"],
    },
    {
        "slug": "cluj-napoca", "name": "Cluj-Napoca", "country": "RO", "default_language": "ro", "timezone": "Europe/Bucharest",
        "areas": ["Centru", "Gheorgheni", "Mănăștur", "Someșeni"],
    },
    {
        "slug": "sofia", "name": "София (Sofia)", "country": "BG", "default_language": "bg", "timezone": "Europe/Sofia",
        "areas": ["Лозенец", "Люлин", "Надежда", "Факултета"],
    },
    {
        "slug": "kosice", "name": "Košice", "country": "SK", "default_language": "sk", "timezone": "Europe/Bratislava",
        "areas": ["Juh", "Luník IX", "Staré Mesto", "Západ"],
    },
    {
        "slug": "miskolc", "name": "Miskolc", "country": "HU", "default_language": "hu", "timezone": "Europe/Budapest",
        "areas": ["Belváros", "Diósgyőr", "Avas", "Hejőcsaba"],
    },
]
