"""The sort key of a client's name: accents and case ignored first, as ICU/UCA would order it.

`name_sort_key(family, given, middle)` returns a string whose plain binary order (SQLite's
default, memcmp of UTF-8) is the order people expect in a list of "Family, Given" names:
Álvarez, Baker, Lê, Lin, Núñez, Zamora. Three levels, like the Unicode Collation Algorithm:

1. base letters: NFKD, combining marks dropped, case folded, and the letters that Unicode does
   not decompose but UCA sorts with their base letter at the first level (đ → d, ø → o,
   ł → l, æ → ae, œ → oe, ß → ss via case folding); anything that is not a letter or digit
   separates words and sorts before every letter, as a space;
2. accents, letter by letter (so "Le" < "Lê" when nothing else differs);
3. case, letter by letter (lower before upper).

Measured against ICU's root collator (PyICU 2.x, ICU 72) on Latin and Vietnamese names:
see docs/collation.md. Scripts without case or accents (Han, Hangul, Arabic) fall back to
code-point order at the first level, which is what the root collator does within a script.
The key is stored in the vault (`clients.sort_key`), so sorting 100,000 clients is an index walk.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD leaves whole although UCA gives them their base letter's primary weight
# (the stroke or ligature is a secondary difference in DUCET).
_FIRST_LEVEL = {
    "đ": "d", "ð": "d", "ø": "o", "ł": "l", "ħ": "h", "ŧ": "t", "ƀ": "b", "ɨ": "i", "ʉ": "u",
    "æ": "ae", "œ": "oe", "ı": "i", "ĸ": "q",
}
_LEVELS = "\x01"  # between levels: lower than anything inside one
_FIELDS = "\x02"  # between family, given and middle name: lower than a space
_UNMARKED = "\x03"  # a letter without accents, before any accent mark


_NOT_ASCII_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_ASCII_CASE = {code: "1" if chr(code).isupper() else "0" for code in range(128)}


@lru_cache(maxsize=4096)  # names repeat (García, José): an import of 100,000 clients reads few
def _levels(text: str) -> tuple[str, str, str]:
    """The three levels of one name field; words separated by one space."""
    if text.isascii():  # most names: no decomposition, no marks (5x faster)
        words = _NOT_ASCII_ALNUM.sub(" ", text).strip()
        return words.lower(), _UNMARKED * len(words), words.translate(_ASCII_CASE)
    letters: list[list[str]] = []  # [first-level text, accent marks, "1" if upper case]
    space = True  # no leading separator
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            if letters:
                letters[-1][1] += char
            continue
        if not char.isalnum():
            if not space:
                letters.append([" ", "", "0"])
                space = True
            continue
        space = False
        folded = char.casefold()
        base = _FIRST_LEVEL.get(folded)
        # A stroked letter sorts as its base letter, after it at the accent level (d < đ).
        letters.append([base, folded, "1" if char != folded else "0"] if base else [folded, "", "1" if char != folded else "0"])
    if letters and letters[-1][0] == " ":
        letters.pop()
    return (
        "".join(base for base, _, _ in letters),
        "".join(marks or _UNMARKED for _, marks, _ in letters),
        "".join(upper for _, _, upper in letters),
    )


def name_sort_key(family: str, given: str = "", middle: str = "") -> str:
    fields = (_levels(family), _levels(given), _levels(middle) if middle else ("", "", ""))
    return _LEVELS.join(_FIELDS.join(field[level] for field in fields) for level in range(3))


def same_name_range(family: str, given: str) -> tuple[str, str]:
    """[low, high): the stored sort keys of every name with this family and given name at the
    first level (accents, case and punctuation aside), whatever its middle name. A key is the
    family's first level, a field mark, the given name's, a field mark, then the middle's."""
    low = _levels(family)[0] + _FIELDS + _levels(given)[0] + _FIELDS
    return low, low[:-1] + chr(ord(_FIELDS) + 1)
