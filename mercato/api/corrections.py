"""Endpoints for corrections: reject or fix a claim, merge or split sagas (behind the token),
and list the corrections made."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, HTTPException

from mercato.api.convert import correction_out
from mercato.api.deps import Kb, StoreDep, require_token
from mercato.api.params import Id
from mercato.api.schemas import CorrectionOut, ErrorOut, FixIn, MergeIn, RejectIn, SplitIn
from mercato.sagas.corrections import Correction
from mercato.store import Store
from mercato.store.corrections import (
    fix_claim,
    merge_stored_sagas,
    reject_claim,
    split_stored_saga,
    stored_corrections,
)
from mercato.store.saga_refresh import refresh_sagas

__all__ = ["router"]

router = APIRouter(tags=["corrections"], responses={404: {"model": ErrorOut}})
_WRITE: dict[str, Any] = {
    "status_code": 201,
    "response_model": CorrectionOut,
    "dependencies": [Depends(require_token)],
    "responses": {401: {"model": ErrorOut}, 403: {"model": ErrorOut}},
}


def _made(store: Store, kb: Kb, make: Callable[[], Correction]) -> CorrectionOut:
    """Make a correction (a bad value is a 422 naming it) and rebuild the sagas with it."""
    try:
        correction = make()
    except ValueError as error:
        raise HTTPException(422, str(error)) from None
    refresh_sagas(store, kb)
    return correction_out(correction)


@router.post("/claims/{claim_id}/reject", **_WRITE)
def post_reject(claim_id: Id, body: RejectIn, store: StoreDep, kb: Kb) -> CorrectionOut:
    """Mark a claim wrong: it leaves its saga, the likelihood and the sources' records."""
    return _made(store, kb, lambda: reject_claim(store, claim_id, body.by, body.reason))


@router.post("/claims/{claim_id}/fix", **_WRITE)
def post_fix(claim_id: Id, body: FixIn, store: StoreDep, kb: Kb) -> CorrectionOut:
    """Fix fields of a claim (those the body gives)."""
    fields = body.model_dump(include={"player", "from_club", "to_club", "stage", "deal_type"}, exclude_none=True)
    return _made(store, kb, lambda: fix_claim(store, claim_id, fields, body.by, body.reason))


@router.post("/sagas/merge", **_WRITE)
def post_merge(body: MergeIn, store: StoreDep, kb: Kb) -> CorrectionOut:
    """Merge saga ``other`` into saga ``into`` (one player's)."""
    return _made(store, kb, lambda: merge_stored_sagas(store, body.into, body.other, body.by, body.reason))


@router.post("/sagas/{saga_id}/split", **_WRITE)
def post_split(saga_id: Id, body: SplitIn, store: StoreDep, kb: Kb) -> CorrectionOut:
    """Split a saga in two from a day on."""
    return _made(store, kb, lambda: split_stored_saga(store, saga_id, body.at, body.by, body.reason))


@router.get("/corrections", response_model=list[CorrectionOut])
def list_corrections(store: StoreDep) -> list[CorrectionOut]:
    """Every correction, the oldest first."""
    return [correction_out(c) for c in stored_corrections(store)]
