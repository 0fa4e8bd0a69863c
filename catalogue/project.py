"""What the commands need to know about a project before building it.

The message language, the time zone for "today" and the path the site is
published under are read leniently from `site.yaml`: a broken file is the
build's to report, so here it only means falling back to the defaults.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from catalogue import urls
from catalogue.schema import LANGUAGES
from catalogue.yamlload import YMap, load_yaml

DEFAULT_LANGUAGE = "ja"
DEFAULT_TIMEZONE = "Asia/Tokyo"


@dataclass(frozen=True)
class SiteHints:
    """The few `site.yaml` settings a command needs up front, with their defaults."""

    language: str = DEFAULT_LANGUAGE
    timezone: str = DEFAULT_TIMEZONE
    base_path: str = "/"
    channels: tuple[str, ...] = ()

    def today(self) -> datetime.date:
        """Today in the site's time zone."""
        try:
            zone = zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = zoneinfo.ZoneInfo(DEFAULT_TIMEZONE)
        return datetime.datetime.now(zone).date()


def read_mapping(path: Path) -> YMap | None:
    """A YAML data file as a mapping, or None if it is missing or unreadable."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    data, problems = load_yaml(text)
    return data if isinstance(data, YMap) and not problems else None


def site_hints(content: Path) -> SiteHints:
    """Language, time zone, published path and channel keys from `content/site.yaml`, if they can be read."""
    data = read_mapping(content / "site.yaml")
    if data is None:
        return SiteHints()
    language = data.get("language")
    timezone = data.get("timezone")
    base_url = data.get("base_url")
    channels = data.get("channels")
    return SiteHints(
        language=language if language in LANGUAGES else DEFAULT_LANGUAGE,
        timezone=timezone if isinstance(timezone, str) else DEFAULT_TIMEZONE,
        base_path=urls.base_path(base_url) if isinstance(base_url, str) else "/",
        channels=tuple(str(key) for key in channels) if isinstance(channels, YMap) else (),
    )


def choose_language(option: str | None, environ: Mapping[str, str], site: str) -> str:
    """The message language: `--lang`, then `LANG` when it names Japanese or English, then `site.yaml`."""
    if option in LANGUAGES:
        return option
    env = environ.get("LANG", "")
    for language in LANGUAGES:
        if env.startswith(language):
            return language
    return site
