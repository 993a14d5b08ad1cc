"""The best XI drawn on a pitch (mplsoccer), as PNG or SVG bytes.

Uses a bare matplotlib ``Figure`` (no pyplot), so drawing touches no global state and
needs no display.
"""

from __future__ import annotations

import io
from pathlib import Path

from matplotlib import rc_context
from matplotlib.figure import Figure
from mplsoccer import VerticalPitch

from mercato.squad.xi import BestXI

__all__ = ["draw_xi", "save_xi"]

_PITCH = "#2b7a3d"
_LINES = "#e8f2ea"
_PLAYER = "#1f3b73"
_TARGET = "#e0a526"
_EMPTY = "#9a9a9a"


def _short(name: str) -> str:
    # The surname is enough on a pitch; keep compound surnames ("van Dijk").
    parts = name.split()
    if len(parts) <= 1:
        return name
    tail = [parts[-1]]
    for word in reversed(parts[1:-1]):
        if word[:1].islower():
            tail.insert(0, word)
        else:
            break
    return " ".join(tail)


def draw_xi(xi: BestXI, title: str = "", highlight: int | str | None = None, fmt: str = "png") -> bytes:
    """The XI on a vertical pitch as ``fmt`` ('png' or 'svg') bytes.

    ``highlight``: the player id (or name) drawn in the target colour, for a what-if XI.
    """
    pitch = VerticalPitch(pitch_type="opta", pitch_color=_PITCH, line_color=_LINES)
    figure = Figure(figsize=(6.4, 8.6))
    ax = figure.add_subplot()
    pitch.draw(ax=ax)
    code = xi.formation.replace("-", "")
    where = {pos.name: (pos.x, pos.y) for pos in pitch.get_formation(code)}
    for place in xi.places:
        x, y = where[place.slot.name]
        member = place.member
        if member is None:
            colour, label = _EMPTY, f"{place.slot.name}\n(empty)"
        else:
            is_target = highlight is not None and highlight in (member.player.id, member.name)
            colour = _TARGET if is_target else _PLAYER
            label = _short(member.name)
            if place.penalty > 0:
                label += f"\n({member.role.natural})"
        pitch.scatter(x, y, s=700, color=colour, edgecolors="white", linewidth=2, ax=ax, zorder=3)
        pitch.annotate(
            place.slot.name,
            xy=(x, y),
            ax=ax,
            ha="center",
            va="center",
            color="white",
            fontsize=7,
            fontweight="bold",
            zorder=4,
        )
        pitch.annotate(label, xy=(x - 4.5, y), ax=ax, ha="center", va="top", color="white", fontsize=8, zorder=4)
    if title:
        ax.set_title(title, fontsize=12)
    buffer = io.BytesIO()
    # SVG keeps names as text (searchable, selectable in the dashboard), not glyph outlines.
    with rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format=fmt, bbox_inches="tight", dpi=110)
    return buffer.getvalue()


def save_xi(xi: BestXI, path: Path, title: str = "", highlight: int | str | None = None) -> None:
    """Write the XI picture to ``path``: SVG if it ends in .svg, else PNG."""
    fmt = "svg" if path.suffix.lower() == ".svg" else "png"
    path.write_bytes(draw_xi(xi, title, highlight, fmt))
