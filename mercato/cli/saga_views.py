"""Rich renderings for the saga commands: sagas, claims, likelihoods, the feed, sources, calibration."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from rich.console import Group
from rich.table import Table
from rich.text import Text

from mercato.sagas import ReportedClaim
from mercato.sagas.assess import AssessedSaga
from mercato.sagas.calibrate import Bin, CalibrationReport
from mercato.sagas.sources import SourceRecord
from mercato.store.saga_queries import FeedRow, SagaSummary

__all__ = ["calibration_view", "claim_list", "feed_table", "likelihood_table", "saga_table", "source_table"]


def _cell(value: object) -> Text:
    """A cell shown as written: names and sentences may hold brackets Rich would read."""
    return Text("-" if value is None else str(value), overflow="fold")  # wrapped, never cut


def saga_table(sagas: Sequence[SagaSummary], total: int, offset: int, as_of: date | None) -> Table:
    """Stored sagas as rows: player, from, to, stage, likelihood, articles, first and last seen."""
    shown = f"{offset + 1}-{offset + len(sagas)} of {total}" if len(sagas) < total else f"{total}"
    title = f"Sagas ({shown}), likelihoods as of {as_of or 'the newest article'}"
    table = Table("Player", "From", "To", "Stage", "Likelihood", "Articles", "First seen", "Last seen", title=title)
    for saga in sagas:
        table.add_row(
            _cell(saga.player.name),
            _cell(saga.from_club.name if saga.from_club else None),
            _cell(saga.to_club.name),
            _cell(saga.stage),
            _cell(None if saga.likelihood is None else f"{saga.likelihood:.0%}"),
            _cell(saga.articles),
            _cell(saga.first_seen),
            _cell(saga.last_seen),
        )
    return table


def claim_list(claims: Sequence[ReportedClaim]) -> Group:
    """Claims in time order, each in full: date, outlet and whom it cites, the move (from, to,
    stage, terms), the sentence, the article's link and the claim's id, and the corrections
    made to it. Nothing is cut: lines wrap."""
    blocks: list[Text] = [Text("Claims", style="bold")]
    for reported in claims:
        claim = reported.claim
        terms = [claim.deal_type.value] + ([str(claim.fee)] if claim.fee else [])
        cited = f", reported by {claim.reported_by}" if claim.reported_by else ""
        block = Text(f"{reported.published or 'undated'}  {reported.outlet or 'unknown outlet'}{cited}\n")
        block.append(f"  {claim.player}: {claim.from_club or '?'} -> {claim.to_club}, ", style="bold")
        block.append(f"{claim.stage}{' (hedged)' if claim.hedged else ''}, {', '.join(terms)}\n")
        block.append(f'  "{claim.evidence.sentence}"\n')
        block.append(f"  {reported.url or 'no link'} (article {claim.article_id}, claim {reported.claim_id})")
        for note in reported.corrections:
            block.append(f"\n  corrected: {note}", style="italic")
        blocks.append(block)
    return Group(*blocks)


def _log_odds(value: float) -> str:
    if math.isinf(value):
        return "final"
    return f"{value:+.2f}"


def likelihood_table(item: AssessedSaga) -> Table:
    """One saga's likelihood with each factor's contribution in log-odds."""
    saga, likelihood = item.saga, item.likelihood
    value = "-" if likelihood is None else f"{likelihood.value:.0%}"
    title = f"{saga.player} -> {saga.to_club}: {saga.stage}, likelihood {value}"
    if saga.reason:
        title += f" ({saga.reason})"
    table = Table("Factor", "Read", "Log-odds", title=Text(title), title_justify="left")
    for factor in likelihood.factors if likelihood else ():
        table.add_row(_cell(factor.name), _cell(factor.value), _log_odds(factor.contribution))
    return table


def feed_table(changes: Sequence[FeedRow]) -> Table:
    """Stage changes in time order: day, player, destination, change, stage, source."""
    table = Table("Day", "Player", "To", "Change", "Stage", "Source", "Reason", title="Feed")
    for change in changes:
        stage = f"{change.previous} -> {change.stage}" if change.previous else str(change.stage)
        table.add_row(
            _cell(change.day),
            _cell(change.player),
            _cell(change.to_club),
            _cell(change.change),
            _cell(stage),
            _cell(change.source),
            _cell(change.reason),
        )
    return table


def source_table(records: Sequence[SourceRecord]) -> Table:
    """Sources with claims, hits, misses and reliability with its 90% interval; a source with
    too few scored predictions to rank says so."""
    table = Table("Source", "Kind", "Tier", "Claims", "Hits", "Misses", "Reliability", "90% interval", title="Sources")
    for record in records:
        low, high = record.interval
        table.add_row(
            _cell(record.name),
            _cell(record.kind),
            _cell(record.tier),
            str(record.claims),
            str(record.hits),
            str(record.misses),
            f"{record.reliability:.2f}"
            if record.ranked
            else f"{record.reliability:.2f} (too few scored: {record.scored})",
            f"{low:.2f}-{high:.2f}",
        )
    return table


def _bins(title: str, bins: Sequence[Bin]) -> Table:
    table = Table("Predicted", "Sagas", "Mean predicted", "Came true", title=title)
    for row in bins:
        empty = row.count == 0
        table.add_row(
            f"{row.low:.1f}-{row.high:.1f}",
            str(row.count),
            "-" if empty else f"{row.mean_predicted:.2f}",
            "-" if empty else f"{row.observed:.2f}",
        )
    return table


def calibration_view(report: CalibrationReport) -> Group:
    """Brier scores of the model and the stage-only baseline, and both reliability tables."""
    figures = Table("Measure", "Value", title="Calibration (cross-validated by player)")
    figures.add_row("sagas labelled", str(report.sagas_labelled))
    figures.add_row("came true", str(report.came_true))
    figures.add_row("folds", str(report.folds))
    figures.add_row("Brier, model", f"{report.brier:.4f}")
    figures.add_row("Brier, stage-only baseline", f"{report.baseline_brier:.4f}")
    figures.add_row("Brier, model with prior weights", f"{report.prior_brier:.4f}")
    weights = Table("Weight", "Value", title="Weights fitted on every labelled saga")
    for name, value in report.model.weights.items():
        weights.add_row(name, f"{value:+.3f}")
    return Group(
        figures,
        _bins("Reliability: model", report.model_table),
        _bins("Reliability: stage-only baseline", report.baseline_table),
        weights,
    )
