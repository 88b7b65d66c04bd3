"""The one way to make a Jinja2 environment for the project's templates (present/templates/<folder>/): autoescape
on, so a value from the data is text and never markup; an undefined name is an error, not an empty string."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment(folder: str) -> Environment:
    """The environment of one template folder (fragments, site), made once per process."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES / folder), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
