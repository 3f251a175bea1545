"""Who said it: reporting cues, speaker mentions, pronouns and names.

A quotation's speaker is found from a reporting cue next to it: a verb
("said", "told", "wrote"), a phrase ("pointed out") or a cue whose source
follows ("according to").  The mention the cue names may be a name
("Anthony Romero", "Romero"), a pronoun ("he"), an organisation ("the
ACLU") or a document ("the letter").  Pronouns resolve to the most recent
compatible named speaker; surnames and "Mr. X" resolve to the full name used
elsewhere in the article.

Every look-up works in a bounded window around one position, so the cost of
attributing an article grows with its length, not with its length squared.

>>> text = 'Jane Roe runs the clinic. "We are full," she said.'
>>> att = find_attribution(text, 26, 40)
>>> att.mention.text, att.cue
('she', 'said')
>>> SpeakerResolver(text).resolve(att.mention)
'Jane Roe'
>>> normalise_name("ACLU Executive Director Anthony Romero")
'Anthony Romero'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from analysis import config
from analysis.errors import AnalysisError

# --------------------------------------------------------------------------
# Cue lexicon
# --------------------------------------------------------------------------


# Cues are lowercase words, or a capitalised verb form that opens a sentence
# ("Said Jo Poe, who ...", "“We won.” Says Jo Poe"): its speaker follows it.
_LOWER_WORD_RE = re.compile(r"(?<![\w\-‐])(?:[a-z]+|(?:(?<=[.!?…:;”\"’)\]]\s)|(?<=\n)|\A)[A-Z][a-z]+)(?![\w\-‐])")


class _CueMatcher:
    """``finditer``/``match`` over reporting cues, like a compiled regex.

    A regex alternation of hundreds of verb forms is slow to scan with; this
    scans lowercase words once and looks each up in a set, trying the
    multi-word phrases only where their first word occurs.
    """

    def __init__(self, words: set[str], phrases: set[str], capitals: set[str] = frozenset()) -> None:
        self.words = frozenset(words)
        self.capitals = frozenset(capitals)  # lowercased forms that may open a sentence as an inverted cue
        self.firsts = frozenset(p.split()[0] for p in phrases)
        self.phrase_re = re.compile(r"(?:%s)(?![\w\-‐])" % _alternation(phrases)) if phrases else None
        # One dict look-up a word: 1 a cue, 2 the first word of a phrase, 3 both;
        # capitalised forms ("Said") only reach here where a sentence opens.
        self._table: dict[str, int] = {w: 1 for w in self.words}
        for w in self.firsts:
            self._table[w] = self._table.get(w, 0) | 2
        self._table.update((w.capitalize(), 1) for w in self.capitals)

    def _at(self, text: str, m: re.Match[str], kind: int, hi: int) -> re.Match[str] | None:
        if kind & 2 and self.phrase_re is not None:
            long = self.phrase_re.match(text, m.start(), hi)
            if long is not None:
                return long
        return m if kind & 1 else None

    def finditer(self, text: str, lo: int = 0, hi: int | None = None) -> list[re.Match[str]]:
        hi = len(text) if hi is None else hi
        found = []
        table = self._table
        for m in _LOWER_WORD_RE.finditer(text, lo, hi):
            kind = table.get(m.group())
            if kind == 1:
                found.append(m)
            elif kind is not None:
                hit = self._at(text, m, kind, hi)
                if hit is not None:
                    found.append(hit)
        return found

    def match(self, text: str, pos: int = 0, hi: int | None = None) -> re.Match[str] | None:
        hi = len(text) if hi is None else hi
        m = _LOWER_WORD_RE.match(text, pos, hi)
        kind = self._table.get(m.group()) if m else None
        return None if kind is None else self._at(text, m, kind, hi)


@dataclass(frozen=True)
class CueLexicon:
    """Compiled reporting cues.

    ``verb_re`` matches any verb form or speaker-before phrase; ``after_re``
    matches cues whose source follows them ("according to").
    """

    forms: frozenset[str]
    verb_re: _CueMatcher
    after_re: re.Pattern[str]
    bases: frozenset[str] = frozenset()  # base forms: "say", "report", "state"


def _inflect(base: str) -> list[str]:
    """Regular inflections of a verb's base form.

    >>> _inflect("say")
    ['say', 'says', 'sayed', 'saying']
    >>> _inflect("deny")[1:3]
    ['denies', 'denied']
    """
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    plural = base + "es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else base + "s"
    return [base, plural, base + "ed", base + "ing"]


def _alternation(entries: set[str]) -> str:
    # Longest first so "went on to say" wins over "went on"; spaces match any run.
    ordered = sorted(entries, key=lambda s: (-len(s), s))
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in ordered)


def parse_cues(lines: list[str]) -> CueLexicon:
    """Build a :class:`CueLexicon` from the lines of a reporting-verbs file.

    >>> lex = parse_cues(["[verbs]", "say said", "[source-after]", "according to"])
    >>> bool(lex.verb_re.match("says")), bool(lex.after_re.match("according to"))
    (True, True)
    """
    section = "verbs"
    verbs: set[str] = set()
    bases: set[str] = set()
    phrases: set[str] = set()
    after: set[str] = set()
    for raw in lines:
        line = raw.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        if section == "verbs":
            base, *extra = line.split()
            verbs.update(_inflect(base))
            bases.add(base)
            verbs.update(extra)
        elif section == "phrases":
            phrases.add(" ".join(line.split()))
        elif section == "source-after":
            after.add(" ".join(line.split()))
    if "sayed" in verbs:  # an artefact of regular rules on "say"
        verbs.discard("sayed")
    if not verbs and not phrases:
        raise AnalysisError("the reporting-verbs list has no [verbs] or [phrases] entries")
    # A base form that is also a listed past ("read", "put") is not only a base.
    irregular = {w for line in lines for w in line.split("#", 1)[0].lower().split()[1:]}
    # Only inflected non-participle forms open a sentence as a cue ("Said Poe:"); a
    # capitalised base or -ing form is an imperative, a noun or a participle ("State", "Writing in").
    capitals = {v for v in verbs if not v.endswith("ing") and (v not in bases or v in irregular)}
    verb_re = _CueMatcher(verbs, phrases, capitals)  # whole words only: not "so-called"
    after_re = re.compile(r"\b(?:%s)\b" % _alternation(after or {"according to"}), re.I)
    return CueLexicon(frozenset(verbs | phrases), verb_re, after_re, frozenset(bases - irregular))


def load_cues(path: str | Path | None = None) -> CueLexicon:
    """Read a reporting-verbs file (default: the package's own list).

    >>> "said" in load_cues().forms
    True
    """
    path = Path(path) if path is not None else config.REPORTING_VERBS_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise AnalysisError(f"cannot read the reporting-verbs list {path}: {exc}") from exc
    return parse_cues(lines)


DEFAULT_CUES = load_cues()

# --------------------------------------------------------------------------
# Word lists that decide what a mention is
# --------------------------------------------------------------------------

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_SKIP_BEFORE_VERB = frozenset(
    "has have had also already previously later then once would will could may "
    "might reportedly recently publicly repeatedly further again never not did does "
    "do just still often even who which that simply initially first is are was were been being".split()
)
_DETERMINERS = frozenset(
    "the a an another one his her their its this that these those some many several "
    "two three other our".split()
)
_BARE_SOURCES = frozenset(
    "officials sources critics experts analysts aides advocates supporters opponents "
    "people democrats republicans residents lawmakers prosecutors police witnesses "
    "investigators observers researchers economists scientists activists voters "
    "protesters organizers officers agents".split()
)
_STOP_CAPS = frozenset(
    "the a an but and or so yet meanwhile however in on at then later also still when "
    "while after before now today yesterday earlier last this that his her their its "
    "as if because although though since for of by with from to asked speaking "
    "instead indeed still moreover furthermore additionally separately similarly "
    "there here what why how where who monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)
TITLE_WORDS = frozenset(
    "mr mrs ms miss dr prof sen sens rep reps gov gen lt col sgt capt cmdr adm rev "
    "hon pres atty supt insp det president president-elect vice senator "
    "representative congressman congresswoman governor mayor secretary director "
    "executive counsel chairman chairwoman chair spokesman spokeswoman spokesperson "
    "senior deputy chief attorney general judge justice sheriff commissioner "
    "minister premier chancellor ambassador leader speaker whip czar officer "
    "founder co-founder ceo cfo coo manager editor correspondent reporter anchor host "
    "professor dean superintendent councilman councilwoman councilmember "
    "assemblyman assemblywoman delegate candidate nominee former acting interim "
    "associate assistant policy legal general lieutenant captain sergeant "
    "commander admiral colonel officer analyst adviser advisor strategist "
    "pastor bishop pope cardinal rabbi imam king queen prince princess lord dame sir "
    "state federal border press national".split()
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof"})
ORG_WORDS = frozenset(
    "union association department committee council house party campaign institute "
    "center centre office agency administration court legal news times post network "
    "group foundation inc corp company university college coalition alliance bureau "
    "service services commission board police ministry government congress senate "
    "assembly authority organization organisation project fund trust league society "
    "federation press journal tribune herald review daily media reuters "
    "ap cnn msnbc fox nbc abc cbs npr bbc pentagon kremlin army navy "
    "white gop dnc rnc fbi cia dhs doj ice aclu nra un eu nato".split()
)
_PARTICLES = frozenset({"de", "van", "von", "del", "della", "da", "di", "bin", "al", "der", "du", "le", "la", "st."})

_PARTY_TAG_RE = re.compile(r"[DRI]-(?:[A-Z][a-z]*\.)+")  # "D-Calif.", "R-N.Y.": one token
_TOKEN_RE = re.compile(
    r"[DRI]-(?:[A-Z][a-z]*\.)+|(?:[A-Za-z]\.){2,}|[A-Z]\.|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev)\."
    r"|[^\W_](?:[\w'’\-]*[^\W_])?|[.,;:()\[\]“”\"—–!?…]"
)
_BOUNDARY_TOKENS = frozenset(".,;:()[]“”\"—–!?…")
# A sentence ends at . ! ? … (not after an initial or a title: "Reed D. Rubenstein", "Sen. Jo Poe").
# The mark comes first so the regex engine can skip to candidate characters quickly.
_SENT_END_RE = re.compile(
    r"[.!?…](?<![\s.][A-Z]\.)(?<!Mr\.)(?<!Mrs\.)(?<!Ms\.)(?<!Dr\.)(?<!St\.)(?<!Sen\.)(?<!Rep\.)(?<!Gov\.)"
    r"(?<!Gen\.)(?<!Lt\.)(?<!Col\.)(?<!Sgt\.)(?<!Prof\.)(?<!Rev\.)[\"”’')\]]*\s++(?![a-z])"
)

# --------------------------------------------------------------------------
# Mentions
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names a speaker, with its kind.

    kind is "pronoun", "person", "org" (organisation) or "np" (a noun phrase
    such as "the letter" or "a source").
    """

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue and the mention it names; ``where`` is "before" or "after" the quote,
    ``intro`` is True when the cue directly introduces the quotation ("X said:")."""

    mention: Mention
    cue: str
    where: str
    intro: bool


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, start, end)]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _is_boundary(tok: str) -> bool:
    """True for a punctuation token that the mention cannot cross."""
    return tok in _BOUNDARY_TOKENS


def _name_kind(words: list[str], after_the: bool) -> str:
    low = [w.lower().rstrip(".") for w in words]
    if after_the or any(w in ORG_WORDS for w in low):
        return "org"
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return "org"  # an acronym: ACLU, ICE, DHS
    return "person"


def _run_back(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index of the first token of the capitalised name run that ends at toks[i]."""
    j = i
    while j - 1 >= 0:
        prev = toks[j - 1][2]
        if _is_cap(prev) or prev.lower() in _PARTICLES:
            j -= 1
            continue
        break
    while j < i and toks[j][2].lower().rstrip(".") in _STOP_CAPS:
        j += 1
    while j < i and toks[j][2].lower() in _PARTICLES:
        j += 1
    return j


def _mention_from_run(text: str, toks: list[tuple[int, int, str]], j: int, i: int) -> Mention:
    span = text[toks[j][0] : toks[i][1]]
    after_the = j > 0 and toks[j - 1][2].lower() == "the"
    # Judge person vs organisation on the name without its job title
    # ("America First Legal Senior Vice President Reed D. Rubenstein" is a person).
    return Mention(toks[j][0], toks[i][1], span, _name_kind(normalise_name(span).split(), after_the))


def _np_back(text: str, toks: list[tuple[int, int, str]], i: int) -> Mention | None:
    """A lowercase noun phrase ending at toks[i]: "the letter", "a senior official",
    "Jo Poe’s former campaign manager"."""
    for j in range(i, max(-1, i - 5), -1):
        tok = toks[j][2]
        if _is_boundary(tok):
            break
        if tok.lower() in _DETERMINERS:
            return Mention(toks[j][0], toks[i][1], text[toks[j][0] : toks[i][1]], "np")
    found = _possessive_np(text, toks, i)
    if found is not None:
        return found
    if toks[i][2].lower() in _BARE_SOURCES:
        return Mention(toks[i][0], toks[i][1], toks[i][2], "np")
    return None


_CAP_POSSESSIVE_RE = re.compile(r"[A-Z][\w\-]*(?:['’]s|s['’])")
# "That’s", "It’s", "Let’s", "Here’s": contractions, not possessives
_POSSESSOR_STOPS = PRONOUNS | frozenset("that this there here what who where how why when let".split())
_NOT_IN_NP = _SKIP_BEFORE_VERB | frozenset("and but or nor so then when while because if as than".split())
_NP_OPENERS = frozenset("and but while as because then when so that".split())


def _possessive_np(text: str, toks: list[tuple[int, int, str]], i: int) -> Mention | None:
    """A noun phrase that a possessive name opens and that starts its clause,
    ending at toks[i]: "Obama’s former campaign strategist", "Poe’s office".

    >>> s = "Obama’s former campaign strategist"
    >>> _possessive_np(s, _tokens(s, 0, len(s)), 3).text
    'Obama’s former campaign strategist'
    """
    j = i - 1
    while j >= 0 and i - j <= 4 and not _CAP_POSSESSIVE_RE.fullmatch(toks[j][2]):
        low = toks[j][2].lower()
        if _is_boundary(low) or low in _NOT_IN_NP or low.endswith("ly"):
            return None
        j -= 1
    if j < 0 or i - j > 4 or toks[i][2].lower() in _NOT_IN_NP or toks[i][2].endswith("ly"):
        return None
    if _POSSESSIVE_RE.sub("", toks[j][2]).lower() in _POSSESSOR_STOPS:
        return None
    k = _run_back(toks, j)
    if k > 0 and not (_is_boundary(toks[k - 1][2]) or toks[k - 1][2].lower() in _NP_OPENERS):
        return None  # 'He criticized Poe’s record': an object, not the subject
    return Mention(toks[k][0], toks[i][1], text[toks[k][0] : toks[i][1]], "np")


_PLACE_HEADS = frozenset(
    "capital city state town county country district region village province area neighborhood "
    "neighbourhood suburb island nation borough parish municipality homeland hometown".split()
)


def _names_a_place(word: str) -> bool:
    """True for a noun whose appositive is a place, not a speaker: 'the state capital, Sacramento,'.

    >>> _names_a_place("capital"), _names_a_place("spokesman")
    (True, False)
    """
    return word.lower() in _PLACE_HEADS


def _appositive_name(text: str, toks: list[tuple[int, int, str]], a: int, b: int) -> Mention | None:
    """The person name that fills toks[a..b] (an appositive between commas), else None."""
    if a > b or not all(_is_cap(t[2]) and not _is_boundary(t[2]) or t[2].lower() in _PARTICLES for t in toks[a : b + 1]):
        return None  # not only a name: 'a lawyer for Jo Poe'
    if toks[a][2].lower().rstrip(".") in _STOP_CAPS:
        return None
    m = _mention_from_run(text, toks, a, b)
    return m if m.kind == "person" else None


def mention_before(text: str, pos: int, lo: int) -> Mention | None:
    """The mention that is the subject of a verb starting at ``pos``.

    Skips auxiliaries and adverbs ("has also said") and one appositive
    ("Romero, the ACLU's director, said").  Looks no further back than ``lo``.

    >>> s = "ACLU Executive Director Anthony Romero told Maddow"
    >>> mention_before(s, s.index("told"), 0).text
    'ACLU Executive Director Anthony Romero'
    """
    toks = _tokens(text, max(lo, pos - 160), pos)
    i = _skip_paren(toks, len(toks) - 1)
    while i >= 0 and toks[i][2].lower() in _SKIP_BEFORE_VERB:
        i -= 1
    appositive = None
    if i >= 0 and toks[i][2] == ",":  # appositive: skip back to the previous comma
        k = i - 1
        while k >= 0 and toks[k][2] not in ",.":
            k -= 1
        if k < 0 or toks[k][2] != "," or i - k > 16:
            return None
        appositive = (k + 1, i - 1)
        i = _skip_paren(toks, k - 1)
        if i >= 1 and _PARTY_TAG_RE.fullmatch(toks[i][2]) and toks[i - 1][2] == ",":
            i -= 2  # 'Jo Poe, R-Ariz., speaking on CNN, said': the name before the tag
    if i < 0:
        return None
    tok = toks[i][2]
    if tok.lower() in PRONOUNS:
        return Mention(toks[i][0], toks[i][1], tok, "pronoun")
    if _is_cap(tok) and not _is_boundary(tok):
        j = _run_back(toks, i)
        if toks[j][2].lower().rstrip(".") in _STOP_CAPS:
            return None
        return _mention_from_run(text, toks, j, i)
    if tok[:1].isalpha():
        np = _np_back(text, toks, i)
        if np is not None and appositive is not None and not _names_a_place(tok):
            # 'Poe’s spokesman, Al Roe, said': the name in the appositive speaks
            return _appositive_name(text, toks, *appositive) or np
        return np
    return None


def _skip_paren(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index before a short parenthesis ending at toks[i] ("Schumer (D-N.Y.)"), else i."""
    if i < 0 or toks[i][2] != ")":
        return i
    for k in range(i - 1, max(-1, i - 9), -1):
        if toks[k][2] == "(":
            return k - 1
        if toks[k][2] in ",;:()“”\"":
            break
    return i


_AFTER_NAME_STOPS = frozenset(
    "of at in for on with who which from to during after before when while as about "
    "because if than that whose".split()
)


def mention_after(text: str, pos: int, hi: int) -> Mention | None:
    """The mention that follows an inverted cue ("said Rubenstein", "according to the ACLU").

    >>> s = "said ACLU policy counsel Chris Rickerd, who"
    >>> mention_after(s, 4, len(s)).text
    'Chris Rickerd'
    """
    toks = _tokens(text, pos, min(hi, pos + 120))
    if not toks:
        return None
    first = toks[0][2]
    if first.lower() in PRONOUNS:
        return Mention(toks[0][0], toks[0][1], first, "pronoun")
    stop = len(toks)
    for k, (_, _, tok) in enumerate(toks):
        if _is_boundary(tok) or tok.lower() in _AFTER_NAME_STOPS:
            stop = k
            break
        if k >= 8:
            stop = k
            break
    if stop == 0:
        return None
    last_cap = max((k for k in range(stop) if _is_cap(toks[k][2])), default=None)
    if first.lower() in _DETERMINERS and stop > 1 and toks[stop - 1][2][:1].islower():
        # '" the Republican presidential candidate told': the whole noun phrase
        return Mention(toks[0][0], toks[stop - 1][1], text[toks[0][0] : toks[stop - 1][1]], "np")
    if last_cap is None:
        if first.lower() in _DETERMINERS or first.lower() in _BARE_SOURCES:
            return Mention(toks[0][0], toks[stop - 1][1], text[toks[0][0] : toks[stop - 1][1]], "np")
        return None
    j = _run_back(toks, last_cap)
    if last_cap < stop - 1 and _CAP_POSSESSIVE_RE.fullmatch(toks[last_cap][2]):
        np = _possessive_np_after(text, toks, last_cap, stop)
        if np is not None:
            return np
    return _mention_from_run(text, toks, j, last_cap)


def _possessive_np_after(text: str, toks: list[tuple[int, int, str]], poss: int, stop: int) -> Mention | None:
    """'” said Jo Poe’s campaign manager.': the noun phrase the possessive toks[poss]
    opens (auxiliaries after it left out); '” said Poe’s spokesman, Al Roe.': the name after it."""
    end = stop - 1
    while end > poss and toks[end][2].lower() in _NOT_IN_NP:
        end -= 1
    np = _possessive_np(text, toks, end) if end > poss else None
    if np is None:
        return None
    if end == stop - 1 and stop < len(toks) and toks[stop][2] == ",":
        k = stop + 1
        while k < len(toks) and k - stop <= 6 and not _is_boundary(toks[k][2]):
            k += 1
        if k < len(toks) and not _names_a_place(toks[end][2]):
            return _appositive_name(text, toks, stop + 1, k - 1) or np
    return np

# --------------------------------------------------------------------------
# Attribution: the cue and mention next to one quotation
# --------------------------------------------------------------------------

_LEADING_DETERMINERS = frozenset({"", "the", "a", "an"})
_LEAD_RE = re.compile(r"[\s,;:—–\-]*")
_AFTER_WINDOW = 90
_BEFORE_WINDOW = 260


def _end_before_space(text: str, pos: int) -> int:
    """``len(text[:pos].rstrip())`` without copying the text before ``pos``.

    >>> _end_before_space("ab:  “c”", 5)
    3
    """
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _paragraph_start(text: str, pos: int, limit: int) -> int:
    cut = text.rfind("\n", max(0, pos - limit), pos)
    return max(0, pos - limit) if cut < 0 else cut + 1


def _paragraph_end(text: str, pos: int, limit: int) -> int:
    cut = text.find("\n", pos, pos + limit)
    return min(len(text), pos + limit) if cut < 0 else cut


def attribution_after(text: str, close_end: int, cues: CueLexicon = DEFAULT_CUES) -> Attribution | None:
    """Cue right after a closing mark: '," Romero said', '," said Rubenstein', ', according to X'.

    >>> attribution_after('"Go," said Reed D. Rubenstein.', 5).mention.text
    'Reed D. Rubenstein'
    """
    hi = _paragraph_end(text, close_end, _AFTER_WINDOW)
    byline = _byline(text, close_end, hi)
    if byline is not None:
        return byline
    p = _LEAD_RE.match(text, close_end, hi).end()
    for rx in (cues.verb_re, cues.after_re):
        v = rx.match(text, p, hi)
        if v and rx is cues.after_re and v.group()[0] <= "Z":
            return None  # '“…” According to the poll, …': the cue opens the next sentence
        if v and not v.group().endswith("ing"):  # ', calling it' is the writer's clause
            m = inverted_subject(text, v) if rx is cues.verb_re and v.group()[0] <= "Z" else mention_after(text, v.end(), hi)
            return Attribution(m, v.group(), "after", True) if m else None
    first = _FIRST_WORD_RE.match(text, p, hi)
    if first is not None and first.group().lower() in _CLAUSE_OPENERS:
        return None  # '” and Trump says': a new clause with its own quotation
    for v in cues.verb_re.finditer(text, p, min(hi, p + 120)):
        end = _SENT_END_RE.search(text, p, v.start())
        if end is not None and not text[end.end() : end.end() + 1].islower():
            return None  # the cue belongs to the next sentence (not '(D-Wis.) said')
        if v.group().endswith("ing") or cue_role(text, v, cues) != "verb":
            break
        # '” former FBI agent Timothy Gill explained', '” Thomas Hanify, the president ..., said'
        m = mention_after(text, p, v.start())
        if m is None or not _subject_of(text, m, v.start()):
            # '” for the victory, Sanders said', '” that is sexist, Brock said': a named subject only
            m = mention_before(text, v.start(), p)
            m = m if m is not None and m.kind != "np" else None
        if m is not None and _introduces_next(text, close_end, v.end()):
            return None  # '“… done.” He added, “…”': the cue of the next quotation
        if m is not None:
            return Attribution(m, v.group(), "after", True)
        break  # only the first verb can be the quotation's own cue
    return None


_NEXT_OPEN_RE = re.compile(r"[ \t\u00a0]*[,:][ \t\u00a0]*(?:[“\"«]|'')")
_CLOSING_MARKS = "”\"'’»"


def _introduces_next(text: str, close_end: int, cue_end: int) -> bool:
    """True when the quotation ended its sentence and the cue opens a new quotation.

    >>> s = '“We won.” He added, “It was close.”'
    >>> _introduces_next(s, 9, s.index(","))
    True
    """
    k = close_end - 1
    while k > 0 and close_end - k <= 2 and text[k] in _CLOSING_MARKS:
        k -= 1
    return text[k] in ".!?…" and _NEXT_OPEN_RE.match(text, cue_end) is not None


_BYLINE_DASH_RE = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*(?=[A-Z])")
_BYLINE_END_RE = re.compile(r"[ \t\u00a0]*(?:$|[.,;\n“\"(―—–])")


def _byline(text: str, close_end: int, hi: int) -> Attribution | None:
    """A name alone after a dash: '“We stay.” ― Jo Poe' (testimonials, epigraphs).

    >>> _byline("“We stay.” ― Jo Poe. Next", 10, 25).mention.text
    'Jo Poe'
    """
    d = _BYLINE_DASH_RE.match(text, close_end, hi)
    if d is None:
        return None
    m = mention_after(text, d.end(), hi)
    if m is None or m.kind not in ("person", "org") or m.start != d.end():
        return None
    return Attribution(m, text[d.start() : d.end()].strip(), "after", True) if _BYLINE_END_RE.match(text, m.end, hi) else None


_FIRST_WORD_RE = re.compile(r"[A-Za-z]+")
_CLAUSE_OPENERS = frozenset("and but or while because so as then when if than".split())
_GAP_RE = re.compile(r"[\s\u00a0]*(?:\([^()\n]{1,30}\)[\s\u00a0]*)?(?:,[^.;:!?]{0,120},)?[\s\u00a0]*")


def _subject_of(text: str, m: Mention, verb_pos: int) -> bool:
    """True when only adverbs, auxiliaries or one appositive lie between m and the verb."""
    gap = _GAP_RE.match(text, m.end, verb_pos)
    rest = text[gap.end() : verb_pos].split() if gap else text[m.end : verb_pos].split()
    return all(w.lower() in _SKIP_BEFORE_VERB or w.lower().endswith("ly") for w in rest)


def _sentence_starts(text: str, lo: int, hi: int) -> list[int]:
    return [lo] + [m.end() for m in _SENT_END_RE.finditer(text, lo, hi)]


_WORD_BEFORE_RE = re.compile(r"([\w'’]+)[\s\u00a0]+$")
# A cue form after these is a noun ("a report", "his promise", "secretary of
# state"), a passive ("was charged") or a "so called" label: nobody speaks.
_NOUN_BEFORE = frozenset(
    "a an the his her their its my our your this these those of for with in on "
    "from into about whose every each no any so".split()
)
_PASSIVE_BEFORE = frozenset("was were been being be is are am get got gets".split())
# A bare base form ("say", "report") is a verb only after one of these, an
# adverb in -ly or a plural subject ("critics say"): "a public-records request"
# and "her March comment" are nouns.
_BEFORE_BASE_VERB = frozenset(
    "i we you they who which that also still often now then not just will would can "
    "could may might should must shall do did does to and or people".split()
)
_PARTICIPLE_AFTER = frozenset({"by", "after", "before", "while", "when", "without"})


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE_RE.search(text, max(0, pos - 30), pos)
    return m.group(1) if m else ""


def cue_role(text: str, v: re.Match[str], cues: CueLexicon | None = None) -> str:
    """How a cue word is used: "verb", "participle" (', saying' / 'by saying'),
    "infinitive" ('to say') or "none" (a noun, a passive, "so called").

    >>> s = "She sent a report. He was charged. To say, so called, by saying"
    >>> [cue_role(s, m) for m in DEFAULT_CUES.verb_re.finditer(s)]
    ['none', 'none', 'infinitive', 'none', 'participle']
    """
    form = v.group()
    word = _word_before(text, v.start())
    before = word.lower()
    if before.endswith(("'s", "’s")):
        return "none"  # "Rubio’s proposed credit"
    if form.endswith("ing"):
        if before in _PASSIVE_BEFORE:
            return "verb"  # "is saying"
        if before in _PARTICIPLE_AFTER or _is_participle(text, v):
            return "participle"
        return "none" if before in _NOUN_BEFORE else "verb"
    if before in _NOUN_BEFORE or (before in _PASSIVE_BEFORE and " " not in form):
        return "none"
    if before == "to":
        return "infinitive"
    if word and form in (cues or DEFAULT_CUES).bases and not _subject_for_base(word):
        return "none"
    return "verb"


def _subject_for_base(word: str) -> bool:
    low = word.lower()
    return low in _BEFORE_BASE_VERB or low.endswith(("s", "ly")) or low in PRONOUNS


def _cue_in(text: str, lo: int, hi: int, open_pos: int, cues: CueLexicon) -> Attribution | None:
    """The last cue in text[lo:hi] that has a subject (or a source after it).

    A pronoun subject of a reported clause gives way to the reporting
    clause's own subject: 'He said he hopes “…”' is He's, however long the gap.
    """
    verbs = cues.verb_re.finditer(text, lo, hi)
    best: Attribution | None = None
    for k in range(len(verbs) - 1, -1, -1):
        m = _cue_subject(text, verbs[k], lo, cues)
        if m is None:
            continue
        v = verbs[k]
        if m.kind == "pronoun":
            outer = _outer_cue(text, verbs[:k], lo, m.start, cues)
            v, m = outer if outer is not None else (v, m)
        best = Attribution(m, v.group(), "before", _is_intro(text, v.end(), open_pos))
        break
    for a in cues.after_re.finditer(text, lo, hi):
        m = mention_after(text, a.end(), hi)
        if m is not None and (best is None or a.start() > text.rfind(best.cue, lo, hi)):
            best = Attribution(m, a.group(), "before", _is_intro(text, m.end, open_pos))
    return best


_INVERTED_BEFORE_RE = re.compile(r"[,!?][”\"’'][ \t\u00a0]+$")


def _cue_subject(text: str, v: re.Match[str], lo: int, cues: CueLexicon) -> Mention | None:
    """The mention that speaks through cue ``v``, or None (a noun, a passive, no subject)."""
    if v.group()[0] <= "Z":
        return inverted_subject(text, v)
    role = cue_role(text, v, cues)
    if role == "none":
        return None
    if role == "verb" and not _object_participle(text, v) and not _coordinated(text, v):
        m = mention_before(text, v.start(), lo)
        if m is None and _INVERTED_BEFORE_RE.search(text, max(0, v.start() - 4), v.start()):
            # '“…,” said Jo Poe, who …': inverted after a quotation, the speaker follows
            m = mention_after(text, v.end(), _paragraph_end(text, v.end(), _AFTER_WINDOW))
        return m
    m = _participle_subject(text, lo, v.start())  # "Trump spoke, saying", "X decided to say"
    if m is None and role == "verb":
        m = mention_before(text, v.start(), lo)
    return m


_INVERTED_END_RE = re.compile(r"[ \t\u00a0]*(?:[,:;.(“\"—–\n]|$|who\b)")


def inverted_subject(text: str, v: re.Match[str]) -> Mention | None:
    """The speaker right after a capitalised cue that opens a sentence, when
    punctuation (or "who") follows the name: 'Said Jo Poe, who ...', 'Added Sen. Jo Poe: “…”'.

    >>> s = "Said Sen. Jo Poe: “No.”"
    >>> inverted_subject(s, DEFAULT_CUES.verb_re.match(s)).text
    'Sen. Jo Poe'
    >>> s = "Asked Tuesday about it, Poe said no."
    >>> inverted_subject(s, DEFAULT_CUES.verb_re.match(s)) is None
    True
    """
    hi = _paragraph_end(text, v.end(), 120)
    m = mention_after(text, v.end(), hi)
    if m is None or m.kind not in ("person", "org") or text[v.end() : m.start].strip():
        return None
    words = normalise_name(m.text).split()
    if not words or words[0].lower() in _STOP_CAPS or _INVERTED_END_RE.match(text, m.end, hi) is None:
        return None
    return m


_QUOTE_MARK_RE = re.compile(r"[“”\"«»]|''")


_NOT_COMPLEMENT = _CLAUSE_OPENERS | frozenset("though although whom who which whose where what".split())


def _outer_cue(text: str, verbs: list[re.Match[str]], lo: int, inner: int, cues: CueLexicon) -> tuple[re.Match[str], Mention] | None:
    """The nearest earlier reporting verb whose subject precedes it, for 'X said he …'."""
    for v in reversed(verbs):
        if v.group().endswith("ing") or cue_role(text, v, cues) != "verb":
            continue
        if v.end() > inner:
            continue  # the pronoun is the subject of a clause before this verb
        if inner - v.end() > 80 or _QUOTE_MARK_RE.search(text, v.start(), inner):
            return None  # too far, or the verb is inside a quotation
        if _word_before(text, inner).lower() in _NOT_COMPLEMENT or text[max(0, inner - 4) : inner].rstrip().endswith(","):
            return None  # 'X said …, though he added', 'When X spoke, he said': a clause of its own
        m = mention_before(text, v.start(), lo)
        if m is not None and m.text.lower() != "i":
            return v, m
    return None


_CLAUSE_SUBJECT_RE = re.compile(
    r"\b(?:(he|she|they|it|we|He|She|They|It|We)|([A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+))*)"
    r"|((?:The|A|An)\s+(?:[\w'’\-]+\s+){0,3}?[a-z][\w\-]*[a-z]))"
    r"\s+(?:(?:[a-z]+ly|also|then|later|again|still|just|now|once|first)\s+)?(?:[a-z]+ed|[a-z]+s|has|had|was|is|will|would|went|told|said|took|made|gave"
    r"|saw|began|found|wrote|spoke|felt|thought|sent|held|put|kept|led|won|lost|became|came|knew|read)\b"
)


_COORD_RE = re.compile(r"(?:,?\s+(?:and|but|or)(?:\s+(?:also|then|later|still|[a-z]+ly))?\s+)$")


def _coordinated(text: str, v: re.Match[str]) -> bool:
    """'criticized the policy and said': a second verb sharing the clause's subject."""
    return _COORD_RE.search(text, max(0, v.start() - 24), v.start()) is not None


def _object_participle(text: str, v: re.Match[str]) -> bool:
    """'issued a statement saying': an -ing cue after an object noun, not after 'is'."""
    if not v.group().endswith("ing"):
        return False
    before = _word_before(text, v.start()).lower()
    return before not in _PASSIVE_BEFORE and before not in PRONOUNS and not before[:1].isupper()


def _is_participle(text: str, v: re.Match[str]) -> bool:
    """', calling him', ', saying': a participle clause whose subject is the sentence's."""
    return v.group().endswith("ing") and text[max(0, v.start() - 2) : v.start()].strip() == ","


def _participle_subject(text: str, lo: int, pos: int) -> Mention | None:
    """The first subject-verb pair of the sentence: "Trump launched ..., calling him"."""
    lo = max(lo, text.rfind("”", lo, pos) + 1, text.rfind('"', lo, pos) + 1)  # not a subject inside a quotation
    found = _clause_subject(text, lo, pos)
    return found[0] if found else None


def _clause_subject(text: str, lo: int, pos: int) -> tuple[Mention, str] | None:
    """(subject, verb) of the first subject-verb pair in text[lo:pos]."""
    m = _CLAUSE_SUBJECT_RE.search(text, lo, pos)
    if m is None:
        return None
    verb = text[m.end(m.lastindex) : m.end()].split()[-1]
    if m.group(1):
        return Mention(m.start(1), m.end(1), m.group(1), "pronoun"), verb
    if m.group(3):  # "The impostor gushed", "A 2014 report found"
        return Mention(m.start(3), m.end(3), m.group(3), "np"), verb
    start, end = m.span(2)
    name = m.group(2)
    first = name.split()[0].lower()
    if first in _STOP_CAPS:
        return None
    after_the = text[max(0, start - 4) : start].lower() == "the "
    return Mention(start, end, name, _name_kind(normalise_name(name).split(), after_the)), verb


def _is_intro(text: str, cue_end: int, open_pos: int) -> bool:
    """True when only a short tail ("told reporters:", "that") lies between cue and quote."""
    tail = text[cue_end:open_pos].strip()
    return len(tail) <= 40 and (tail == "" or tail[-1] in ",:" or tail.endswith(" that") or tail == "that")


def attribution_before(text: str, open_pos: int, cues: CueLexicon = DEFAULT_CUES) -> Attribution | None:
    """Cue before an opening mark, in the same sentence ("Romero said: “", "argues that “")
    or in a short attribution sentence just before it ('," he continued. “').

    >>> attribution_before('The ACLU wrote: "No."', 16).mention.text
    'ACLU'
    """
    lo = _paragraph_start(text, open_pos, _BEFORE_WINDOW)
    if lo > 0 and text[lo:open_pos].strip() == "":  # quote opens the paragraph
        prev_end = _end_before_space(text, lo)
        if prev_end and text[prev_end - 1] == ":":  # "They wrote:" introduces it
            lo = _paragraph_start(text, prev_end, _BEFORE_WINDOW)
            return _cue_in(text, lo, prev_end, open_pos, cues)
        return None
    starts = _sentence_starts(text, lo, open_pos)
    att = _cue_in(text, starts[-1], open_pos, open_pos, cues)
    if att is None and len(starts) > 1 and starts[-1] >= open_pos - 1:
        prev = _cue_in(text, starts[-2], starts[-1], open_pos, cues)
        if prev is not None and len(text[starts[-2]:starts[-1]]) <= 80:
            att = Attribution(prev.mention, prev.cue, "before", True)
    return att


_TAIL_END_RE = re.compile(r"[.!?…](?=[\"”’')\]]*(?:\s|$))|\n")


def tail_attribution(text: str, close_end: int, cues: CueLexicon = DEFAULT_CUES) -> Attribution | None:
    """A cue in the last clause of the quotation's sentence: '“x” if she loses, said Jo Poe.'

    >>> s = 'It has a “bad impact” on voters, the lawsuit says.'
    >>> tail_attribution(s, s.index("” ") + 1).mention.text
    'the lawsuit'
    """
    end_m = _TAIL_END_RE.search(text, close_end, min(len(text), close_end + 240))
    if end_m is None:
        return None
    end = end_m.start()
    comma = text.rfind(",", close_end, end)
    if comma < 0 or len(text[comma + 1 : end].split()) > 12:
        return None
    for v in cues.verb_re.finditer(text, comma + 1, end):
        if v.group().endswith("ing") or cue_role(text, v, cues) != "verb":
            return None
        if text[comma + 1 : v.start()].strip() == "":  # ', said Jo Poe.'
            m = mention_after(text, v.end(), end)
        else:  # ', the lawsuit says.'
            m = mention_before(text, v.start(), comma + 1)
        return Attribution(m, v.group(), "after", False) if m is not None else None
    return None


def context_attribution(text: str, open_pos: int, cues: CueLexicon = DEFAULT_CUES) -> Attribution | None:
    """Speaker of a quotation that has no cue of its own, from its context.

    In order: the subject of the quote's own sentence ('He offered “my
    thoughts”'); a cue in the previous sentence of the paragraph ('Perez says
    women are torn. “They feel bad.”'); for a quote that opens its paragraph,
    the last cue with a subject in the previous paragraph. ``intro`` is False:
    the result names a speaker, not how the quotation is set in the text.

    >>> s = "He voiced a wish for a “strong, vibrant Mexico.”"
    >>> context_attribution(s, s.index("“")).mention.text
    'He'
    """
    lo = _paragraph_start(text, open_pos, _BEFORE_WINDOW)
    if lo > 0 and text[lo:open_pos].strip() == "":  # the quote opens a paragraph
        prev_end = _end_before_space(text, lo)
        if prev_end == 0:
            return None
        prev_lo = _paragraph_start(text, prev_end, 2 * _BEFORE_WINDOW)
        att = _cue_in(text, prev_lo, prev_end, open_pos, cues)
        return Attribution(att.mention, att.cue, "before", False) if att else None
    starts = _sentence_starts(text, lo, open_pos)
    here = starts[-1]
    if text[here:open_pos].strip():
        found = _clause_subject(text, here, open_pos)
        if found is not None:
            return Attribution(found[0], found[1], "before", False)
        return None
    if len(starts) > 1:
        att = _cue_in(text, starts[-2], here, open_pos, cues)
        if att is not None:
            return Attribution(att.mention, att.cue, "before", False)
    return None


_COLON_END_RE = re.compile(r":[\s\u00a0]*$")


def colon_attribution(text: str, open_pos: int) -> Attribution | None:
    """Speaker of a quotation set after a colon with no reporting verb:
    'Jo Poe then listed them: “…”', 'Pollster Jo Poe: “…”'.

    >>> s = "Pollster Jo Poe: “It is close.”"
    >>> colon_attribution(s, s.index("“")).mention.text
    'Pollster Jo Poe'
    """
    if _COLON_END_RE.search(text, max(0, open_pos - 8), open_pos) is None:
        return None
    colon = text.rindex(":", max(0, open_pos - 8), open_pos)
    lo = _paragraph_start(text, colon, _BEFORE_WINDOW)
    here = _sentence_starts(text, lo, colon)[-1]
    found = _clause_subject(text, here, colon)
    if found is not None:
        return Attribution(found[0], found[1], "before", True)
    m = mention_before(text, colon, here)
    if m is None or m.kind not in ("person", "org") or _FIRST_WORD_RE.search(text, m.end, colon):
        return None  # only a name right before the colon speaks
    return Attribution(m, ":", "before", True)


def find_attribution(text: str, open_pos: int, close_end: int, cues: CueLexicon = DEFAULT_CUES) -> Attribution | None:
    """The cue and mention for a quotation whose marks span text[open_pos:close_end].

    A cue right after the quotation wins; otherwise one before it.

    >>> find_attribution('“Yes,” the letter said.', 0, 6).mention.text
    'the letter'
    """
    return attribution_after(text, close_end, cues) or attribution_before(text, open_pos, cues)


# --------------------------------------------------------------------------
# Names and resolution
# --------------------------------------------------------------------------

_POSSESSIVE_RE = re.compile(r"['’]s?$")
# A name does not run over a line break ("Winner: Jo Poe\n\nPoe said").
_FULLNAME_RE = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t\u00a0]+)?[A-Z][\w'’\-]*[a-z][\w'’\-]*"
    r"(?:[ \t\u00a0]+(?:[A-Z]\.|[A-Z][\w'’\-]*[a-z][\w'’\-]*|de|van|von|del|da|bin|al)){1,6}"
)


