"""How every face words a status check that found no status published: "not published", never
a tick. A light module (the report and translation only), so a window can word checks without
loading the status-list machinery (HTTP, Data Integrity) at start-up."""

from __future__ import annotations

from wallet.translation import Sentence, tr
from wallet.verify.report import CheckResult

STATUS_CHECK_ID = "status"


def no_status_published(check: CheckResult) -> bool:
    """Whether ``check`` is a status check that found no status published for the credential
    (shown as "not published", not as OK)."""
    return check.id == STATUS_CHECK_ID and check.details.get("published") is False


def not_published_text() -> Sentence:
    """The outcome a face shows for :func:`no_status_published` (a sentence, in any language)."""
    return tr("not published")
