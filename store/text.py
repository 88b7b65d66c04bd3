"""One shape for a pair of words in Thai and English, used by every table of words, messages and labels.

`Text(th, en)`: Thai first, always, named so that an entry copied from one table to another cannot swap
languages unnoticed (tests/test_words.py checks that every Thai side is Thai and every English side is not).
"""

from __future__ import annotations

from typing import NamedTuple


class Text(NamedTuple):
    th: str
    en: str

    def say(self, lang: str) -> str:
        """The words in `lang` ("th" or "en"; anything else reads English)."""
        return self.th if lang == "th" else self.en
