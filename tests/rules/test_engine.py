"""The engine on small constructed moves: one rule behaviour per test."""

from __future__ import annotations

from datetime import date

import pytest

from mercato.rules import CompensationKind, Move, MoveCase, RuleOptions, check_move, load_rulebook
from mercato.rules.calendar import six_month_date, third_friday_of_may

BOOK = load_rulebook()


def _case(**changes: object) -> MoveCase:
    values: dict[str, object] = {
        "player": "A. Player",
        "to_club": "Club B",
        "to_association": "ESP",
        "from_club": "Club A",
        "from_association": "ENG",
        "birth_date": date(1995, 3, 1),
        "contract_expiry": date(2025, 6, 30),
    }
    values.update(changes)
    return MoveCase(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "expiry, opens",
    [
        (date(2025, 6, 30), date(2025, 1, 1)),
        (date(2025, 5, 31), date(2024, 12, 1)),
        (date(2025, 12, 31), date(2025, 7, 1)),
        (date(2025, 8, 30), date(2025, 2, 28)),  # 31 Aug - 6 months: clamped to February's end
    ],
)
def test_six_month_date_is_day_after_expiry_less_six_months(expiry: date, opens: date) -> None:
    assert six_month_date(expiry) == opens


def test_international_talks_open_on_the_six_month_date_not_the_day_before() -> None:
    before = check_move(_case(), BOOK, date(2024, 12, 31))
    on = check_move(_case(), BOOK, date(2025, 1, 1))
    assert (before.may_negotiate, on.may_negotiate) == (False, True)
    assert before.move is Move.TRANSFER and on.move is Move.PRE_CONTRACT
    assert "FIFA-18.3-BEFORE" in [r.id for r in before.rules]
    assert "FIFA-18.3-SIXMONTH" in [r.id for r in on.rules]


def test_notice_is_required_while_under_contract_and_not_after() -> None:
    assert check_move(_case(), BOOK, date(2025, 2, 1)).must_notify_current_club is True
    assert check_move(_case(), BOOK, date(2025, 7, 2)).must_notify_current_club is False


def test_english_domestic_talks_wait_for_the_day_after_the_final_matchday() -> None:
    case = _case(to_association="ENG")
    january = check_move(case, BOOK, date(2025, 1, 15))
    assert january.may_negotiate is False
    assert january.earliest_negotiation_date == date(2025, 5, 26)
    assert check_move(case, BOOK, date(2025, 5, 26)).may_sign_precontract is True


def test_english_approach_date_is_configurable() -> None:
    verdict = check_move(_case(to_association="ENG"), BOOK, date(2025, 5, 21), RuleOptions(england_approach="05-20"))
    assert verdict.may_negotiate is True
    assert verdict.earliest_negotiation_date == date(2025, 5, 20)


def test_english_approach_falls_back_to_third_friday_of_may_without_a_final_matchday() -> None:
    verdict = check_move(_case(to_association="ENG", contract_expiry=date(2031, 6, 30)), BOOK, date(2031, 1, 10))
    assert verdict.earliest_negotiation_date == third_friday_of_may(2031) == date(2031, 5, 16)


def test_spanish_domestic_move_needs_no_written_notice() -> None:
    verdict = check_move(_case(from_association="ESP"), BOOK, date(2025, 2, 1))
    assert verdict.must_notify_current_club is False
    assert "ESP-DOMESTIC" in [r.id for r in verdict.rules]


def test_free_agent_out_before_the_window_closed_registers_outside_it() -> None:
    verdict = check_move(_case(), BOOK, date(2025, 10, 20))
    assert verdict.earliest_registration_date == date(2025, 10, 20)
    assert "FIFA-6-FREEAGENT" in [r.id for r in verdict.rules]


def test_player_released_after_the_window_closed_waits_for_the_next_one() -> None:
    verdict = check_move(_case(contract_expiry=date(2025, 9, 15)), BOOK, date(2025, 10, 1))
    assert verdict.move is Move.FREE_AGENT
    assert verdict.earliest_registration_date == date(2026, 1, 2)


def test_club_world_cup_period_opens_in_listed_associations_only() -> None:
    long_contract = {"contract_expiry": date(2029, 6, 30)}
    spain = check_move(_case(**long_contract), BOOK, date(2025, 5, 20))
    netherlands = check_move(_case(to_association="NED", **long_contract), BOOK, date(2025, 5, 20))
    assert spain.earliest_registration_date == date(2025, 6, 1)
    assert "FIFA-6-CWC2025" in [r.id for r in spain.rules]
    assert netherlands.earliest_registration_date == date(2025, 7, 1)


