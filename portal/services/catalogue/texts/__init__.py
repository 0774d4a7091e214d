"""The catalogue's texts in the languages the seed ships: English, Spanish, Portuguese, Romanian.

Each module maps a practice's slug to its texts (the fields of `GoodPracticeText`); `how_to_start`
holds one step per line. Written in plain words for residents, officers and municipal staff alike.
Other languages are added by admins at /admin/practices; pages fall back to English meanwhile.
"""

from portal.services.catalogue.texts import en, es, pt, ro

TEXTS: dict[str, dict[str, dict[str, str]]] = {"en": en.TEXTS, "es": es.TEXTS, "pt": pt.TEXTS, "ro": ro.TEXTS}
