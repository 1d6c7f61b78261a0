"""Publication dates: parsed from a field, a dateline near the top of the text, or the file name.

Every function returns ``(UTC timestamp, original offset like '+03:00' or '')`` or None: a date is
never invented (relative or partial dates such as "yesterday" or "February" are refused).
"""
from __future__ import annotations

import math
import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

import pandas as pd


FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")
DATELINE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?[^\W\d_]{3,12}\.?,?\s+\d{4}\b"   # 12 February 2025
    r"|\b[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"              # February 12, 2025
    r"|\b\d{4}-\d{2}-\d{2}\b"                                                   # 2025-02-12
)
DATELINE_CHARS = 400
DATEPARSER_SETTINGS = {
    # Relative dates ("yesterday") and partial ones ("February") would be invented from today's date.
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}
# Languages dateparser tries for dates that are not ISO 8601 or RFC 2822 (trying all ~200 is slow).
DATE_LANGUAGES = ["en", "ru", "uk", "de", "fr", "es", "it", "pl", "pt", "nl"]


def parse_date(value) -> tuple[pd.Timestamp, str] | None:
    """``(UTC timestamp, original offset like '+03:00' or '')`` from a date value, or None.

    ISO 8601 and RFC 2822 are read directly; anything else goes to dateparser, which must find a
    day, a month and a year (relative dates such as "yesterday" are refused, never guessed).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        dt = parse_date_text(value.strip())
    else:
        return None
    if dt is None:
        return None
    offset = format_offset(dt)
    try:
        utc = dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)
        return pd.Timestamp(utc).as_unit("ns"), offset
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return None


def parse_date_text(text: str) -> datetime | None:
    """A datetime from a date string, or None."""
    if not text or len(text) > 100:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # imported here: slow to import and not needed for ISO dates

    try:
        return dateparser.parse(text, languages=DATE_LANGUAGES, settings=DATEPARSER_SETTINGS)
    except Exception:  # noqa: BLE001 - dateparser raises many kinds on odd strings; all mean "no date"
        return None


def format_offset(dt: datetime) -> str:
    """'+03:00' for an aware datetime, '' for a naive one."""
    delta = dt.utcoffset()
    if delta is None:
        return ""
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def dateline_date(text: str) -> tuple[pd.Timestamp, str] | None:
    """A date written near the top of the text ("MOSCOW, 12 February 2025 —"), or None."""
    for n, m in enumerate(DATELINE.finditer(text[:DATELINE_CHARS])):
        if n >= 5:
            break
        parsed = parse_date(m.group(0))
        if parsed:
            return parsed
    return None


def filename_date(path: Path) -> tuple[pd.Timestamp, str] | None:
    """A date in the file name (``2025-02-09-trump-putin.txt``), or None."""
    m = FILENAME_DATE.search(path.name)
    if not m:
        return None
    try:
        return parse_date(date(*map(int, m.groups())))
    except ValueError:
        return None
