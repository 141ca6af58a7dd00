"""Server-rendered SVG charts: no JavaScript, readable by screen readers, styled by CSS classes.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that states the numbers
in words, and every mark has its own ``<title>`` (a tooltip on hover). Colours come from classes
in static/style.css (the CSP forbids inline styles). All text is escaped here, so the returned
``Markup`` is safe to drop into a template.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from markupsafe import Markup, escape

from .progress import HeatCell

_ids = itertools.count(1)
# English names, as ``%a`` and ``%b`` give them under the C locale the server runs in.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _open(width: int, height: int, title: str, desc: str, css: str) -> tuple[str, str]:
    n = next(_ids)
    tid, did = f"chart-{n}-t", f"chart-{n}-d"
    head = (
        f'<svg class="chart {escape(css)}" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="{tid} {did}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{tid}">{escape(title)}</title><desc id="{did}">{escape(desc)}</desc>'
    )
    return head, "</svg>"


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def bar_chart(
    labels: Sequence[str],
    values: Sequence[int],
    *,
    title: str,
    desc: str,
    tooltips: Sequence[str] | None = None,
    width: int = 640,
    height: int = 200,
    css: str = "bars",
) -> Markup:
    """Vertical bars with a value above each and a label below (e.g. the 14-day forecast)."""
    head, tail = _open(width, height, title, desc, css)
    n = max(1, len(values))
    top, bottom, left = 18, 34, 4
    plot_h = height - top - bottom
    slot = (width - left * 2) / n
    bar_w = slot * 0.7
    vmax = max([*values, 1])
    parts = [head, f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{width - left}" y2="{top + plot_h}"/>']
    for i, (label, v) in enumerate(zip(labels, values, strict=True)):
        h = plot_h * v / vmax
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h - h
        tip = tooltips[i] if tooltips else f"{label}: {v}"
        parts.append(
            f'<g class="bar-group"><title>{escape(tip)}</title>'
            f'<rect class="bar{" zero" if v == 0 else ""}" x="{_num(x)}" y="{_num(y)}" width="{_num(bar_w)}" '
            f'height="{_num(max(h, 0.5))}" rx="2"/>'
            f'<text class="value" x="{_num(x + bar_w / 2)}" y="{_num(y - 4)}" text-anchor="middle">{v}</text>'
            f'<text class="label" x="{_num(x + bar_w / 2)}" y="{height - 18}" text-anchor="middle">'
            f"{escape(label)}</text></g>"
        )
    parts.append(tail)
    return Markup("".join(parts))  # noqa: S704 (every text and attribute above went through escape())


def heatmap(
    weeks: Sequence[Sequence[HeatCell]], *, title: str, desc: str, unit: str = "study actions"
) -> Markup:
    """A calendar heatmap: one column per week (Monday on top), one square per day."""
    cell, gap, left, top = 13, 3, 30, 18
    width = left + len(weeks) * (cell + gap) + 4
    height = top + 7 * (cell + gap) + 4
    head, tail = _open(width, height, title, desc, "heatmap")
    safe_unit = escape(unit)
    parts = [head]
    for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
        parts.append(f'<text class="label" x="0" y="{top + row * (cell + gap) + cell - 2}">{name}</text>')
    last_month = None
    for w, week in enumerate(weeks):
        x = left + w * (cell + gap)
        first = week[0].day
        if first.month != last_month:
            if last_month is not None or first.day <= 7:
                parts.append(f'<text class="label" x="{x}" y="{top - 6}">{first.strftime("%b")}</text>')
            last_month = first.month
        for d, c in enumerate(week):
            if c.future:
                continue
            # Half a year of squares: the day is spelled from tables and the unit escaped once, since
            # strftime and escape per square cost more than the rest of the chart.
            day = c.day
            tip = f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month]} {day.year}: "
            tip += f"{c.count} {safe_unit}" if c.count else "none"
            parts.append(
                f'<rect class="hm hm-{c.level}" x="{x}" y="{top + d * (cell + gap)}" width="{cell}" height="{cell}" '
                f'rx="2"><title>{tip}</title></rect>'
            )
    parts.append(tail)
    return Markup("".join(parts))  # noqa: S704 (every text and attribute above went through escape())


def line_chart(
    x_labels: Sequence[str],
    series: dict[str, Sequence[int | None]],
    *,
    title: str,
    desc: str,
    width: int = 640,
    height: int = 220,
    y_max: int = 100,
    suffix: str = "%",
) -> Markup:
    """Lines over time (weekly accuracy by fact kind); gaps where a week has no data."""
    head, tail = _open(width, height, title, desc, "lines")
    left, right, top, bottom = 40, 140, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(1, len(x_labels) - 1)

    def px(i: int) -> float:
        return left + plot_w * i / n

    def py(v: float) -> float:
        return top + plot_h * (1 - v / y_max)

    parts = [head]
    for g in (0, 25, 50, 75, 100):
        y = py(g * y_max / 100)
        parts.append(f'<line class="grid" x1="{left}" y1="{_num(y)}" x2="{left + plot_w}" y2="{_num(y)}"/>')
        parts.append(f'<text class="label" x="{left - 6}" y="{_num(y + 4)}" text-anchor="end">{g}{escape(suffix)}</text>')
    for i, lab in enumerate(x_labels):
        if i % 2 == 0 or i == len(x_labels) - 1:
            parts.append(f'<text class="label" x="{_num(px(i))}" y="{height - 8}" text-anchor="middle">{escape(lab)}</text>')
    for k, (name, values) in enumerate(series.items()):
        cls = f"series series-{escape(name)}"
        runs: list[list[tuple[float, float]]] = [[]]
        for i, v in enumerate(values):
            if v is None:
                runs.append([])
            else:
                runs[-1].append((px(i), py(v)))
        for run in runs:
            if len(run) > 1:
                pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in run)
                parts.append(f'<polyline class="{cls}" points="{pts}" fill="none"/>')
        for i, v in enumerate(values):
            if v is not None:
                parts.append(
                    f'<circle class="{cls} dot" cx="{_num(px(i))}" cy="{_num(py(v))}" r="3.5">'
                    f"<title>{escape(name)}, week of {escape(x_labels[i])}: {v}{escape(suffix)}</title></circle>"
                )
        last = next((i for i in range(len(values) - 1, -1, -1) if values[i] is not None), None)
        y_leg = top + 14 + k * 18
        parts.append(
            f'<rect class="{cls} key" x="{left + plot_w + 10}" y="{y_leg - 9}" width="10" height="10"/>'
            f'<text class="label" x="{left + plot_w + 24}" y="{y_leg}">{escape(name)}'
            f"{'' if last is None else ' ' + str(values[last]) + escape(suffix)}</text>"
        )
    parts.append(tail)
    return Markup("".join(parts))  # noqa: S704 (every text and attribute above went through escape())


def sparkline(values: Sequence[int | None], *, label: str, width: int = 120, height: int = 28) -> Markup:
    """A tiny weekly trend for a table cell; the table itself carries the numbers."""
    head, tail = _open(width, height, label, label, "spark")
    pts = [(i, v) for i, v in enumerate(values) if v is not None]
    n = max(1, len(values) - 1)
    parts = [head]
    coords = [(2 + (width - 4) * i / n, 2 + (height - 4) * (1 - v / 100)) for i, v in pts]
    if len(coords) > 1:
        parts.append(
            '<polyline class="spark-line" fill="none" points="'
            + " ".join(f"{_num(x)},{_num(y)}" for x, y in coords)
            + '"/>'
        )
    for x, y in coords[-1:]:
        parts.append(f'<circle class="spark-dot" cx="{_num(x)}" cy="{_num(y)}" r="2.5"/>')
    parts.append(tail)
    return Markup("".join(parts))  # noqa: S704 (every text and attribute above went through escape())
