"""Kyrgyz endings the checks need, written once over vowel harmony.

Case and possessive endings keep a word the same word (``Трамптын`` is Trump, ``ЖӨБдүн`` is LSG),
so a name or a glossary term is still found; derivational suffixes make another word
(``шайлоочу``, a voter, is not ``шайлоо``, an election; ``өкмөттүк``, governmental, is not
``өкмөт``), so a glossary term is not required in its translation.
"""

from __future__ import annotations

from itertools import product

_A = "аеоө"  # two-way harmony (low vowels)
_I = "ыиуү"  # four-way harmony (high vowels)


def _expand(*templates: str) -> frozenset[str]:
    """Every ending a template gives, ``A`` and ``I`` standing for the harmonising vowels."""
    out: set[str] = set()
    for template in templates:
        slots = [_A if c == "A" else _I if c == "I" else c for c in template]
        out.update("".join(letters) for letters in product(*slots))
    return frozenset(out)


#: case, plural and possessive endings: a word with one of these is still the same word
CASE_ENDINGS = _expand(
    "I", "сI", "Iн", "н", "гA", "кA", "нA", "дA", "тA", "дI", "тI", "нI",
    "дIн", "тIн", "нIн", "дAн", "тAн", "нAн", "дAгI", "тAгI", "лAр", "дAр", "тAр",
)  # fmt: skip
_HARMONY = {"а": "ы", "ы": "ы", "я": "ы", "е": "и", "и": "и", "э": "и", "о": "у", "у": "у",
            "ё": "у", "ю": "у", "ө": "ү", "ү": "ү"}  # fmt: skip
_VOICELESS = frozenset("кпстфхцчшщ")


def is_genitive(word: str) -> bool:
    """Does ``word`` (lower case) end in the Kyrgyz genitive its stem takes: -нын after a vowel,
    -тын after a voiceless consonant, -дын after another, the vowel harmonising with the stem's
    last (Трамптын, Калифорниянын, Нильсендин; not Бородин, Распутин: -дин after a vowel)?
    Not -нин, which ends Russian surnames on a vowel-final stem (Калинин, Каренин)."""
    stem, ending = word[:-3], word[-3:]
    if len(stem) < 3 or ending[2] != "н" or ending[0] not in "дтн" or ending == "нин":
        return False
    vowels = [c for c in stem if c in _HARMONY]
    if not vowels or ending[1] != _HARMONY[vowels[-1]]:
        return False
    last = stem[-1]
    want = "н" if last in _HARMONY else "т" if last in _VOICELESS else "д"
    return ending[0] == want


def is_accusative(word: str) -> bool:
    """Does ``word`` (lower case) end in the Kyrgyz accusative a consonant-final stem of four
    letters or more takes: -ты after a voiceless consonant, -ды after another, the vowel
    harmonising with the stem's last (Миллерди, Трампты, Холтту)? Not after a vowel (-ны, as
    Italian surnames end: Муссолини), nor a doubled consonant (Бенедетти), nor a disharmony
    (Моранди, Бурунди: Kyrgyz would write -ды, -ду)."""
    stem, ending = word[:-2], word[-2:]
    if len(stem) < 4 or ending[0] not in "дт" or ending[1] not in "ыиуү":
        return False
    last = stem[-1]
    if last in _HARMONY or last in "йьъ" or last == ending[0]:
        return False
    vowels = [c for c in stem if c in _HARMONY]
    if not vowels or ending[1] != _HARMONY[vowels[-1]]:
        return False
    return ending[0] == ("т" if last in _VOICELESS else "д")


#: derivational suffixes: the agent (-чы), the adjective (-лык, -дык, -тык), the companion
#: (-даш), the verb (-лаш), the privative (-сыз), the doer (-кер): another word
DERIVATIONS = tuple(
    sorted(_expand("чI", "лIк", "дIк", "тIк", "дAш", "тAш", "лAш", "кAр", "гAр", "сIз", "чIл"))
)

#: a Kyrgyz word that may negate: эмес, жок (жокко чыгаруу too: cancel, deny), эч, элек (not
#: yet), нааразы (displeased); a verb's negative suffix -ба-/-па- (-ма- after м, н, ң) before a
#: tense or mood ending (келбейт, айтпаган, болбосо, тазаланмайынча), the potential negative
#: -гыс (өткөргүс), the privative -сыз (күнөөсүз: "not guilty"). The -ма- of карма- (hold),
#: программа or алмаш- (exchange) follows another consonant, and a few words only look negative
#: (аябай "very", жапайы "wild", көбөй- "grow", жубай "spouse", тайпа "group").
KYRGYZ_NEGATION = (
    r"(?<![^\W\d_])(?:(?:эмес|жок|эч|элек|нааразы)[а-яөүң]*"
    r"|(?!аябай|жапай|ковбой|торопой|көбө|жубай|тайпа)[а-яөүң]{2,}"
    r"(?:[бп][аеоө]|(?<=[мнң])м[аеоө])(?:й|ган|ген|гон|гөн|ды|ди|ду|дү|ш|са|се|со|сө|сун|сын"
    r"|син|сүн|стон|стен|ңыз)[а-яөүң]*"
    r"|[а-яөүң]{2,}[гк][ыиуү]с(?![а-яөүң])|[а-яөүң]+[сз][ыиуү]з[а-яөүң]*)"
)

#: the Kyrgyz negations that are sure, for a count a translation must match: the negative words
#: (эмес, жок, эч, элек, нааразы, in any case) and a lower-case verb with the negative suffix
#: before a tense, mood or verbal-noun ending (келбейт, айтпаган, болбосо, бербөө), or the
#: potential negative -гыс. Left out, because a translation rarely negates for them: the
#: privative -сыз (коопсуздук is security, акысыз free), a name (Жоко, Чолпонбай: capitalised),
#: and words that only look negative (долбоор, программасын, пропагандалык, электрондук, эчинчи,
#: ковбой, карабастан: despite).
KYRGYZ_SURE_NEGATION = (
    r"(?<![^\W\d_])(?:(?i:эмес|нааразы|жок(?!о)|элек(?!тр)|эч(?!инчи))[а-яөүң]*(?![^\W\d_])"
    r"|(?!долбоор|электр|карабас|программ|пропаганд|грамм|сумм|аябай|жапай|жубай|тайпа|көбө"
    r"|ковбой|торопой)"
    r"[а-яөүң]{2,}(?:[бп][аеоө]|(?<=[мнң])м[аеоө])"
    r"(?:й|ган|ген|гон|гөн|ды|ди|ду|дү|ш|са|се|со|сө|сун|сын|син|сүн|стон|стен|ңыз|о|ө)"
    r"[а-яөүң]*(?![^\W\d_])"
    r"|[а-яөүң]{2,}[гк][ыиуү]с(?![^\W\d_]))"
)
