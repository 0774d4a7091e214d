"""Word lists for the redaction proposals (see redaction.py), by language.

Residents mix languages, so every list is always used in full; the language of a feedback text is
only a hint for breaking ties. Words are lower case and matched without regard to case, unless a
list says otherwise. Keep entries plain: they are turned into regular expressions with re.escape.
"""

from __future__ import annotations


def _word_set(text: str) -> frozenset[str]:
    """The words of a block of text, one or many a line: long lists stay readable."""
    return frozenset(text.split())

# --- titles and ranks: the capitalised words AFTER them are proposed as a name -------------------

TITLES: dict[str, tuple[str, ...]] = {
    "en": ("officer", "agent", "constable", "sergeant", "sgt.", "sgt", "inspector", "detective",
           "captain", "lieutenant", "chief", "mr.", "mr", "mrs.", "mrs", "miss", "dr.", "dr"),
    "ro": ("domnul", "domnului", "dl.", "dl", "d-l", "dlui", "doamna", "doamnei", "dna.", "dna", "d-na",
           "agentul", "agentului", "agent", "polițistul", "politistul", "polițista", "polițistului",
           "comisarul", "inspectorul", "subinspectorul", "ofițerul", "ofiterul", "jandarmul",
           "sergentul", "șeful", "seful"),
    "bg": ("господин", "господина", "г-н", "госпожа", "г-жа", "госпожица", "полицай", "полицаят",
           "полицая", "инспектор", "инспекторът", "инспектора", "служителят", "служителя",
           "сержант", "комисар", "старшина", "началник", "офицер"),
    "mk": ("господинот", "г-дин", "госпоѓа", "г-ѓа", "полицаец", "полицаецот", "полицаецот",
           "службеникот", "инспекторот"),
    "sr_Latn": ("gospodin", "gospodine", "gospodina", "g.", "gospođa", "gospođe", "gđa", "g-đa",
                "policajac", "policajca", "policajka", "inspektor", "inspektorka", "narednik",
                "vodnik", "komandir"),
    "hu": ("rendőr", "őrmester", "törzsőrmester", "hadnagy", "főhadnagy", "százados", "nyomozó",
           "felügyelő"),
    "sk": ("pán", "pána", "pánom", "pani", "strážnik", "policajt", "policajta", "policajtka",
           "príslušník", "inšpektor", "inšpektorka", "strážmajster", "nadstrážmajster", "kapitán",
           "poručík"),
    "cs": ("pan", "pana", "panem", "paní", "strážník", "strážníka", "policista", "policisty",
           "policistka", "inspektor", "strážmistr", "nadstrážmistr", "komisař", "kapitán"),
    "es": ("sr.", "sra.", "srta.", "señor", "señora", "don", "doña", "agente", "policía", "guardia",
           "sargento", "cabo", "inspector", "inspectora", "comisario", "oficial", "teniente"),
    # not "polícia": Slovak writes "Mestská polícia Košice", with a town after it
    "pt": ("senhor", "senhora", "sr", "sra", "dona", "agente", "guarda", "chefe",
           "subchefe", "comissário", "inspetor", "sargento", "cabo"),
    "el": ("κύριος", "κύριε", "κυρίου", "κ.", "κυρία", "κα", "κα.", "αστυνομικός", "αστυνομικό",
           "αστυνομικού", "αστυφύλακας", "αστυφύλακα", "αστυνόμος", "υπαστυνόμος", "αρχιφύλακας"),
    "tr": ("bay", "bayan", "memur", "memuru", "komiser", "başkomiser", "amir", "müdür"),
    "it": ("signor", "signore", "signora", "signorina", "sig.", "sig.ra", "agente", "carabiniere",
           "appuntato", "brigadiere", "maresciallo", "ispettore", "commissario", "vigile", "dottor",
           "dott."),
    "fr": ("monsieur", "madame", "mademoiselle", "mme", "mlle", "agent", "brigadier", "gardien",
           "lieutenant", "capitaine", "commandant", "commissaire", "policier", "gendarme", "adjudant"),
    "de": ("herr", "herrn", "frau", "polizist", "polizistin", "beamter", "beamte", "beamtin",
           "polizeibeamter", "polizeimeister", "kommissar", "kommissarin", "hauptkommissar",
           "wachtmeister"),
    # Romani: residents use the majority language's titles too; these are the common Romani words
    # for "sir / gentleman" and "policeman" in Balkan and Central European varieties.
    "rom": ("raj", "rajo", "raja", "šingalo", "šingaloj", "policisto", "policajo", "phuro"),
}

