"""Problems and the one exception family: each problem is a key and values, so it reads in Dutch and English.

`ScalesError` carries the problems that stopped an operation; the CLI and the dashboard catch it (and
only it) and show its text in their language. Anything else is a bug and surfaces as one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from scales.i18n import t


@dataclass(frozen=True)
class Problem:
    """One thing wrong, and what to change; `str()` gives the English text (CLI, logs)."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return t(f"problem_{self.key}", lang, **self.values)

    def __str__(self) -> str:
        return self.text("en")


class ScalesError(Exception):
    """An operation could not be done; `problems` say why and what to change."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = problems
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        """All problems as sentences in `lang`."""
        return " ".join(p.text(lang).rstrip(".") + "." for p in self.problems)


class SourceError(ScalesError):
    """An upstream file is missing, could not be downloaded, or does not match its pinned hash."""


class DataError(ScalesError):
    """A hand-made fact table in `data/` contradicts itself or the upstream files."""


class UsageError(ScalesError):
    """A request names something that does not exist: a layer, weight, metric or NIS code."""


def data_error(file: str, detail: str) -> DataError:
    """A `DataError` about one fact table (its detail is for the maintainer, so it stays English)."""
    return DataError(Problem("data_table", {"file": file, "detail": detail}))
