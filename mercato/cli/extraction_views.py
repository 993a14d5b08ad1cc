"""Rich renderings for the extraction commands: ingest reports, ingest errors, eval figures, explained claims."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

from mercato.evaluate.score import EvalReport
from mercato.extract.decide import Decisions, ExtractorModel
from mercato.model import Article, ExtractionResult
from mercato.store import IngestError

if TYPE_CHECKING:  # the pipeline imports extraction, which these tables do not need
    from mercato.pipeline import IngestReport

__all__ = ["error_table", "eval_report", "explained_claims", "ingest_summary"]


def _cell(value: str | date | int | None) -> Text:
    """A table cell shown as written: article text may hold brackets Rich would read as markup."""
    return Text("-" if value is None else str(value))


def ingest_summary(report: IngestReport) -> str:
    """One line: what an ingest run read, stored and failed, and how fast."""
    return (
        f"{report.read} articles read: {report.new} new, {report.duplicates} already stored, "
        f"{report.failed} failed, {report.undated} undated; {report.seconds:.1f} s, "
        f"{report.articles_per_second:.1f} articles/s"
    )


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def error_table(errors: Sequence[IngestError]) -> Table:
    """Recorded ingest errors: the input, the reason, what to do, and when."""
    table = Table("Input", "Reason", "What to do", "When", title="Ingest errors")
    for error in errors:
        table.add_row(_cell(error.source), _cell(error.reason), _cell(error.hint), _cell(_when(error.at)))
    return table


def eval_report(title: str, report: EvalReport, rules: EvalReport) -> Group:
    """The figures of a run beside those of the rules alone, measure by measure, then the
    run's misses per article."""
    figures = Table(title="Extraction against gold", show_header=True)
    figures.add_column("measure")
    figures.add_column(title, justify="right")
    figures.add_column("rules only", justify="right")
    theirs = rules.figures()
    for name, value in report.figures().items():
        figures.add_row(name, *(f"{v:.3f}" if isinstance(v, float) else str(v) for v in (value, theirs[name])))
    misses = Table(title="Misses", show_header=True)
    misses.add_column("article")
    misses.add_column("miss")
    for article, lines in report.misses.items():
        for line in lines:
            misses.add_row(article, _cell(line))
    return Group(figures, misses)


def explained_claims(article: Article, result: ExtractionResult, decisions: Decisions, model: ExtractorModel) -> Table:
    """Each claim of an article with the model's score and the features that weighed most."""
    title = f"{article.source or article.id}: {len(result.claims)} rumours, {len(result.renewals)} renewals"
    table = Table(title=title)
    table.add_column("claim")
    table.add_column("score", justify="right")
    table.add_column("top features (weight)")
    for claim, decision in zip(result.claims, decisions.pairs, strict=True):
        move = f"{claim.player}: {claim.from_club or '?'} -> {claim.to_club} ({claim.stage}, {claim.deal_type})"
        table.add_row(
            _cell(move), f"{decision.score:.2f}", _reasons(model.destination.reasons(decision.features.names))
        )
    for renewal, chosen in zip(result.renewals, decisions.renewals, strict=True):
        table.add_row(
            _cell(f"{renewal.player}: renews at {renewal.club} ({renewal.stage})"),
            f"{chosen.score:.2f}",
            _reasons(model.renewal.reasons(chosen.features.names)),
        )
    return table


def _reasons(reasons: tuple[tuple[str, float], ...]) -> Text:
    return Text("\n".join(f"{name} ({weight:+.2f})" for name, weight in reasons) or "-")