# Titles that must match in exactly this case: "M. Martin" is monsieur, "m." is a metre; "PC Jones"
# is a police constable, "my pc Windows" is not.
TITLES_EXACT_CASE: tuple[str, ...] = ("M.", "PC", "Ms", "Ms.")

# Hungarian and Turkish put the title AFTER the name: "Kovács úr", "Ahmet Bey".
TITLES_AFTER_NAME: tuple[str, ...] = ("úr", "úrnak", "urat", "asszony", "asszonynak", "őrmester",
                                      "hadnagy", "rendőr", "bey", "beyi", "hanım", "hanımı")

# Lower-case words allowed inside a name: "João da Silva", "María de la Cruz", "Ludwig van Beek".
NAME_PARTICLES: tuple[str, ...] = ("da", "de", "del", "della", "di", "do", "dos", "das", "des", "van",
                                   "von", "der", "la", "le", "du", "y", "e", "bin", "ibn")

# Capitalised words that follow a title but are not a name: institutions, ranks, sentence starters.
NOT_NAMES: frozenset[str] = _word_set("""
police policía poliția poliției politia polizei polizia polícia policia politie rendőrség
guardia civil nacional national municipal municipale municipala local locale locală romana română
training department station office service services team unit patrol security court
psp gnr mvr мвр the a an and but when then he she they i we it this that his her my our your there
și si dar el ea ei ele la în in de pe un o e cu nu da când apoi
и но той тя те аз ние това там
és a az egy ez hogy de amikor aztán akkor ott itt tegnap ma
a ale ten tá to on ona oni ale keď potom
y pero él ella ellos ellas cuando luego entonces este esta
e mas ele ela eles quando depois então este esta
και αλλά ο η το αυτός αυτή όταν μετά
ve ama o bu şu bir dün bugün sonra polis memur
e ma lui lei il lo gli quando poi questo questa
et mais il elle ils le les un une quand puis ce cette
und aber er sie es der die das ein eine wenn dann namens
general right doktor doctor professor prof mitte ober kollege kollegin chef verde
dumnezeu domnul doamne god gott dios deus dio dieu allah бог бога θεός bůh boh bog devel del
president presidente președinte președintele presidentin präsident mayor primar primarul primari
кмет кметът кмета кметот градоначалник градоначалникот δήμαρχος δήμαρχο δήμαρχε polgármester
primátor starosta starostka gradonačelnik gradonačelnica sindaco sindaca maire bürgermeister
bürgermeisterin belediye başkan başkanı vali prefect prefectul préfet prefetto director directorul
directora diretor direttore directeur direktor direktorin minister ministro ministrul ministre
judge juez juiz giudice juge richter richterin judecător judecătorul bíró sudija sudiji судия
съдия прокурор procuror procurorul prosecutor fiscal procurador procuratore procureur
staatsanwalt ügyész tužilac εισαγγελέας savcı ombudsman avocatul avocat lawyer abogado advogado
avvocato avocat anwalt ügyvéd advokát адвокат δικηγόρος avukat
""")

# --- streets: a street word with a name and a house number is an address ------------------------

