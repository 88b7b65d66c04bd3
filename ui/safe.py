"""Text from a file or a link shown inert: Markdown, Streamlit's :colour[] and :icon: directives, LaTeX and
HTML all escaped, so a name like `[x](http://evil) :red[!] $x$` prints as it is written."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:&])")


def md(text: object) -> str:
    """Escape every character Markdown (or Streamlit's extensions to it) would read as syntax."""
    return _SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")
