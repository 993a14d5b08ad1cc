"""The extraction contract of design.md: claims to and from its JSON shape."""

from __future__ import annotations

from mercato.model import ExtractionResult, RenewalClaim, TransferClaim

__all__ = ["renewal_json", "result_json", "rumour_json"]


def rumour_json(claim: TransferClaim) -> dict[str, object]:
    """One rumour as the contract writes it."""
    return {
        "player": claim.player,
        "from_club": claim.from_club,
        "to_club": claim.to_club,
        "stage": claim.stage.value,
        "deal_type": claim.deal_type.value,
        "fee": None
        if claim.fee is None
        else {
            "amount": claim.fee.amount,
            "currency": claim.fee.currency,
            "add_ons": claim.fee.add_ons,
        },
        "reported_by": claim.reported_by,
        "evidence": claim.evidence.sentence,
    }


def renewal_json(claim: RenewalClaim) -> dict[str, object]:
    """One renewal as the contract writes it."""
    return {"player": claim.player, "club": claim.club, "stage": claim.stage.value, "evidence": claim.evidence.sentence}


def result_json(result: ExtractionResult) -> dict[str, object]:
    """One article's extraction as the contract writes it."""
    return {
        "id": result.article_id,
        "rumours": [rumour_json(c) for c in result.claims],
        "renewals": [renewal_json(r) for r in result.renewals],
    }