# Street words written BEFORE the street name ("strada Florilor 7", "ул. Витоша 10", "via Roma 3").
STREET_BEFORE: dict[str, tuple[str, ...]] = {
    "ro": ("strada", "str.", "str", "stradela", "bulevardul", "bd.", "bdul.", "b-dul", "calea",
           "aleea", "șoseaua", "soseaua", "șos.", "piața", "piata", "intrarea", "splaiul"),
    "bg": ("улица", "ул.", "бул.", "булевард", "пл.", "площад"),
    "mk": ("улица", "ул.", "бул.", "булевар"),
    "sr_Latn": ("ulica", "ulici", "ulicu", "ul.", "bulevar", "bul.", "trg"),
    "hu": (),
    "sk": ("ulica", "ulici", "ul.", "námestie", "nám."),
    "cs": ("ulice", "ulici", "ul.", "náměstí", "nám.", "třída"),
    "es": ("calle", "c/", "avenida", "avda.", "av.", "paseo", "plaza", "pza.", "camino", "carrer",
           "ronda", "travesía"),
    "pt": ("rua", "r.", "travessa", "largo", "praça", "estrada", "alameda", "avenida", "av."),
    "el": ("οδός", "οδό", "οδού", "οδ.", "λεωφόρος", "λεωφόρο", "λεωφόρου", "λεωφ.", "πλατεία"),
    "tr": (),
    "it": ("via", "viale", "v.le", "piazza", "p.za", "corso", "vicolo", "largo"),
    "fr": ("rue", "avenue", "boulevard", "bd", "place", "allée", "impasse", "chemin", "route",
           "quai", "cours"),
    "de": (),
    "en": (),
    "rom": ("drom", "ulica", "strada"),
}

# Street words written AFTER the street name ("Petőfi utca 12", "Atatürk Caddesi No: 5").
STREET_AFTER: tuple[str, ...] = (
    "utca", "u.", "út", "útja", "tér", "körút", "krt.", "köz", "sor", "sétány", "fasor",
    "sokak", "sokağı", "sok.", "sk.", "cadde", "caddesi", "cad.", "cd.", "bulvarı", "blv.",
    "straße", "strasse", "str.", "gasse", "weg", "platz", "allee",
    "ulica", "ulice", "street", "st.", "road", "rd.", "avenue", "ave.", "lane", "drive", "square",
)

# German compounds: the street word is the end of one word ("Hauptstraße 5", "Goethestr. 3").
STREET_COMPOUND_ENDINGS: tuple[str, ...] = ("straße", "strasse", "str.", "gasse", "weg", "platz",
                                            "allee", "damm", "ufer", "ring")

# Czech, Slovak and Serbian streets are often an adjective alone: "Masarykova 7", "Hlavná 12".
STREET_ADJECTIVE_ENDINGS: tuple[str, ...] = ("ova", "ová", "eva", "ská", "ského", "ní", "ná")

# English and French write the number first: "221B Baker Street", "12 rue de la Paix".
STREET_NUMBER_FIRST: tuple[str, ...] = ("street", "st.", "road", "rd.", "avenue", "ave.", "lane",
                                        "drive", "close", "crescent", "terrace", "square")

# Written before a house number: "nr. 12", "бр. 5", "No: 3", "n.º 7", "č. 4".
HOUSE_NUMBER_WORDS: tuple[str, ...] = ("nr.", "nr", "no.", "no:", "no", "nº", "n.º", "n°", "n.",
                                       "număr", "numărul", "número", "numero", "č.", "č.p.", "čp.",
                                       "бр.", "бр", "br.", "br", "αρ.", "αριθ.", "sz.", "hausnummer")

