"""Every Thai/English pair has one shape, Text(th, en), and each side is in its language: an entry copied
between tables in the wrong order, or an English word left on the Thai side, fails here."""

from __future__ import annotations

import importlib
import re

from store.text import Text

THAI = re.compile("[\u0e00-\u0e7f]")
LATIN = re.compile("[A-Za-z]")
FIELD = re.compile(r"\{(\w+)[^}]*\}")
# Where the words are kept: every table of words, messages, labels and descriptions.
MODULES = (
    "present.words",
    "present.site_words",
    "present.tables",
    "store.messages",
    "store.backup",
    "console.messages",
    "console.catalogue",
    "lookup.explorer",
)
# Deliberately the other language: the link to switch language is named in the language it leads to.
OTHER_LANGUAGE = {Text("English", "ภาษาไทย")}


def pairs(value: object, where: str) -> list[tuple[str, Text]]:
    """Every Text inside a module-level value (dicts, lists and tuples walked)."""
    if isinstance(value, Text):
        return [(where, value)]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in pairs(v, f"{where}[{k!r}]")]
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in pairs(v, f"{where}[{i}]")]
    return []


def every_pair() -> list[tuple[str, Text]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if attr.isupper() or attr.startswith("_") and attr[1:].isupper():
                found += pairs(value, f"{name}.{attr}")
    return found


def test_the_tables_of_words_hold_hundreds_of_pairs_all_of_one_shape():
    found = every_pair()
    assert len(found) > 800  # words, messages, labels, column descriptions
    for module in ("store.messages", "console.messages"):  # once (English, Thai): now Text like the rest
        assert all(isinstance(v, Text) for v in importlib.import_module(module).RULES.values()), module


def problems(where: str, pair: Text) -> list[str]:
    """What is wrong with one pair: a Thai side without Thai, an English side that reads Thai, different fields."""
    if pair in OTHER_LANGUAGE or pair.th == pair.en or not (pair.th or pair.en):
        return []
    found = []
    if (LATIN.search(pair.th) or THAI.search(pair.th)) and not THAI.search(pair.th):
        found.append(f"{where}: the Thai side has no Thai: {pair.th!r}")
    thai_in_english = len(THAI.findall(FIELD.sub("", pair.en)))
    if thai_in_english and thai_in_english >= len(LATIN.findall(pair.en)):
        found.append(f"{where}: the English side reads Thai: {pair.en!r}")
    if set(FIELD.findall(pair.th)) != set(FIELD.findall(pair.en)):
        found.append(f"{where}: the two sides fill different fields")
    return found


def test_thai_is_thai_and_english_is_english():
    assert [p for where, pair in every_pair() for p in problems(where, pair)] == []


def test_a_swapped_pair_is_caught():
    """The check can fail: a pair in (English, Thai) order does, and so do different fields."""
    assert len(problems("example", Text("Indicator", "ตัวชี้วัด"))) == 2
    assert problems("example", Text("{n} ราย", "{count} establishments")) == ["example: the two sides fill different fields"]
