"""Problems found in layers or user files, each with a key and values so it reads in Dutch and English."""

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
