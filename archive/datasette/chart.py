"""Articles per day per source as an inline SVG line chart (no JavaScript, nothing from the internet)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

#: Line colours, distinguishable on white and by most colour-blind readers (Okabe-Ito, then Tol).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
           "#882255", "#44AA99", "#999933", "#AA4499", "#661100")
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 900, 320, 48, 12, 12, 28


@dataclass
class Series:
    """One source's line."""

    source: str
    colour: str
    total: int
    points: str  # the SVG polyline points


@dataclass
class DailyChart:
    """Everything the template draws."""

    first: date
    last: date
    peak: int
    series: list[Series] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    plot: tuple[int, int, int, int] = (LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM)


def daily_chart(counts: Iterable[tuple[str, str, int]], first: date, last: date) -> DailyChart:
    """Lay out (day 'YYYY-MM-DD', source, articles) rows as one polyline per source over first..last."""
    days = (last - first).days + 1
    per_source: dict[str, list[int]] = {}
    for day, source, n in counts:
        try:
            index = (date.fromisoformat(day) - first).days
        except (TypeError, ValueError):
            continue
        if 0 <= index < days:
            per_source.setdefault(source, [0] * days)[index] += n
    peak = max((max(values) for values in per_source.values()), default=0)
    chart = DailyChart(first=first, last=last, peak=peak)
    x0, y0, plot_width, plot_height = chart.plot
    step = plot_width / max(days - 1, 1)
    ranked = sorted(per_source.items(), key=lambda item: (-sum(item[1]), item[0]))
    for i, (source, values) in enumerate(ranked):
        points = " ".join(f"{x0 + d * step:.1f},{y0 + plot_height - plot_height * n / (peak or 1):.1f}"
                          for d, n in enumerate(values))
        chart.series.append(Series(source, PALETTE[i % len(PALETTE)], sum(values), points))
    return chart


def chart_window(latest: str | None, days: int, today: date) -> tuple[date, date]:
    """The days to chart: `days` days ending on the latest publication day, or today without one."""
    try:
        last = min(date.fromisoformat((latest or "")[:10]), today)
    except ValueError:
        last = today
    return last - timedelta(days=days - 1), last
