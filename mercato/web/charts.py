"""The dashboard's charts, drawn as SVG from Python: no script, every label escaped.

Each mark carries a <title> (shown on hover) and is a link (reached with the keyboard, its
title read out), so the charts work without JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from mercato.model import Stage

__all__ = ["TimelineMark", "outlet_colours", "reliability_chart", "timeline_chart"]

# Eight colours told apart by people with the common colour blindnesses (Okabe and Ito).
_PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000")
_STAGES = tuple(Stage)  # from the bottom of the chart up: interest ... completed, off
_WIDTH, _ROW, _LEFT, _RIGHT, _TOP = 720, 34, 110, 20, 16


@dataclass(frozen=True, slots=True)
class TimelineMark:
    """One claim on the timeline: when, at what stage, by whom, and what it said."""

    day: date
    stage: Stage
    outlet: str
    sentence: str
    anchor: str  # the id of the claim's row on the page


def outlet_colours(outlets: Sequence[str]) -> dict[str, str]:
    """A colour for each outlet, in the order given (repeating past eight)."""
    return {outlet: _PALETTE[n % len(_PALETTE)] for n, outlet in enumerate(dict.fromkeys(outlets))}


def timeline_chart(marks: Sequence[TimelineMark], colours: dict[str, str]) -> Markup:
    """Time across, stage up; one dot per claim, coloured by outlet."""
    height = _TOP + _ROW * len(_STAGES) + 30
    plot = _WIDTH - _LEFT - _RIGHT
    parts = [
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {height}" role="img" '
        f'aria-labelledby="timeline-title"><title id="timeline-title">Claims over time by stage</title>'
    ]
    for stage in _STAGES:
        y = _y(stage)
        parts.append(
            f'<line x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{y}" y2="{y}" stroke="#d0d7de" stroke-width="1"/>'
            f'<text x="{_LEFT - 8}" y="{y + 4}" text-anchor="end" font-size="12" fill="#444">{escape(stage)}</text>'
        )
    days = sorted(mark.day for mark in marks)
    if days:
        first, span = days[0], max(1, (days[-1] - days[0]).days)
        axis_y = _TOP + _ROW * len(_STAGES) + 4
        for label_day, anchor in ((days[0], "start"), (days[-1], "end")):
            x = _LEFT + plot * (label_day - first).days / span
            parts.append(
                f'<text x="{x:.1f}" y="{axis_y + 14}" text-anchor="{anchor}" font-size="12" '
                f'fill="#444">{label_day.isoformat()}</text>'
            )
        for n, mark in enumerate(marks):
            x = _LEFT + plot * (mark.day - first).days / span
            y = _y(mark.stage) + ((n % 3) - 1) * 5  # claims of one day and stage side by side
            tip = f"{mark.day.isoformat()} · {mark.outlet} · {mark.stage}: {mark.sentence}"
            parts.append(
                f'<a href="#{escape(mark.anchor)}" class="mark"><title>{escape(tip)}</title>'
                f'<circle cx="{x:.1f}" cy="{y}" r="7" fill="{colours.get(mark.outlet, "#666")}" '
                f'stroke="#fff" stroke-width="1.5"/></a>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def _y(stage: Stage) -> int:
    return _TOP + _ROW * (len(_STAGES) - 1 - _STAGES.index(stage)) + _ROW // 2


def reliability_chart(rows: Sequence[tuple[str, float, float, float, str]]) -> Markup:
    """One bar per source: (name, reliability, interval low, interval high, link), 0 to 1 across."""
    height = _TOP + 26 * len(rows) + 24
    left, plot = 220, _WIDTH - 220 - _RIGHT
    parts = [
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {height}" role="img" aria-labelledby="reliability-title">'
        '<title id="reliability-title">Reliability of each source, with its 90% interval</title>'
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1):
        x = left + plot * tick
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{_TOP - 6}" y2="{height - 20}" stroke="#d0d7de"/>'
            f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle" font-size="11" fill="#444">{tick:.0%}</text>'
        )
    for n, (name, value, low, high, link) in enumerate(rows):
        y = _TOP + 26 * n
        tip = f"{name}: {value:.0%} (90% interval {low:.0%} to {high:.0%})"
        parts.append(
            f'<a href="{escape(link)}" class="mark"><title>{escape(tip)}</title>'
            f'<text x="{left - 8}" y="{y + 13}" text-anchor="end" font-size="12" fill="#222">{escape(name[:32])}</text>'
            f'<rect x="{left}" y="{y + 3}" width="{plot * value:.1f}" height="14" fill="#0072b2"/>'
            f'<line x1="{left + plot * low:.1f}" x2="{left + plot * high:.1f}" y1="{y + 10}" y2="{y + 10}" '
            'stroke="#000" stroke-width="2"/></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