# A number followed by one of these is an amount, an age, a time or a count, not a house number.
NOT_HOUSE_NUMBER_AFTER: tuple[str, ...] = (
    "%", "€", "lei", "ron", "eur", "euro", "euros", "evro", "leva", "лв", "лева", "ft", "forint",
    "kč", "korun", "eura", "din", "dinara", "ден", "денари", "tl", "lira", "lire", "$", "£",
    "ani", "anii", "years", "year", "éves", "éve", "let", "rokov", "roky", "años", "anos", "anni",
    "ans", "jahre", "jahren", "години", "godina", "ετών", "yaşında", "yıl", "minute", "minutes",
    "min", "minuten", "perc", "minut", "minutos", "minuti",
    "ore", "hours", "óra", "hodín", "horas", "ώρες", "saat", "ure", "heures", "stunden",
    "times", "ori", "veces", "vezes", "volte", "fois", "mal", "alkalommal", "krát", "пъти", "puta",
    "φορές", "kez", "copii", "children", "kids", "niños", "filhos", "figli", "enfants", "kinder",
    "деца", "deca", "παιδιά", "çocuk", "gyerek", "dětí", "detí", "people", "oameni", "persoane",
    "polițiști", "officers", "policías", "agenți", "agents", "gendarmes", "policiers", "agentes",
    "poliziotti", "carabinieri", "polizisten", "beamte", "rendőr", "rendőrök", "policisté",
    "strážníci", "policajti", "policajci", "полицаи", "полицајци", "αστυνομικοί", "polis",
)

# --- keywords before a number: they decide between a telephone number and an identity number ----

ID_KEYWORDS: tuple[str, ...] = (
    "cnp", "cod numeric personal", "buletin", "carte de identitate", "egn", "егн", "лична карта",
    "dni", "nie", "nif", "contribuinte", "cartão de cidadão", "taj", "személyi", "rodné číslo",
    "rodné č", "r.č.", "rč", "občanský", "občiansky", "amka", "αμκα", "ταυτότητ", "codice fiscale",
    "c.f.", "nir", "sécurité sociale", "sécu", "kimlik", "t.c.", "tckn", "jmbg", "јмбг", "embg",
    "ембг", "матичен", "matični", "personal number", "id number", "identity number", "id card",
    "personalausweis", "ausweis", "carta d'identità", "carte d'identité", "cédula", "documento",
)

PHONE_KEYWORDS: tuple[str, ...] = (
    "tel", "telefon", "telefonul", "telefonszám", "telefonnummer", "phone", "mobile", "mobil",
    "móvil", "movil", "telemóvel", "telemovel", "cell", "cellulare", "whatsapp", "viber", "sună",
    "sunați", "call", "llama", "llamar", "ligue", "ligar", "chiama", "appelle", "anrufen", "hívja",
    "hívd", "zavolaj", "zavolejte", "volajte", "позвъни", "звъни", "обади", "тел", "τηλ", "κινητό",
    "arayın", "ara", "cep", "gsm", "handy", "portable", "číslo", "broj", "број",
)

# --- web and social media -----------------------------------------------------------------------

# Top-level domains that make a bare "name.tld" a web address.
TLDS: tuple[str, ...] = (
    "com", "net", "org", "info", "biz", "eu", "io", "me", "tv", "ly", "app", "online", "site",
    "ro", "bg", "hu", "sk", "cz", "es", "pt", "rs", "mk", "gr", "tr", "it", "fr", "de", "uk", "ie",
    "at", "ch", "be", "nl", "pl", "md", "ua", "al", "ba", "hr", "si", "co",
    "бг", "срб", "мкд", "ελ",
)

# TLDs that are also everyday words ("eu" is "I" in Romanian, "de" is "of"): a bare domain with
# one of them needs a path ("site.de/x") or a "www." to count, because residents often skip the
# space after a full stop ("am plecat.de ce").
TLDS_COMMON_WORDS: frozenset[str] = frozenset({"eu", "io", "me", "es", "it", "de", "at", "be",
                                               "si", "al", "co", "ba"})

# Words after which a bare word with a digit, "_" or "." is a user name ("insta: maria_99").
SOCIAL_PLATFORMS: tuple[str, ...] = (
    "instagram", "insta", "ig", "tiktok", "tik tok", "facebook", "fb", "twitter", "telegram",
    "snapchat", "snap", "youtube", "threads", "profil", "profile", "profilul", "perfil",
)

