"""The publication dates a reader searches between: read, checked, and applied to the articles.

The form's date inputs send year-month-day whatever the browser shows, so
that is what is read first. A browser without date inputs shows a text box,
where a reader in the Baltics or Russia may type day.month.year, which is
read too. Day/month/year with slashes is not: 04/12/2026 is April in one
country and December in another, so the reader is asked to write it out
instead of being shown the wrong month's news.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

FORMATS = ("%Y-%m-%d", "%d.%m.%Y")
# What the reader is shown of a date that could not be read: enough to recognise it.
SHOWN = 30
PARAMETERS = {"from": gettext_lazy("Published from"), "to": gettext_lazy("Published to")}


@dataclass
class Dates:
    start: date | None = None
    end: date | None = None
    # A readable message for each parameter that could not be read, by its name.
    errors: dict[str, str] = field(default_factory=dict)
    swapped: bool = False


def _day(value: str) -> date | None:
    for pattern in FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def read(params) -> Dates:
    """The dates in a request's `from` and `to`, and what was wrong with them."""
    dates = Dates()
    for name, label in PARAMETERS.items():
        value = params.get(name, "").strip()
        day = _day(value) if value else None
        if value and day is None:
            typed = value if len(value) <= SHOWN else value[:SHOWN] + "…"
            dates.errors[name] = _(
                "%(label)s: “%(typed)s” is not a date we can read. Write it as year-month-day,"
                " such as 2026-12-04. The results below are not limited by it."
            ) % {"label": label, "typed": typed}
        setattr(dates, "start" if name == "from" else "end", day)
    if dates.start and dates.end and dates.start > dates.end:
        dates.start, dates.end, dates.swapped = dates.end, dates.start, True
    return dates


def _midnight(day: date, days_later: int = 0) -> datetime:
    """The start of `day` (or a day after) in the paper's time zone, or the calendar's end."""
    try:
        moment = datetime.combine(day + timedelta(days=days_later), time.min)
        return timezone.make_aware(moment).astimezone(UTC)
    except OverflowError:  # the first or the last days a date can hold, moved across zones
        return (datetime.min if day.year == date.min.year else datetime.max).replace(tzinfo=UTC)


def published_within(articles, dates: Dates):
    """`articles` first published on the days from `dates.start` to `dates.end`, both included."""
    if dates.start:
        articles = articles.filter(first_published_at__gte=_midnight(dates.start))
    if dates.end:
        articles = articles.filter(first_published_at__lt=_midnight(dates.end, days_later=1))
    return articles