def normalise_name(name: str) -> str:
    """A name without determiners, job titles, honorifics or a possessive.

    >>> normalise_name("Mr. Romero")
    'Romero'
    >>> normalise_name("the ACLU’s")
    'ACLU'
    >>> normalise_name("America First Legal Senior Vice President Reed D. Rubenstein")
    'Reed D. Rubenstein'
    """
    words = name.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words:
        return name.strip()
    words[-1] = _POSSESSIVE_RE.sub("", words[-1]) or words[-1]
    cut = 0
    for k, w in enumerate(words[:-1]):
        if w.lower().rstrip(".") in TITLE_WORDS and not _is_ambiguous_title(words, k):
            cut = k + 1
    words = words[cut:]
    return " ".join(words)


def _is_ambiguous_title(words: list[str], k: int) -> bool:
    # "White House", "Border Patrol" style org names are kept whole.
    return any(w.lower() in ORG_WORDS for w in words[k + 1 :])


def is_person_name(name: str) -> bool:
    """Crude test: capitalised words without organisation words.

    >>> is_person_name("Anthony Romero"), is_person_name("American Civil Liberties Union")
    (True, False)
    """
    words = name.split()
    return bool(words) and _name_kind(words, False) == "person" and all(w[:1].isupper() or w in _PARTICLES for w in words)


