"""The saga side: claims merged into sagas, each saga's likelihood, each source's track record.

- ``merge.py``: claims about one player and one destination club merged across articles
  (stage, closing, timeline, stage changes); its names are exported here;
- ``likelihood.py``: how likely a saga is to complete, factor by factor (docs/likelihood.md);
- ``sources.py``: each outlet's and journalist's reliability from its track record;
- ``calibrate.py``: the likelihood's weights fitted against real transfers;
- ``assess.py``: the assess step, all of the above over one set of claims as of a date.

Pure functions over reported claims: no database, no terminal, no clock. The store runs the
assess step over what it holds (``mercato.store.saga_refresh``).
"""

from __future__ import annotations

from mercato.sagas.merge import (
    Change,
    ReportedClaim,
    ReportedRenewal,
    SagaKey,
    StageChange,
    feed,
    group_by_saga,
    is_credible,
    merge_sagas,
    saga_stage,
    stage_changes,
    timeline,
)

__all__ = [
    "Change",
    "ReportedClaim",
    "ReportedRenewal",
    "SagaKey",
    "StageChange",
    "feed",
    "group_by_saga",
    "is_credible",
    "merge_sagas",
    "saga_stage",
    "stage_changes",
    "timeline",
]
