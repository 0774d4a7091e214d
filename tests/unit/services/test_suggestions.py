"""Suggested practice links and possible duplicates (portal.services.moderation.suggestions).

The feedback texts below are written the way residents and mediators write: inflected words, mixed
case, missing accents. Each expects one practice among the first three, found from its words alone
(category "other" gives no head start), and a reason that quotes the words as they were written."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from portal.i18n import LANGUAGES
from portal.services.catalogue.data import PRACTICES
from portal.services.moderation.practice_words import CATEGORY_PRACTICES, PRACTICE_WORDS
from portal.services.moderation.suggestions import (
    MIN_SCORE,
    PracticeText,
    Suggestion,
    fold,
    likely_duplicates,
    similarity,
    suggest_practices,
)
from portal.vocab import CATEGORIES, category_label

CATALOGUE = [PracticeText(p["slug"], p["title"], p["summary"], tuple(p["tags"])) for p in PRACTICES]
SEEDED = {p["slug"] for p in PRACTICES}


def rendered(suggestion: Suggestion) -> list[str]:
    return [str(reason) for reason in suggestion.reasons]


def find(suggestions: list[Suggestion], slug: str) -> Suggestion | None:
    return next((s for s in suggestions if s.slug == slug), None)


# --- the word lists ------------------------------------------------------------------------------

def test_every_language_has_words_for_every_seeded_practice():
    assert set(PRACTICE_WORDS) == SEEDED
    codes = {lang.code for lang in LANGUAGES}
    for slug, by_language in PRACTICE_WORDS.items():
        assert set(by_language) == codes, slug
        for code, stems in by_language.items():
            assert len(stems) >= 4, (slug, code)


def test_stems_are_specific_and_not_repeated():
    for slug, by_language in PRACTICE_WORDS.items():
        for code, stems in by_language.items():
            folded = [fold(stem) for stem in stems]
            assert len(set(folded)) == len(folded), (slug, code)
            for stem in folded:
                words = stem.replace("'", " ").split()
                assert words, (slug, code)
                if len(words) == 1:
                    assert len(words[0]) >= 3, (slug, code, stem)
                    # a word that starts with another stem of the list adds nothing
                    assert not any(other != stem and stem.startswith(other) for other in folded), (slug, code)


def test_category_practices_cover_every_category_and_name_only_seeded_practices():
    assert set(CATEGORY_PRACTICES) == set(CATEGORIES)
    for category, slugs in CATEGORY_PRACTICES.items():
        assert set(slugs) <= SEEDED, category
        assert len(set(slugs)) == len(slugs), category
    assert CATEGORY_PRACTICES["other"] == ()
    assert CATEGORY_PRACTICES["stop-search"][0] == "stop-forms-and-rights-leaflet"
    assert CATEGORY_PRACTICES["rumours"] == ("anti-rumours-strategy",)


def test_fold_drops_case_and_accents_but_keeps_the_script():
    assert fold("Șeful ȘTIA") == "seful stia"
    assert fold("ПРОВЕРКА") == "проверка"
    assert fold("Έλεγχος") == "ελεγχοσ"
    assert fold("ačhavde") == "achavde"
    assert fold("KIMLİĞİMİ kımlık") == "kimligimi kimlik"


# --- suggestions from the words --------------------------------------------------------------

REALISTIC = [
    ("ro", "M-au legitimat pe stradă fără motiv, mi-au cerut buletinul și actele de la mașină.",
     "stop-forms-and-rights-leaflet", ["legitimat", "buletinul", "actele"]),
    ("ro", "Politistii au facut perchezitie corporala fara sa spuna de ce si nu mi-au dat niciun pliant.",
     "stop-forms-and-rights-leaflet", ["perchezitie", "pliant"]),
    ("bg", "Някой написа расистки графити на стената на къщата ни. В полицията не го регистрираха.",
     "hate-incident-register", ["расистки", "графити", "регистрираха"]),
    ("hu", "A faluban az a pletyka terjed, hogy a cigányok lopják el a fát. A Facebookon is ezt írják.",
     "anti-rumours-strategy", ["pletyka", "Facebookon"]),
    ("sk", "Policajti hovorili len po slovensky, babka nerozumela a nikto nám nechcel tlmočiť.",
     "romed-roma-mediators", ["nerozumela", "tlmočiť"]),
    ("cs", "Volali jsme kvůli rvačce, ale nikdo nepřijel. Romové už policii nevěří, ztratili jsme důvěru.",
     "odihr-guidebook-police-roma-sinti", ["nikdo nepřijel", "důvěru"]),
    ("es", "Me pararon otra vez en la plaza para pedirme la documentación, solo a mí. Nadie me explicó el motivo.",
     "stop-forms-and-rights-leaflet", ["pararon", "documentación"]),
    ("pt", "Os agentes fazem patrulha a pé todos os dias no bairro e vieram à reunião mensal com os moradores.",
     "lisbon-participatory-community-policing", ["patrulha", "a pé", "reunião", "mensal"]),
    ("en", "My sister was beaten by her husband. The officers said it was a family matter. "
           "She needs a lawyer and advice on her rights.",
     "legal-clinics-roma-women", ["husband", "lawyer", "advice"]),
    ("el", "Ο αστυνομικός μας είπε γύφτους και μας έβριζε μπροστά στα παιδιά. Χρειάζονται εκπαίδευση.",
     "police-and-roma-curriculum", ["γύφτους", "έβριζε", "εκπαίδευση"]),
    ("el", "Μας σταμάτησαν στον δρόμο για έλεγχο ταυτότητας χωρίς κανένα λόγο.",
     "stop-forms-and-rights-leaflet", ["σταμάτησαν", "έλεγχο", "ταυτότητας"]),
    ("rom", "Jekh gadžo mardas amare čhaven thaj vakerdas rasistikane lava. E šingale na ramosarde khanči.",
     "hate-incident-register", ["rasistikane", "ramosarde"]),
    ("rom", "E šingale ačhavde amen ando drom thaj mangle o buletino thaj e lila.",
     "stop-forms-and-rights-leaflet", ["ačhavde", "buletino", "lila"]),
    ("de", "In der Schule erzählen alle das Gerücht, dass Roma-Familien Kinder stehlen. Viele glauben die Vorurteile.",
     "anti-rumours-strategy", ["Gerücht", "Vorurteile"]),
    ("fr", "J'ai subi un contrôle d'identité devant le foyer, ils m'ont fouillé et je n'ai reçu aucun récépissé.",
     "stop-forms-and-rights-leaflet", ["contrôle d'identité", "fouillé", "récépissé"]),
    ("tr", "Polis Türkçe konuştu, annem anlamadı ve tercüman yoktu.",
     "romed-roma-mediators", ["anlamadı", "tercüman"]),
    ("it", "Abbiamo paura di denunciare. Un avvocato della clinica legale ci ha spiegato i nostri diritti.",
     "legal-clinics-roma-women", ["avvocato", "legale", "nostri diritti"]),
    ("sr_Latn", "Komšije se stalno svađaju oko dvorišta. Romski medijator je pomogao da se dogovore.",
     "romed-roma-mediators", ["Komšije", "svađaju", "medijator"]),
    ("mk", "Група момчиња нè нападнаа и нè претепаа затоа што сме Роми. Ова е злосторство од омраза.",
     "coe-toolkit-racially-motivated-crime", ["нападнаа", "претепаа", "злосторство од омраза"]),
]


@pytest.mark.parametrize(("language", "text", "expected", "quoted"), REALISTIC,
                         ids=[f"{case[0]}-{i}" for i, case in enumerate(REALISTIC)])
def test_the_words_alone_suggest_the_practice_and_say_why(language, text, expected, quoted):
    suggestions = suggest_practices("other", text, language, CATALOGUE)
    assert expected in [s.slug for s in suggestions], suggestions
    reasons = rendered(find(suggestions, expected))
    assert len(reasons) == 1 and reasons[0].startswith("The text mentions")
    for word in quoted:
        assert word in reasons[0]


def test_the_cases_cover_many_languages():
    assert len(REALISTIC) >= 12
    assert len({case[0] for case in REALISTIC}) >= 8


def test_category_and_words_together_put_the_practice_first_with_both_reasons():
    text = "M-au legitimat pe stradă fără motiv, mi-au cerut buletinul și actele."
    best = suggest_practices("stop-search", text, "ro", CATALOGUE)[0]
    assert best.slug == "stop-forms-and-rights-leaflet"
    assert rendered(best) == [
        f'The category "{category_label("stop-search")}" is one this practice addresses.',
        'The text mentions "legitimat, buletinul, actele".',
    ]


def test_words_outweigh_a_category_that_does_not_fit():
    text = "Au scris pe zid graffiti rasiste și poliția nu a înregistrat nimic."
    suggestions = suggest_practices("respect", text, "ro", CATALOGUE)
    assert suggestions[0].slug == "hate-incident-register"


def test_case_and_accents_do_not_matter_and_the_quote_keeps_the_writing():
    plain = suggest_practices("other", "mi-au cerut buletinul si actele", "ro", CATALOGUE)
    shouting = suggest_practices("other", "MI-AU CERUT BULETINUL ȘI ACTELE", "ro", CATALOGUE)
    assert [(s.slug, s.score) for s in plain] == [(s.slug, s.score) for s in shouting]
    assert 'The text mentions "BULETINUL, ACTELE".' in rendered(shouting[0])


def test_a_longer_phrase_and_its_last_word_count_once():
    phrase = suggest_practices("other", "They checked my papers.", "en", CATALOGUE)[0]
    word = suggest_practices("other", "They wanted papers.", "en", CATALOGUE)[0]
    assert phrase.slug == word.slug == "stop-forms-and-rights-leaflet"
    assert phrase.score == word.score
    assert 'The text mentions "checked my papers".' in rendered(phrase)


def test_a_repeated_word_counts_once_and_more_signs_count_less_each():
    def score(text):
        return find(suggest_practices("other", text, "en", CATALOGUE, limit=12),
                    "stop-forms-and-rights-leaflet").score

    one, again = score("They stopped me."), score("They stopped me, stopped me, stopped me.")
    two = score("They stopped me and gave me no leaflet.")
    three = score("They stopped me, searched me and gave me no leaflet.")
    assert one == again
    assert one < two < three
    assert three - two < two - one


def test_words_are_read_in_the_feedbacks_language():
    text = "Mi-au cerut buletinul și actele."
    assert suggest_practices("other", text, "ro", CATALOGUE)
    assert suggest_practices("other", text, "hu", CATALOGUE) == []


def test_an_unknown_language_is_read_with_the_english_words():
    assert suggest_practices("other", "They gave me no leaflet.", "pl", CATALOGUE)[0].slug == \
        "stop-forms-and-rights-leaflet"


# --- the category, exclude, limit ---------------------------------------------------------------

@pytest.mark.parametrize("category", [c for c in CATEGORIES if c != "other"])
def test_the_category_alone_suggests_its_practices_in_order(category):
    suggestions = suggest_practices(category, "", "en", CATALOGUE, limit=10)
    assert [s.slug for s in suggestions] == list(CATEGORY_PRACTICES[category])
    for suggestion in suggestions:
        assert rendered(suggestion) == [
            f'The category "{category_label(category)}" is one this practice addresses.']
        assert suggestion.score >= MIN_SCORE


def test_exclude_leaves_out_practices_already_linked():
    suggestions = suggest_practices("hate-crime", "", "en", CATALOGUE,
                                    exclude={"hate-incident-register"})
    assert [s.slug for s in suggestions] == ["coe-toolkit-racially-motivated-crime", "legal-clinics-roma-women"]
    everything = suggest_practices("hate-crime", "", "en", CATALOGUE, exclude=(p.slug for p in CATALOGUE))
    assert everything == []


def test_limit_is_respected():
    text = "They stopped me, searched me, no leaflet, no lawyer, nobody came, racist graffiti, rumours."
    assert len(suggest_practices("stop-search", text, "en", CATALOGUE)) == 3
    assert len(suggest_practices("stop-search", text, "en", CATALOGUE, limit=1)) == 1
    assert len(suggest_practices("stop-search", text, "en", CATALOGUE, limit=10)) > 3
    assert suggest_practices("stop-search", text, "en", CATALOGUE, limit=0) == []


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The weather was nice and we had lunch together."),
    ("en", "The officers came to our house yesterday, they were polite and helped us."),
    ("rom", "O šingale avile ič amende, sas lačhe thaj pomožisarde amenge."),
    ("ro", "Polițiștii au venit ieri la noi acasă, au fost amabili și ne-au ajutat."),
    ("bg", "Полицаите дойдоха вчера у нас, бяха любезни и ни помогнаха."),
    ("hu", "A rendőrök tegnap este jöttek ki hozzánk, udvariasak voltak és segítettek."),
    ("sk", "Policajti včera prišli k nám domov, boli slušní a pomohli nám."),
    ("cs", "Policisté včera přišli k nám domů, byli slušní a pomohli nám."),
    ("es", "Los agentes vinieron ayer a casa, fueron amables y nos ayudaron."),
    ("pt", "Os agentes vieram ontem a nossa casa, foram simpáticos e ajudaram-nos."),
    ("sr_Latn", "Policajci su juče došli kod nas kući, bili su ljubazni i pomogli su nam."),
    ("mk", "Полицајците дојдоа вчера кај нас дома, беа љубезни и ни помогнаа."),
    ("el", "Οι αστυνομικοί ήρθαν χθες στο σπίτι μας, ήταν ευγενικοί και μας βοήθησαν."),
    ("tr", "Polisler dün evimize geldi, kibar davrandılar ve bize yardım ettiler."),
    ("it", "Gli agenti sono venuti ieri a casa nostra, sono stati gentili e ci hanno aiutato."),
    ("fr", "Les policiers sont venus hier chez nous, ils étaient polis et nous ont aidés."),
    ("de", "Die Polizisten kamen gestern zu uns nach Hause, waren höflich und haben geholfen."),
    ("en", ""),
])
def test_unrelated_text_with_category_other_gives_nothing(language, text):
    assert suggest_practices("other", text, language, CATALOGUE) == []


def test_an_unknown_category_gives_no_head_start():
    assert suggest_practices("no-such-category", "", "en", CATALOGUE) == []


def test_ranking_is_deterministic_and_ties_go_by_slug():
    twin_b = PracticeText("b-youth-football", "Youth football league", "Matches every week.", ("sport",))
    twin_a = PracticeText("a-youth-football", "Youth football league", "Matches every week.", ("sport",))
    text = "The youth football league was great."
    first = suggest_practices("other", text, "en", [twin_b, twin_a])
    assert [s.slug for s in first] == ["a-youth-football", "b-youth-football"]
    assert first[0].score == first[1].score
    assert suggest_practices("other", text, "en", [twin_a, twin_b]) == first


def test_a_practice_listed_twice_is_suggested_once():
    suggestions = suggest_practices("rumours", "", "en", CATALOGUE + CATALOGUE, limit=10)
    assert [s.slug for s in suggestions] == ["anti-rumours-strategy"]


# --- practices added by an admin ---------------------------------------------------------------

FOOTBALL = PracticeText(
    "youth-football-with-officers",
    "Football league for young people and officers",
    "Officers and teenagers from the settlement play football together every Saturday in the sports hall.",
    ("sport", "youth"),
)


def test_an_admin_added_practice_is_suggested_from_its_own_title_and_tags():
    text = "The officers organised a football match with the youth from our street. It was a good sport day."
    suggestions = suggest_practices("children-youth", text, "en", [*CATALOGUE, FOOTBALL])
    suggestion = find(suggestions, FOOTBALL.slug)
    assert suggestion is not None
    assert suggestions[0] == suggestion
    reason = rendered(suggestion)
    assert reason == ['The text mentions "football, youth, sport".']


def test_a_single_summary_word_is_not_enough_for_an_admin_added_practice():
    assert suggest_practices("other", "We met on Saturday.", "en", [FOOTBALL]) == []
    two = suggest_practices("other", "On Saturday the teenagers went to the hall.", "en", [FOOTBALL])
    assert [s.slug for s in two] == [FOOTBALL.slug]


def test_an_admin_added_practice_ignores_words_every_feedback_uses():
    practice = PracticeText("roma-police-community", "Police and Roma community", "Local police.", ())
    assert suggest_practices("other", "The police came to the Roma community.", "en", [practice]) == []


def test_reasons_are_lazy_strings():
    suggestion = suggest_practices("rumours", "They spread a rumour.", "en", CATALOGUE)[0]
    assert all(not isinstance(reason, str) for reason in suggestion.reasons)
    assert all("%(" in reason._args[0] for reason in suggestion.reasons)


# --- similarity ----------------------------------------------------------------------------------

ALIKE = [
    ("The police stopped my son near the school and searched his bag without any reason.",
     "Near the school the police stopped my son and searched his bag without any reson."),
    ("Polițiștii au venit noaptea și au intrat în casă fără mandat.",
     "Au intrat in casa fara madnat, politistii au venit noaptea."),
    ("Полицията спря сина ми пред училището и претърси чантата му без причина.",
     "Пред училището полицията спря сина ми и претърси чантата му без прична."),
    ("Η αστυνομία σταμάτησε τον γιο μου κοντά στο σχολείο και έψαξε την τσάντα του χωρίς λόγο.",
     "Κοντά στο σχολείο η αστυνομία σταμάτησε τον γιο μου και έψαξε την τσάτνα του χωρίς λόγο."),
]
UNALIKE = [
    ("The police stopped my son near the school and searched his bag without any reason.",
     "We had a good meeting with the mayor about the new playground in the park."),
    ("Polițiștii au venit noaptea și au intrat în casă fără mandat.",
     "Copiii noștri au fost la școală și profesorii au fost amabili."),
    ("Полицията спря сина ми пред училището и претърси чантата му без причина.",
     "Имахме хубава среща с кмета за новата детска площадка в парка."),
    ("Η αστυνομία σταμάτησε τον γιο μου κοντά στο σχολείο και έψαξε την τσάντα του χωρίς λόγο.",
     "Είχαμε μια καλή συνάντηση με τον δήμαρχο για τη νέα παιδική χαρά στο πάρκο."),
]


@pytest.mark.parametrize(("a", "b"), ALIKE)
def test_reordered_words_and_a_typo_stay_similar(a, b):
    assert similarity(a, a) == 1.0
    assert 0.6 < similarity(a, b) < 1.0
    assert similarity(a, b) == similarity(b, a)


@pytest.mark.parametrize(("a", "b"), UNALIKE)
def test_unrelated_texts_are_not_similar(a, b):
    assert similarity(a, b) < 0.3


def test_similarity_ignores_case_accents_and_punctuation_but_not_scripts():
    assert similarity("ȘCOALĂ, Poliție!", "scoala politie") == 1.0
    assert similarity("Έλεγχος", "ελεγχος") == 1.0
    assert similarity("проверка", "proverka") == 0.0


@pytest.mark.parametrize(("a", "b"), [("", ""), ("", "text"), ("text", ""), ("!!! ...", "!!! ..."), ("  ", "a")])
def test_empty_text_is_similar_to_nothing(a, b):
    assert similarity(a, b) == 0.0


@given(st.text(), st.text())
def test_similarity_is_bounded_symmetric_and_never_raises(a, b):
    value = similarity(a, b)
    assert 0.0 <= value <= 1.0
    assert value == similarity(b, a)
    assert similarity(a, a) in (0.0, 1.0)


@given(st.text(min_size=1))
def test_a_text_with_a_letter_or_digit_is_wholly_similar_to_itself(text):
    assume(any(ch.isalnum() for ch in text))
    assert similarity(text, text) == 1.0


# --- likely duplicates ---------------------------------------------------------------------------

STORY = "The police stopped my son near the school and searched his bag without any reason."
CANDIDATES = [
    (7, "We had a good meeting with the mayor about the new playground in the park."),
    (3, "Near the school the police stopped my son and searched his bag without any reson."),
    (9, STORY),
    (4, "The police stopped my son near the school."),
    (5, ""),
]


def test_likely_duplicates_are_those_at_or_above_the_threshold_most_similar_first():
    found = likely_duplicates(STORY, CANDIDATES)
    assert [item_id for item_id, _ in found] == [9, 3, 4]
    assert found[0] == (9, 1.0)
    scores = [score for _, score in found]
    assert scores == sorted(scores, reverse=True)
    assert all(score >= 0.5 for score in scores)
    assert similarity(STORY, CANDIDATES[0][1]) < 0.5


def test_the_threshold_is_inclusive_and_can_be_raised():
    partial = similarity(STORY, CANDIDATES[3][1])
    assert (4, partial) in likely_duplicates(STORY, CANDIDATES, threshold=partial)
    assert [i for i, _ in likely_duplicates(STORY, CANDIDATES, threshold=partial + 1e-9)] == [9, 3]
    assert likely_duplicates(STORY, CANDIDATES, threshold=0.95) == [(9, 1.0)]


def test_likely_duplicates_respects_the_limit_and_orders_ties_by_id():
    assert [i for i, _ in likely_duplicates(STORY, CANDIDATES, limit=2)] == [9, 3]
    assert likely_duplicates(STORY, CANDIDATES, limit=0) == []
    same = [(12, STORY), (2, STORY), (8, STORY)]
    assert likely_duplicates(STORY, same, limit=2) == [(2, 1.0), (8, 1.0)]
    assert likely_duplicates(STORY, []) == []
    assert likely_duplicates("", CANDIDATES) == []