class SpeakerResolver:
    """Resolves the mentions of one article to names, remembering earlier speakers.

    Work is lazy and windowed: the full-name index is built only when a bare
    surname needs it, and pronoun look-ups scan a bounded window back.

    >>> text = "Anthony Romero leads the ACLU. Later, Romero said it again."
    >>> r = SpeakerResolver(text)
    >>> r.resolve(Mention(38, 44, "Romero", "person"))
    'Anthony Romero'
    """

    PRONOUN_WINDOW = 2500

    def __init__(self, text: str, cues: CueLexicon = DEFAULT_CUES) -> None:
        self.text = text
        self.cues = cues
        self.known: list[tuple[int, str, str]] = []  # (mention start, name, kind)
        self._surnames: dict[str, list[tuple[int, str]]] = {}  # surname -> full names, filled lazily
        self._subjects: dict[int, Mention | None] = {}
        self._honorifics: dict[str, str] | None = None
        self._people: dict[str, list[str]] = {}  # surname -> distinct full names resolved so far

    def resolve(self, mention: Mention) -> str | None:
        """Name for a mention; remembers named speakers for later pronouns.

        Variants of one person's name in the article ("Tom Homan", "Thomas
        Homan") resolve to the first of them resolved.
        """
        if mention.kind == "pronoun":
            name = self._pronoun(mention)
            return self.same_person(name) if name and mention.text.lower() in _PERSON_PRONOUNS else name
        if mention.kind == "np":
            name = mention.text
        else:
            name = normalise_name(mention.text) or mention.text
            if mention.kind == "person":
                name = self.same_person(self.full_name(name, mention.start))
        self.known.append((mention.start, name, mention.kind))
        return name

    def same_person(self, name: str) -> str:
        """The first name resolved in this article that names the same person as ``name``, else ``name``.

        >>> r = SpeakerResolver("")
        >>> r.same_person("Thomas Homan"), r.same_person("Tom Homan"), r.same_person("Tim Homan")
        ('Thomas Homan', 'Thomas Homan', 'Tim Homan')
        """
        surname = name.rsplit(" ", 1)[-1]
        variants = self._people.setdefault(surname, [])
        for known in variants:
            if known == name or same_person_name(known, name):
                return known
        variants.append(name)
        return name

    def full_name(self, name: str, pos: int) -> str:
        """The article's full name for a bare surname ("Romero" -> "Anthony Romero")."""
        if " " in name:
            return name
        for _, known, kind in reversed(self.known):
            if kind == "person" and known.endswith(" " + name):
                return known
        options = self._surnames.get(name)
        if options is None:
            options = self._surnames[name] = self._full_names_ending(name)
        if not options:
            return name
        before = [full for p, full in options if p < pos]
        return before[-1] if before else options[0][1]

    def _full_names_ending(self, surname: str) -> list[tuple[int, str]]:
        """(start, full name) of each multi-word person name in the text that ends in ``surname``.

        Looks only around the surname's occurrences (a fast string search), not at every capital.
        """
        text, found = self.text, []
        i = text.find(surname)
        while i >= 0 and surname:
            end = i + len(surname)
            if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                full = self._name_ending_at(i, end)
                if full is not None:
                    found.append(full)
            i = text.find(surname, end)
        return found

    def _name_ending_at(self, start: int, end: int) -> tuple[int, str] | None:
        for m in _FULLNAME_RE.finditer(self.text, max(0, start - 90), min(len(self.text), end + 3)):
            if m.start() < start < m.end() and m.end() <= end + 2:  # "+2": a possessive ’s
                words = normalise_name(m.group()).split()
                if words and words[0].lower() in self.cues.verb_re.capitals:
                    words = words[1:]  # 'Said Jo Poe, who ...': the cue is not a given name
                full = " ".join(words)
                if len(words) >= 2 and is_person_name(full) and words[0].lower() not in _STOP_CAPS:
                    return (m.start(), full) if words[-1] == self.text[start:end] else None
        return None

    def _pronoun(self, mention: Mention) -> str | None:
        low = mention.text.lower()
        if low == "i":
            return None
        want = ("person",) if low in _PERSON_PRONOUNS else ("org", "np")
        sex = _PRONOUN_GENDER.get(low)
        best_pos, best = -1, None
        for pos, name, kind in reversed(self.known):
            if pos < mention.start and kind in want and self.compatible(name, kind, sex):
                best_pos, best = pos, name
                break
        found = self._subject_before(mention.start, want, sex, best_pos)
        if found is not None and found[0] > best_pos:
            best_pos, best = found
        if best is None and want == ("person",):
            best = self._last_person_name(mention.start, sex)
        return best

    def compatible(self, name: str, kind: str, sex: str | None) -> bool:
        """False when "he"/"she" cannot refer to ``name`` (a known woman's or man's name).

        >>> r = SpeakerResolver("Ms. Poe spoke.")
        >>> r.compatible("Jo Poe", "person", "m"), r.compatible("Jo Poe", "person", "f")
        (False, True)
        """
        if sex is None or kind != "person":
            return True
        g = self.gender(name)
        return g is None or g == sex

    def gender(self, name: str) -> str | None:
        """"m", "f" or None: from the first name, else from "Mr."/"Ms." with the surname in the article."""
        words = name.split()
        if not words:
            return None
        g = FIRST_NAME_GENDER.get(words[0].lower().rstrip("."))
        if g is not None:
            return g
        if self._honorifics is None:
            self._honorifics = _honorific_genders(self.text)
        return self._honorifics.get(words[-1])

    def _subject_before(self, pos: int, want: tuple[str, ...], sex: str | None = None, floor: int = -1) -> tuple[int, str] | None:
        """The nearest cue subject before ``pos`` of a wanted kind and compatible gender.

        Scans back in steps, so a pronoun near its antecedent costs little.
        """
        lo = max(0, pos - self.PRONOUN_WINDOW, floor)
        hi = pos
        while hi > lo:
            step_lo = max(lo, hi - _SCAN_STEP)
            if step_lo > lo:  # cut at a space so no word is split
                cut = self.text.rfind(" ", step_lo - 40, step_lo)
                step_lo = cut if cut > lo else lo
            for v in reversed(self.cues.verb_re.finditer(self.text, step_lo, hi)):
                found = self._cue_subject_name(v.start(), pos, want, sex)
                if found is not None:
                    return found
            hi = step_lo
        return None

    def _cue_subject_name(self, at: int, pos: int, want: tuple[str, ...], sex: str | None) -> tuple[int, str] | None:
        if at not in self._subjects:
            v = self.cues.verb_re.match(self.text, at)
            if v is not None and v.group()[0] <= "Z":  # 'Said Jo Poe, who ...'
                self._subjects[at] = inverted_subject(self.text, v)
            else:
                self._subjects[at] = mention_before(self.text, at, _paragraph_start(self.text, at, 160))
        m = self._subjects[at]
        if m is None or m.kind not in want or m.end > pos:
            return None
        name = m.text if m.kind == "np" else normalise_name(m.text)
        if m.kind == "person":
            name = self.full_name(name, m.start)
        return (m.start, name) if self.compatible(name, m.kind, sex) else None

    def _last_person_name(self, pos: int, sex: str | None = None) -> str | None:
        last = None
        for m in _FULLNAME_RE.finditer(self.text, max(0, pos - self.PRONOUN_WINDOW), pos):
            full = normalise_name(m.group())
            if full.split()[0].lower() in self.cues.verb_re.capitals:
                full = full.split(" ", 1)[-1]  # 'Said Jo Poe': the cue is not a given name
            if " " in full and is_person_name(full) and full.split()[0].lower() not in _STOP_CAPS:
                if self.compatible(full, "person", sex):
                    last = full
        return last