def test_transfer_under_contract_owes_fee_solidarity_and_training_compensation_under_23() -> None:
    verdict = check_move(_case(birth_date=date(2004, 1, 1), contract_expiry=date(2028, 6, 30)), BOOK, date(2025, 7, 10))
    assert verdict.compensation_kinds == (
        CompensationKind.TRANSFER_FEE,
        CompensationKind.SOLIDARITY_CONTRIBUTION,
        CompensationKind.TRAINING_COMPENSATION,
    )


def test_training_compensation_ends_with_the_calendar_year_of_the_23rd_birthday() -> None:
    case = _case(birth_date=date(2001, 12, 1), contract_expiry=date(2028, 6, 30))
    in_2024 = check_move(case, BOOK, date(2024, 8, 15))  # the year he turns 23
    in_2025 = check_move(case, BOOK, date(2025, 1, 15))
    assert CompensationKind.TRAINING_COMPENSATION in in_2024.compensation_kinds
    assert CompensationKind.TRAINING_COMPENSATION not in in_2025.compensation_kinds


def test_eu_offer_rule_removes_training_compensation_when_no_contract_was_offered() -> None:
    case = _case(from_association="FRA", birth_date=date(2004, 1, 1))
    offered = check_move(case, BOOK, date(2025, 7, 2))
    not_offered = check_move(case, BOOK, date(2025, 7, 2), RuleOptions(assume_contract_offered=False))
    assert offered.compensation_kinds == (CompensationKind.TRAINING_COMPENSATION,)
    assert not_offered.compensation_due is False
    assert "FIFA-A4-EU-OFFER" in [r.id for r in not_offered.rules]


@pytest.mark.parametrize(
    "born, kinds",
    [
        (date(2002, 1, 1), (CompensationKind.TRIBUNAL_COMPENSATION,)),  # 23 at expiry
        (date(2001, 6, 30), ()),  # 24 on the day his contract ends
    ],
)
def test_english_under_24_compensation_turns_on_age_at_expiry(born: date, kinds: tuple[CompensationKind, ...]) -> None:
    verdict = check_move(_case(to_association="ENG", birth_date=born), BOOK, date(2025, 7, 2))
    assert verdict.compensation_kinds == kinds


def test_international_loan_caps_follow_the_season() -> None:
    loan = _case(is_loan=True, contract_expiry=date(2028, 6, 30))
    season_22 = check_move(loan, BOOK, date(2022, 8, 1))
    season_24 = check_move(loan, BOOK, date(2024, 8, 1))
    assert season_22.loan_limits is not None and season_24.loan_limits is not None
    assert (season_22.loan_limits.max_loaned_out, season_24.loan_limits.max_loaned_out) == (8, 6)
    assert season_24.loan_limits.max_per_club == 3 and season_24.loan_limits.max_months == 12


def test_loan_of_a_player_aged_21_or_younger_is_exempt_from_the_caps() -> None:
    loan = _case(is_loan=True, birth_date=date(2004, 9, 1), contract_expiry=date(2028, 6, 30))
    verdict = check_move(loan, BOOK, date(2025, 8, 1))  # turns 21 in the 2025-26 season
    assert verdict.loan_limits is not None and verdict.loan_limits.exempt is True
    assert "FIFA-10-EXEMPT" in [r.id for r in verdict.rules]


def test_french_domestic_loans_use_the_national_limits() -> None:
    loan = _case(is_loan=True, from_association="FRA", to_association="FRA", contract_expiry=date(2028, 6, 30))
    limits = check_move(loan, BOOK, date(2024, 8, 1)).loan_limits
    assert limits is not None and (limits.max_loaned_in, limits.max_loaned_out) == (5, 7)


def test_unverified_rules_are_applied_and_flagged() -> None:
    verdict = check_move(_case(to_association="ENG"), BOOK, date(2025, 6, 1))
    assert verdict.may_negotiate is True
    assert "ENG-APPROACH-OPEN" in verdict.unverified_rules


def test_unknown_expiry_leaves_negotiation_undecided_with_a_note() -> None:
    verdict = check_move(_case(contract_expiry=None), BOOK, date(2025, 2, 1))
    assert verdict.may_negotiate is None
    assert any("contract expiry unknown" in note for note in verdict.notes)
