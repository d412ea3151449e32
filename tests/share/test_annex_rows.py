"""One row builder for the terminal, the GUI and the PDF: the same rows in the same order,
written the way each face writes dates, numbers and organisations."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from wallet.formats import parse_credential
from wallet.share.annex_rows import ANNEX_ORDER, annex_rows, row_order
from wallet.share.view_text import TERMINAL, render_view, view_lines

SAMPLE = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "edc"
VIEW = parse_credential((SAMPLE / "Sample-MC-Annex1-signed.jsonld").read_bytes()).view


def test_terminal_and_document_rows_share_order_and_folded_fields() -> None:
    # GIVEN the EU's sample micro-credential
    # WHEN its rows are built for a document and for the terminal
    document = {row.key: row.value for row in annex_rows(VIEW, "en")}
    terminal = {row.key: row.value for row in annex_rows(VIEW, "en", TERMINAL)}
    # THEN both have every row in Annex I order, and fold ECTS, hours and levels alike
    assert list(document) == list(terminal) == list(row_order())
    assert document["workload"] == terminal["workload"] == "2 ECTS, 60 hours"
    assert document["level"] == terminal["level"] == "EQF 6, RQF Level 6"
    # AND only the writing differs: the terminal's ISO dates and one-line organisations
    assert terminal["issued"] == "2023-09-27T13:54:17+02:00"
    assert document["issued"] == "27 September 2023"
    assert terminal["awarding_body"] == "University of Zed, urn:epass:org:1, Ireland"
    assert document["awarding_body"] == "University of Zed\nurn:epass:org:1\nIreland\nhttps://uniz.edu"


def test_kredo_show_lists_the_annex_rows_then_each_learning_outcome() -> None:
    # GIVEN the sample WHEN it is shown in the terminal
    lines = list(view_lines(VIEW, "en"))
    labels = [label for label, _ in lines]
    # THEN the Annex I rows come in their order, missing ones as a dash, outcomes one by one
    assert labels[: len(ANNEX_ORDER)] == [
        "Title", "Learner", "Learner identifier", "Awarding body", "Issuer (signed by)",
        "Country of the issuer", "Date of issue", "Valid from", "Valid until",
        "Notional workload", "Level", "Type of assessment", "Form of participation",
        "Quality assurance", "Prerequisites", "Supervision and identity verification", "Grade",
        "Integration and stackability", "Further information", "Description",
        "Credential id", "Learning outcomes",
    ]
    assert dict(lines)["Valid until"] == "—"
    assert lines[-2:] == [
        ("  1.", "Communication, collaboration and creativity"),
        ("  2.", "Developing digital content"),
    ]
    assert "Notional workload                      2 ECTS, 60 hours" in render_view(VIEW)


def test_a_date_of_birth_written_as_utc_midnight_elsewhere_is_the_day_it_was_meant() -> None:
    # GIVEN dates of birth as issuers write them: local midnight turned into UTC (Prague in
    # summer, New York), a bare date, a local offset, and text that is no date at all
    cases = {
        "1999-10-01T22:00:00Z": ("2. 10. 1999", "2 October 1999"),
        "1999-10-02T05:00:00Z": ("2. 10. 1999", "2 October 1999"),
        "1999-10-02": ("2. 10. 1999", "2 October 1999"),
        "1999-10-02T00:00:00+02:00": ("2. 10. 1999", "2 October 1999"),
        "sometime in 1999": ("sometime in 1999", "sometime in 1999"),
    }
    for written, (czech, english) in cases.items():
        view = replace(VIEW, learner_birth_date=written)
        # WHEN the document rows are built in Czech and English
        cs_rows = {row.key: row.value for row in annex_rows(view, "cs")}
        en_rows = {row.key: row.value for row in annex_rows(view, "en")}
        # THEN the row holds the calendar date, never the time of day
        assert cs_rows["learner_birth_date"] == czech, written
        assert en_rows["learner_birth_date"] == english, written
