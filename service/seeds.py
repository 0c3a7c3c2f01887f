"""Load the seed corpus described by ``seeds/manifest.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml


@dataclass(frozen=True)
class SeedArticle:
    """One manifest entry with its verbatim text."""

    file: str
    outlet: str
    title: str
    url: str | None
    published: date | None
    language: str
    text: str


def load_manifest(directory: str | Path) -> list[SeedArticle]:
    """Read the manifest and the article files it names (bytes decoded as UTF-8, verbatim)."""
    folder = Path(directory)
    manifest = yaml.safe_load((folder / "manifest.yaml").read_text(encoding="utf-8"))
    articles = []
    for entry in manifest["articles"]:
        # newline="" keeps the text byte-for-byte: no newline translation
        with open(folder / entry["file"], encoding="utf-8", newline="") as handle:
            text = handle.read()
        articles.append(
            SeedArticle(
                file=entry["file"],
                outlet=entry["outlet"],
                title=entry["title"],
                url=entry.get("url"),
                published=entry.get("published"),
                language=entry.get("language", "en"),
                text=text,
            )
        )
    return articles
