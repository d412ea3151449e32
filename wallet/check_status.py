"""The four outcomes of a check, from a signature's parts in ``crypto`` to the report.

One vocabulary for every layer (DESIGN: each check is ``ok | warning | skipped | failed``):
the crypto verifiers say ``ok``, ``failed`` or ``skipped`` about each part they check, and
the verification report adds ``warning``. It lives in the base so that crypto, which may not
import ``verify``, speaks the report's words and nothing has to translate between two enums.
"""

from __future__ import annotations

import enum


class CheckStatus(enum.StrEnum):
    OK = "ok"
    WARNING = "warning"
    SKIPPED = "skipped"
    FAILED = "failed"
