"""Text from a file or a link shown inert: Markdown, Streamlit's :colour[] and :icon: directives, LaTeX and
HTML all escaped, so a name like `[x](http://evil) :red[!] $x$` prints as it is written."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:&])")
# GitHub-flavoured Markdown turns bare addresses into links whatever is escaped (http://…, www.…, a@b.c);
# an invisible word joiner (U+2060) inside each marker keeps them plain text.
_AUTOLINK = re.compile(r"(?i)(?<=:/)(?=/)|(?<=www)(?=\.)|(?=@)")  # the points where a word joiner goes
WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """Escape every character Markdown (or Streamlit's extensions to it) would read as syntax."""
    plain = _AUTOLINK.sub(WORD_JOINER, str(text))
    return _SPECIAL.sub(r"\\\1", plain).replace("\n", " ")
