"""One problem found in an upload (Excel row, column, value, rule), worded in Thai or English."""

from __future__ import annotations

from dataclasses import dataclass

from store.messages import message

HEADER_ROW = 1  # Excel row of the header; the first data row is Excel row 2
# How many problems of one rule in one column are listed one by one; the rest are counted in one line.
# SPEC §2 asks for the first 1,000 problems at least; a hostile file must not make millions of objects.
PER_RULE_LIMIT = 5_000


@dataclass(frozen=True)
class Problem:
    row: int | None  # Excel row number; None for the whole file
    column: str | None
    value: str | None
    rule: str
    limit: str = ""
    allowed: str = ""
    detail: str = ""

    def text(self, lang: str = "en") -> str:
        return message(
            self.rule, lang, row=self.row, column=self.column, value=self.value, allowed=self.allowed, limit=self.limit, detail=self.detail
        )


def more_of_the_same(rule: str, column: str | None, hidden: int) -> Problem:
    """The line that stands for the problems of one rule and column beyond PER_RULE_LIMIT."""
    return Problem(None, column, None, "more_of_the_same", limit=f"{hidden:,}", detail=rule)
