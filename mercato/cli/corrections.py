"""Corrections: claims reject and fix, sagas merge and split, corrections list and export."""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mercato.cli import common
from mercato.cli.common import Json, fail, open_store

if TYPE_CHECKING:
    from mercato.sagas.corrections import Correction

__all__ = ["claims_app", "corrections_app", "merge", "split"]

claims_app = typer.Typer(
    help="Correct stored claims: reject one, or fix its fields.", no_args_is_help=True, rich_markup_mode=None
)
corrections_app = typer.Typer(
    help="The corrections made: list them, export them as gold articles.", no_args_is_help=True
)

Reason = Annotated[str, typer.Option("--reason", metavar="TEXT", help="Why: shown with the correction.")]
By = Annotated[str | None, typer.Option("--by", metavar="NAME", help="Who corrects (default: the system user).")]


def _done(correction: Correction) -> None:
    common.console.print(f"correction {correction.id}: {correction.describe()}", highlight=False, markup=False)


def _correct(action: Callable[[], Correction]) -> None:
    """Run a correction, ending the command with one line if its input is wrong."""
    from mercato.errors import MercatoError

    try:
        _done(action())
    except (MercatoError, ValueError) as error:
        fail(error)


@claims_app.command("reject")
def reject(
    claim_id: Annotated[int, typer.Argument(metavar="ID", help="The claim's id (mercato show prints it).")],
    reason: Reason,
    by: By = None,
) -> None:
    """Mark a claim wrong: it leaves its saga, the likelihood and the sources' records, and
    stays rejected after re-ingest and re-extraction."""
    from mercato.store.corrections import reject_claim

    _correct(lambda: reject_claim(open_store(), claim_id, by or getpass.getuser(), reason))


@claims_app.command("fix")
def fix(
    claim_id: Annotated[int, typer.Argument(metavar="ID", help="The claim's id (mercato show prints it).")],
    reason: Reason,
    player: Annotated[str | None, typer.Option(metavar="NAME", help="The right player.")] = None,
    from_club: Annotated[
        str | None, typer.Option(metavar="CLUB", help="The right club he leaves ('' for none).")
    ] = None,
    to_club: Annotated[str | None, typer.Option(metavar="CLUB", help="The right destination.")] = None,
    stage: Annotated[str | None, typer.Option(metavar="STAGE", help="The right stage.")] = None,
    deal_type: Annotated[str | None, typer.Option(metavar="TYPE", help="The right deal type.")] = None,
    by: By = None,
) -> None:
    """Fix fields of a claim; the fix holds after re-ingest and re-extraction."""
    from mercato.store.corrections import fix_claim

    given = {"player": player, "from_club": from_club, "to_club": to_club, "stage": stage, "deal_type": deal_type}
    changes = {name: value for name, value in given.items() if value is not None}
    _correct(lambda: fix_claim(open_store(), claim_id, changes, by or getpass.getuser(), reason))


def merge(
    into: Annotated[int, typer.Argument(metavar="A", help="The saga that stays (its id).")],
    other: Annotated[int, typer.Argument(metavar="B", help="The saga merged into it (its id).")],
    reason: Reason,
    by: By = None,
) -> None:
    """Merge saga B into saga A (one player's): B's claims join A's club and episode."""
    from mercato.store.corrections import merge_stored_sagas

    _correct(lambda: merge_stored_sagas(open_store(), into, other, by or getpass.getuser(), reason))


def split(
    saga_id: Annotated[int, typer.Argument(metavar="ID", help="The saga's id.")],
    at: Annotated[str, typer.Option("--at", metavar="DATE", help="The first day of the second saga.")],
    reason: Reason,
    by: By = None,
) -> None:
    """Split a saga in two: its claims from DATE on become a saga of their own."""
    from mercato.store.corrections import split_stored_saga

    try:
        day = date.fromisoformat(at)
    except ValueError:
        fail(Exception(f"--at {at!r}: not a date; write it as YYYY-MM-DD"))
    _correct(lambda: split_stored_saga(open_store(), saga_id, day, by or getpass.getuser(), reason))


@corrections_app.command("list")
def list_corrections(as_json: Json = False) -> None:
    """Every correction, the oldest first: what, to which claim or saga, by whom, when, why."""
    from mercato.api.convert import correction_out
    from mercato.store.corrections import stored_corrections

    found = stored_corrections(open_store())
    if as_json:
        typer.echo(json.dumps([correction_out(c).model_dump(mode="json") for c in found], ensure_ascii=False, indent=2))
        return
    if not found:
        common.console.print("No corrections made.")
    for c in found:
        what = f"article {c.article_id}" if c.article_id else f"saga first seen {c.first_seen}"
        line = f"{c.id}. {c.player} -> {c.to_club} ({what}): {c.describe()}"
        common.console.print(line, highlight=False, markup=False, soft_wrap=True)


@corrections_app.command("export")
def export_corrections(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="The folder to write the gold articles into.")],
) -> None:
    """Write each corrected article in the gold-article format of the dev articles (its
    claims as corrected, its renewals), so that the corrections can join the training data."""
    from mercato.extract.contract import renewal_json, rumour_json
    from mercato.store import articles, claims
    from mercato.store.corrections import stored_corrections
    from mercato.store.saga_tables import read_renewals

    store = open_store()
    every = claims(store)
    wanted = {r.claim.article_id for r in every if r.corrections}
    wanted |= {c.article_id for c in stored_corrections(store) if c.article_id}  # a rejection leaves no claim
    renewals = read_renewals(store)
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = 0
        for article in articles(store):
            if article.id not in wanted:
                continue
            notes = sorted({note for r in every if r.claim.article_id == article.id for note in r.corrections})
            gold = {
                "id": article.id,
                "url": article.url,
                "published": article.published.isoformat() if article.published else None,
                "outlet": article.outlet,
                "text": article.text,
                "rumours": [rumour_json(r.claim) for r in every if r.claim.article_id == article.id],
                "renewals": [renewal_json(r.renewal) for r in renewals if r.renewal.article_id == article.id],
                "notes": "Corrected in Mercato: " + ("; ".join(notes) if notes else "claims rejected"),
            }
            (out / f"{article.id}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n")
            written += 1
    except OSError as error:
        fail(Exception(f"{out}: cannot write the articles ({error.strerror}); check the folder"))
    common.console.print(f"{written} corrected articles written to {out}", highlight=False, markup=False)
