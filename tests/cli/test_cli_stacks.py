"""`kredo stack`: what is stacked, each credential once, failed ones left out and named, totals
by EQF level and awarding body, in the reader's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.cli.conftest import VECTORS, Kredo
from wallet.translation import set_language

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
UNSEALED = VECTORS / "edc" / "Sample-MC-Annex1-unsigned.jsonld"
UPLOAD = VECTORS / "edc" / "Sample-MC-Annex1-unsigned-uploadable.json"
MUNI = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"


def _wallet(kredo: Kredo) -> list[int]:
    assert kredo("init", "--passphrase").code == 0
    imported = kredo("import", str(SEALED), str(UNSEALED), str(UPLOAD), str(MUNI), "--json")
    return [int(o["id"]) for o in imported.json()]  # type: ignore[attr-defined]


def test_stack_counts_a_credential_once_and_leaves_out_the_failed(kredo: Kredo) -> None:
    # GIVEN one micro-credential in three forms and a 4-ECTS one that fails verification
    sealed, _, _, muni = _wallet(kredo)
    assert kredo("verify", str(sealed)).code == 3
    assert kredo("verify", str(muni)).code == 1
    # WHEN the wallet is stacked
    result = kredo("stack")
    # THEN it says what was stacked, counts the 2 ECTS once, and names what it left out
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:5] == [
        "Stacked: the whole wallet, 4 credentials.",
        "1 credential counted: 2 ECTS, 60 hours of workload.",
        "1 credential left out: 4 ECTS not counted.",
        "Counted once: 3 copies of “Digital micro-credential creation”.",
        "Left out: “Foundations of Data Analysis in Python”: its verification failed.",
    ]
    # AND the totals come by EQF level and by awarding body, with full column titles
    assert "EQF level  Credentials  ECTS credits  Workload (hours)" in lines
    assert ["EQF", "6", "1", "2", "60"] in [line.split() for line in lines]
    assert any(line.startswith("University of Zed") for line in lines)
    assert not any(line.startswith("Masaryk University") for line in lines)


@pytest.fixture
def czech(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("KREDO_LANG", "cs")
    yield
    set_language("en")  # main() set Czech for the whole process


def test_stack_a_tag_as_json(kredo: Kredo) -> None:
    # GIVEN the Czech micro-credential tagged "data"
    *_, muni = _wallet(kredo)
    assert kredo("tag", str(muni), "data").code == 0
    # WHEN the tag is stacked as JSON
    data = kredo("stack", "--tag", "data", "--json").json()
    # THEN only it counts, not yet verified
    assert data["selection"] == {"scope": "tag", "name": "data", "ids": []}  # type: ignore[index]
    assert data["total"]["ects"] == 4  # type: ignore[index]
    assert data["by_standing"]["not_checked"]["ects"] == 4  # type: ignore[index]
    # AND ids together with a tag, or a tag nobody has, are one sentence and exit code 2
    both = kredo("stack", str(muni), "--tag", "data")
    assert (both.code, both.err.count("\n")) == (2, 1)
    missing = kredo("stack", "--tag", "nothing")
    assert (missing.code, missing.err) == (2, "kredo: No credential is tagged “nothing”.\n")


def test_stack_in_czech(kredo: Kredo, czech: None) -> None:
    # GIVEN the Czech micro-credential and the sealed one, Czech as the language
    sealed, _, _, muni = _wallet(kredo)
    # WHEN the two are stacked, with the credentials' Czech texts
    result = kredo("stack", str(sealed), str(muni), "--lang", "cs")
    # THEN every line speaks Czech, numbers included
    lines = result.out.splitlines()
    assert lines[:3] == [
        "Kumulováno: 2 vybrané certifikáty.",
        "Započítány 2 certifikáty: 6 ECTS, pracovní zátěž 160 h.",
        "2 započítané certifikáty ještě nebyly ověřeny: z celkového součtu 6 ECTS.",
    ]
    assert "Úroveň EQF  Certifikáty  Kredity ECTS  Pracovní zátěž (hodiny)" in lines
    assert any(line.startswith("Masarykova univerzita") for line in lines)