_SCAN_STEP = 400
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z]\.\s+)?(?:[A-Z][\w'’\-]+\s+)?([A-Z][\w'’\-]+)")


def _honorific_genders(text: str) -> dict[str, str]:
    """Surname -> gender from "Mr. Poe" / "Ms. Jo Poe" in the text; a surname seen with both is left out.

    >>> _honorific_genders("Mr. Poe met Ms. Ann Lee and Mrs. Poe.")
    {'Lee': 'f'}
    """
    seen: dict[str, set[str]] = {}
    for m in _HONORIFIC_RE.finditer(text):
        seen.setdefault(m.group(2), set()).add(_HONORIFIC_GENDER[m.group(1).lower()])
    return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}


def _read_sections(path: Path) -> dict[str, list[str]]:
    """Lowercased non-comment lines of a "[section]" file, per section; {} if unreadable."""
    sections: dict[str, list[str]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return sections  # no list: genders stay unknown and constrain nothing
    section = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip().lower()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif line and section:
            sections.setdefault(section, []).append(line)
    return sections


def _load_first_names(path: Path) -> dict[str, str]:
    """name -> "m"/"f" from a first-names file ("[m]"/"[f]" sections); {} if unreadable."""
    sections = _read_sections(path)
    return {w: sex for sex in ("m", "f") for line in sections.get(sex, []) for w in line.split()}


def _load_short_forms(path: Path) -> dict[str, frozenset[int]]:
    """given name -> ids of its "[short]" lines ("thomas tom tommy": all three share an id)."""
    groups: dict[str, set[int]] = {}
    for k, line in enumerate(_read_sections(path).get("short", [])):
        for w in line.split():
            groups.setdefault(w, set()).add(k)
    return {w: frozenset(ids) for w, ids in groups.items()}


def same_given_name(a: str, b: str) -> bool:
    """True when two given names can name one person: equal, one a listed short
    form of the other, or one (of 3+ letters) a prefix of the other with no
    conflicting gender in the first-names list.

    >>> same_given_name("Tom", "Thomas"), same_given_name("Chris", "Christopher")
    (True, True)
    >>> same_given_name("Eric", "Erica"), same_given_name("Tom", "Tim")
    (False, False)
    """
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b:
        return True
    if SHORT_FORMS.get(a, frozenset()) & SHORT_FORMS.get(b, frozenset()):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < 3 or not long.startswith(short):
        return False
    sexes = {FIRST_NAME_GENDER.get(a), FIRST_NAME_GENDER.get(b)} - {None}
    return len(sexes) < 2


def same_person_name(a: str, b: str) -> bool:
    """True when two full names (titles removed) can name one person: the same
    surname, given names that :func:`same_given_name` accepts, and middle
    names equal or given in one only.

    >>> same_person_name("Tom Homan", "Thomas D. Homan"), same_person_name("George H. Bush", "George W. Bush")
    (True, False)
    """
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1] or not same_given_name(wa[0], wb[0]):
        return False
    mid_a, mid_b = wa[1:-1], wb[1:-1]
    return not mid_a or not mid_b or mid_a == mid_b


FIRST_NAME_GENDER = _load_first_names(config.FIRST_NAMES_FILE)
SHORT_FORMS = _load_short_forms(config.FIRST_NAMES_FILE)
