"""Rich renderings of squad reports and fits, for the command line."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from mercato.squad.depth import DepthChart
from mercato.squad.fit import Fit
from mercato.squad.needs import Need
from mercato.squad.positions import Position
from mercato.squad.report import SquadReport
from mercato.squad.xi import BestXI

__all__ = ["depth_table", "fit_view", "needs_table", "squad_view", "xi_table"]


def _money(value: int | None) -> str:
    if value is None:
        return "-"
    return f"€{value / 1_000_000:.1f}m" if value >= 1_000_000 else f"€{value // 1000}k"


def depth_table(chart: DepthChart, covers: int = 2) -> Table:
    """Each position: its naturals, best first, then up to ``covers`` players who can cover."""
    table = Table(title="Depth chart", show_lines=False)
    for column in ("pos", "player", "value", "age", "contract", "status"):
        table.add_column(column)
    for position in Position:
        entries = (*chart.naturals(position), *chart.covers(position)[:covers])
        for i, entry in enumerate(entries):
            member = entry.member
            p = member.player
            name = p.name if entry.natural else f"{p.name} [dim]({member.role.natural})[/]"
            status = "available" if member.available else f"[red]{member.absence.reason}[/]"  # type: ignore[union-attr]
            table.add_row(
                str(position) if i == 0 else "",
                name,
                _money(p.market_value_eur),
                str(member.age) if member.age is not None else "-",
                p.contract_expiry.isoformat() if p.contract_expiry else "-",
                status,
                end_section=i == len(entries) - 1,
            )
    return table


def needs_table(needs: tuple[Need, ...]) -> Table:
    """The needs, one row each with its reason."""
    table = Table(title="Needs")
    table.add_column("pos")
    table.add_column("need")
    table.add_column("reason")
    for need in needs:
        table.add_row(str(need.position), str(need.kind), need.reason)
    if not needs:
        table.add_row("-", "-", "no position lacks a player")
    return table


def xi_table(xi: BestXI, title: str | None = None, highlight: str | None = None) -> Table:
    """The XI slot by slot, players out of position marked."""
    table = Table(title=title or f"Best XI ({xi.formation})")
    table.add_column("slot")
    table.add_column("player")
    table.add_column("natural")
    for place in xi.places:
        member = place.member
        if member is None:
            table.add_row(place.slot.name, "[dim](nobody)[/]", "-")
            continue
        name = f"[bold yellow]{member.name}[/]" if member.name == highlight else member.name
        natural = str(member.role.natural)
        if place.penalty:
            natural += f" (out of position, -{place.penalty:.0%})"
        table.add_row(place.slot.name, name, natural)
    return table


def squad_view(report: SquadReport) -> RenderableType:
    """The whole squad report: depth chart, needs and best XI."""
    header = f"[bold]{escape(report.club.name)}[/] as of {report.chart.as_of.isoformat()}"
    source = Text(f"squad from {report.source}", style="dim")
    return Group(header, source, depth_table(report.chart), needs_table(report.needs), xi_table(report.xi))


def fit_view(fit: Fit, club_name: str) -> RenderableType:
    """The fit with its explanation, the incumbents and the what-if XI."""
    header = (
        f"[bold]{fit.target.player}[/] at [bold]{club_name}[/]: "
        f"{fit.position} ({fit.position.label}), fit [bold]{fit.score:.2f}[/]"
    )
    incumbents = Table(title=f"Incumbents at {fit.position}")
    for column in ("player", "value", "age", "contract", "available"):
        incumbents.add_column(column)
    for row in (fit.target, *fit.incumbents):
        incumbents.add_row(
            f"[bold yellow]{row.player}[/]" if row is fit.target else row.player,
            _money(row.market_value_eur),
            str(row.age) if row.age is not None else "-",
            row.contract_expiry.isoformat() if row.contract_expiry else "-",
            "yes" if row.available else "no",
        )
    lines = "\n".join(f"  {line}" for line in fit.explanation)
    return Group(
        header,
        lines,
        incumbents,
        xi_table(fit.xi_after, f"What-if XI ({fit.xi_after.formation})", highlight=fit.target.player),
    )
