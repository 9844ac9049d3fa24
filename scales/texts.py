"""Text a user supplies (unit, scenario and location names, file names, a JSON `parent`): checked once on
the way in, escaped once on the way out for each medium (terminal, Markdown, spreadsheet).

The way in refuses control characters and over-long text with a message naming the limit; the way out
makes whatever is stored (also by an older version) harmless where it is shown.
"""

from __future__ import annotations

import re

from scales.problems import Problem

TEXT_LIMIT = 120
"""The longest name a user may give a unit, scenario or location (characters)."""
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
"""C0 and C1 control characters (tabs and line breaks included): never part of a name."""
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""What a terminal would act on (escape sequences); tab and line feed stay."""
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
"""Characters that Streamlit's Markdown gives a meaning: links, images, HTML, `:red[…]` colours, LaTeX."""
SPREADSHEET_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Characters an XLSX cell cannot hold (openpyxl refuses them with IllegalCharacterError)."""


def text_problem(value: object, what: str, limit: int = TEXT_LIMIT) -> Problem | None:
    """Why `value` cannot be a name (`what` says which: a unit name, a scenario name …), or None when it can."""
    text = str(value)
    if CONTROL.search(text):
        return Problem("text_control", {"what": what, "value": for_terminal(text)[:60]})
    if len(text) > limit:
        return Problem("text_too_long", {"what": what, "length": len(text), "limit": limit})
    return None


def for_terminal(text: object) -> str:
    """Text safe to print to a terminal: control characters (escape sequences) shown as `?`."""
    return TERMINAL_CONTROL.sub("?", str(text))


def for_markdown(text: object) -> str:
    """Text shown through a Markdown-rendering widget exactly as written: every Markdown and Streamlit
    directive character is backslash-escaped, so a link, image or colour stays text."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


def for_spreadsheet(text: str) -> str:
    """Text an XLSX cell can hold: characters no cell may contain become `?`."""
    return SPREADSHEET_ILLEGAL.sub("?", text)