# --- vehicle registration plates ----------------------------------------------------------------

# Romanian county codes ("CJ 12 XYZ"); B (Bucharest) takes three digits.
RO_COUNTIES: tuple[str, ...] = (
    "AB", "AG", "AR", "B", "BC", "BH", "BN", "BR", "BT", "BV", "BZ", "CJ", "CL", "CS", "CT", "CV",
    "DB", "DJ", "GJ", "GL", "GR", "HD", "HR", "IF", "IL", "IS", "MH", "MM", "MS", "NT", "OT", "PH",
    "SB", "SJ", "SM", "SV", "TL", "TM", "TR", "VL", "VN", "VS",
)

# Upper-case letter groups that look like a plate part but are currencies, banks, parties or
# abbreviations ("2000 RSD", "20 EUR 50", "PIN 123").
NOT_PLATE_ACRONYMS: frozenset[str] = _word_set("""
EUR RON LEI BGN HUF CZK RSD MKD TRY GBP USD CHF PLN HRK DEN
BCR BRD PSD PNL SRL TVR DNS PCR GPS SMS DVD CNP ISO DIN COVID TAJ DNI NIE NIF TEL PIN NR
""")

# Short all-caps words: in shouted text "EU AM 30" is not a German plate.
NOT_PLATE_WORDS: frozenset[str] = _word_set("""
EU AM LA DE IN CU SI NU DA NO ON AT TO IS IT OF UN EL LE ET SA MY WE HE SO OR
A I O E Y U DER DIE DAS UND THE AND ARE WAS
""")

_LAT_CYR = "A-ZА-ЯЀ-Џ"  # Bulgarian, Serbian and Macedonian plates also use Cyrillic letters
_GREEK_PLATE = "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"

# Plate shapes as regular expressions: (pattern, countries for the reason, whether short all-caps
# words such as "EU" or "AM" rule a match out). Several countries share a shape: "AB 123 CD" is
# Slovak, Italian, French, Serbian or Macedonian.
PLATE_SHAPES: tuple[tuple[str, str, bool], ...] = (
    ("(?:" + "|".join(RO_COUNTIES) + r")[ \-]?[0-9]{2,3}[ \-]?[A-Z]{3}", "RO", False),
    (rf"[{_LAT_CYR}]{{1,2}}[ \-]?[0-9]{{3,5}}[ \-]?[{_LAT_CYR}]{{2}}", "BG, SK, IT, FR, RS, MK",
     False),
    (r"[0-9]{4}[ \-]?[BCDFGHJKLMNPRSTVWXYZ]{3}", "ES", False),
    (r"(?:[A-Z]{2}([ \-])[0-9]{2}\1[A-Z]{2}|[0-9]{2}([ \-])[A-Z]{2}\2[0-9]{2}"
     r"|[0-9]{2}([ \-])[0-9]{2}\3[A-Z]{2}|[A-Z]{2}([ \-])[0-9]{2}\4[0-9]{2})", "PT", True),
    (r"[A-Z]{3}[ \-][0-9]{3}|[A-Z]{2} [A-Z]{2}-[0-9]{3}", "HU", False),
    (r"[0-9][A-Z][A-Z0-9][ \-]?[0-9]{4}", "CZ", False),
    (r"[A-ZÄÖÜ]{1,3}[ \-][A-Z]{1,2}[ \-]?[0-9]{1,4}[EH]?", "DE", True),
    (rf"[{_GREEK_PLATE}]{{3}}[ \-]?[0-9]{{4}}|[A-Z]{{3}}-[0-9]{{4}}", "GR", False),
    (r"(?:0[1-9]|[1-7][0-9]|8[01])[ \-]?[A-Z]{1,3}[ \-]?[0-9]{2,5}", "TR", False),
    (r"[A-Z]{2}[0-9]{2} ?[A-Z]{3}", "GB", False),
)
