"""One person's name forms across a corpus, merged into the form used most.

Within an article the resolver already gives "Romero", "Mr. Romero" and "he"
the name "Anthony Romero". Across articles one person still appears under
several forms: a middle initial or a short given name ("Charles E. Schumer",
"Chuck Schumer"), a word the mention took in ("Republican Mitt Romney"), or
the bare surname of an article that never gave the full name ("Trump").
:func:`name_forms` maps each such form to the main form, judging by how many
quotes each form has in the corpus:

0. Descriptions that differ only in the case of their opening article ("The
   report" at a sentence's start, "the report" inside one) are one form.
1. Leading words: a name of three or more words whose last words are a
   more-quoted person's name, and whose leading words hold no given name,
   is that person ("United Nations Nikki Haley"; not "John Paul Jones").
2. Variants: a person's name joins the most-quoted name that can name the
   same person (:func:`analysis.names.same_person_name`: a middle
   initial also matches the middle name it starts), when every name it can
   be is compatible with that one, and the names that one can be but it
   cannot hold under ``1 - MAIN_SHARE`` of their quotes. "Donald J. Trump"
   joins "Donald Trump"; "George Bush" stays, as it can be George W. or
   George H. W., and so does "George H.W. Bush".
3. Bare surnames: a capitalised single word joins the one multi-word name
   that ends with it, or the person's name that holds ``MAIN_SHARE`` of the
   quotes of all multi-word names ending with it ("Trump" joins "Donald
   Trump"; "Clinton" stays, as Bill Clinton holds more than 15%). The name
   joined must be a person's, quoted at least half as often as the word
   (a word quoted far more often than the one name ending in it is an
   outlet, a place or a month, not that person's surname).

>>> counts = {"Donald Trump": 90, "Donald J. Trump": 4, "Melania Trump": 5, "Trump": 40,
...           "Businessman Donald Trump": 3, "Bill Clinton": 30, "Hillary Clinton": 60, "Clinton": 9}
>>> sorted(name_forms(counts).items())
[('Businessman Donald Trump', 'Donald Trump'), ('Donald J. Trump', 'Donald Trump'), ('Trump', 'Donald Trump')]
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from analysis.names import _DETERMINERS, FIRST_NAME_GENDER, is_person_name, same_person_words

# The share of the quotes that the main form must hold among the names a form can
# be. Below 1: a bare "Trump" in an article that never names him is far more often
# the best-known bearer than the share among full names says (famous people need no
# introduction), and the rest of the corpus's namesakes would otherwise split one
# person's quotes between two rows of every table.
MAIN_SHARE = 0.85


def name_forms(counts: Mapping[str, int]) -> dict[str, str]:
    """Each name form that names a more-quoted form's person -> that main form.

    ``counts``: quotes per speaker name across the corpus. Only names that
    change are in the result; applying it once gives the final names.

    >>> name_forms({"Anthony Romero": 3, "Romero": 2, "Ann Lee": 1, "Al Lee": 1, "Lee": 4})
    {'Romero': 'Anthony Romero'}
    """
    merged: dict[str, str] = {}
    for stage in (_article_case, _leading_words, _variants, _bare_surnames):
        found = _resolved(stage(_totals(counts, merged)))
        merged = {name: found.get(main, main) for name, main in merged.items()} | found
    return {name: main for name, main in merged.items() if main != name}


def _resolved(found: dict[str, str]) -> dict[str, str]:
    """``found`` with chains followed to their end ("A" -> "B" -> "C" gives "A" -> "C").

    Each step leads to a more-quoted or shorter name, so every chain ends.
    """
    out = {}
    for name, main in found.items():
        while main in found:
            main = found[main]
        out[name] = main
    return out


def _totals(counts: Mapping[str, int], merged: dict[str, str]) -> dict[str, int]:
    """Quotes per name once ``merged`` is applied."""
    totals: dict[str, int] = defaultdict(int)
    for name, n in counts.items():
        totals[merged.get(name, name)] += n
    return totals


def _main(names: list[str], counts: Mapping[str, int]) -> str:
    """The most quoted of ``names`` (ties: the first in sort order)."""
    return min(names, key=lambda name: (-counts[name], name))


def _given(word: str) -> bool:
    return word.lower().rstrip(".") in FIRST_NAME_GENDER


def _article_case(counts: Mapping[str, int]) -> dict[str, str]:
    """Rule 0: "The report" and "the report" -> the more quoted of the two."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        first, _, rest = name.partition(" ")
        if rest and first.lower() in _DETERMINERS:
            by_key[f"{first.lower()} {rest}"].append(name)
    found = {}
    for names in by_key.values():
        main = _main(names, counts)
        found.update((name, main) for name in names if name != main)
    return found


def _leading_words(counts: Mapping[str, int]) -> dict[str, str]:
    """Rule 1: "Republican Mitt Romney" -> "Mitt Romney"."""
    found = {}
    for name, n in counts.items():
        words = name.split()
        for k in range(1, len(words) - 1):
            if _given(words[k - 1]):
                break  # "John Paul Jones" is not Paul Jones
            tail = " ".join(words[k:])
            if counts.get(tail, 0) >= n and is_person_name(tail):
                found[name] = tail
                break
    return found


def _variants(counts: Mapping[str, int]) -> dict[str, str]:
    """Rule 2: "Charles E. Schumer" -> "Chuck Schumer", not "George Bush" -> either George Bush."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        if " " in name and is_person_name(name):
            by_surname[name.split()[-1]].append(name)
    found = {}
    for names in by_surname.values():
        words = {name: name.split() for name in names}
        can_be = {a: [b for b in names if b != a and same_person_words(words[a], words[b])] for a in names}
        for name in names:
            main = _main([name, *can_be[name]], counts)
            if main == name or not all(same_person_words(words[c], words[main]) for c in can_be[name]):
                continue
            rivals = sum(counts[c] for c in can_be[main] if c != name and not same_person_words(words[c], words[name]))
            if rivals < (1 - MAIN_SHARE) * (counts[main] + rivals):
                found[name] = main
    return found


def _bare_surnames(counts: Mapping[str, int]) -> dict[str, str]:
    """Rule 3: "Trump" -> "Donald Trump", when one name ending in "Trump" holds MAIN_SHARE of their quotes."""
    ending: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        words = name.split()
        if len(words) >= 2 and words[0][:1].isupper():
            ending[words[-1]].append(name)
    found = {}
    for name in counts:
        if " " in name or not name[:1].isupper() or name.isupper() or name not in ending:
            continue  # a lower-case word or an acronym is not a surname
        names = ending[name]
        main = _main(names, counts)
        if not is_person_name(main) or 2 * counts[main] < counts[name]:
            continue  # "Pew" quoted 56 times is not the "Penny Pew" quoted once
        if len(names) == 1 or (_given(main.split()[0]) and counts[main] >= MAIN_SHARE * sum(counts[n] for n in names)):
            found[name] = main
    return found
