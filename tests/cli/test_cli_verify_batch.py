"""`kredo verify --file A B DIR -`: an employer's folder of applications, one line per file, the
worst verdict as the exit code, JSON Lines, a CSV a spreadsheet opens, and a verification
record (PDF, JSON) an HR department can file."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import pty
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.conftest import VECTORS, Kredo
from tests.robustness.corpus import ob3_document, signers
from wallet.app.verifying import worst_status
from wallet.share.verification_record import in_language
from wallet.verify.engine import verify_file_bytes
from wallet.verify.report import CHECK_IDS, VerificationReport

REPO_ROOT = Path(__file__).resolve().parents[2]
FRESH = 188  # with the copies, tampered and unsupported files and the problems: 200 files


@dataclass(frozen=True)
class Applications:
    folder: Path
    credentials: list[Path]  # every file holding a credential
    problems: list[Path]  # files no credential can come from: a note, a FIFO, a dead link
    tampered: list[Path]
    unsupported: Path


def _tampered(raw: bytes) -> bytes:
    """One word more in a badge's name; one letter changed in a sealed EDC's payload."""
    document = json.loads(raw)
    if "payload" in document:
        at = document["payload"].index('"en":"') + 6
        document["payload"] = document["payload"][:at] + "X" + document["payload"][at + 1:]
    else:
        document["name"] = document["name"] + " (with honours)"
    return json.dumps(document).encode()


@pytest.fixture(scope="module")
def applications(tmp_path_factory: pytest.TempPathFactory) -> Applications:
    """200 files: fresh OB 3.0 eddsa-rdfc-2022 badges, real third-party vectors, tampered
    copies, a badge in a cryptosuite Kredo cannot check, a note, a FIFO and a dead link."""
    folder = tmp_path_factory.mktemp("applications")
    keys = signers()
    credentials, tampered = [], []
    for n in range(FRESH):
        path = folder / "fresh" / f"badge-{n:03d}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(keys.data_integrity(ob3_document(keys.ed_did, n), "eddsa-rdfc-2022"))
        credentials.append(path)
    for vector in (VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json",
                   VECTORS / "w3c" / "eddsa-rdfc-2022-signedDataInt.json",
                   VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"):
        copy = folder / "real" / vector.name
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(vector, copy)
        credentials.append(copy)
    for source in (*credentials[:4], credentials[-1]):
        copy = folder / "tampered" / f"tampered-{source.name}"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(_tampered(source.read_bytes()))
        credentials.append(copy)
        tampered.append(copy)
    unsupported = folder / "unsupported-bbs.json"
    document = json.loads(credentials[0].read_bytes())
    document["proof"]["cryptosuite"] = "bbs-2023"
    unsupported.write_text(json.dumps(document), encoding="utf-8")
    credentials.append(unsupported)
    note = folder / "cover-letter.txt"
    note.write_text("Dear employer, please find my credentials attached.\n", encoding="utf-8")
    fifo = folder / "named-pipe"
    os.mkfifo(fifo)
    dead_link = folder / "moved-away.json"
    dead_link.symlink_to(folder / "no-such-file.json")
    assert len(credentials) + 3 == 200
    return Applications(folder, credentials, [note, fifo, dead_link], tampered, unsupported)


def _expected(path: Path) -> VerificationReport:
    return verify_file_bytes(path.read_bytes())


def test_a_folder_of_200_gives_one_line_each_a_csv_and_the_worst_exit_code(
    kredo: Kredo, applications: Applications, tmp_path: Path
) -> None:
    # GIVEN the folder of 200 applications
    table = tmp_path / "applications.csv"
    # WHEN the employer verifies it in two processes with a spreadsheet
    result = kredo("verify", "--file", str(applications.folder), "--jobs", "2",
                   "--csv", str(table))
    # THEN there is one line per file, each naming its file, and nothing else
    lines = result.out.splitlines()
    assert len(lines) == 200
    every = sorted([*applications.credentials, *applications.problems])
    assert sorted(Path(line.split("\t")[1]) for line in lines) == every
    # AND a file that cannot be read, or is no credential, has a sentence, not a stop
    by_file = {line.split("\t")[1]: line for line in lines}
    assert "is not a regular file" in by_file[str(applications.problems[1])]
    assert "does not exist" in by_file[str(applications.problems[2])]
    assert "not a credential" in by_file[str(applications.problems[0])]
    # AND every tampered copy fails
    for path in applications.tampered:
        assert by_file[str(path)].startswith("failed\t")
    # AND the exit code is the worst verdict's (a failure): nothing went to stderr
    assert result.code == 1
    assert result.err == ""
    # AND the CSV is UTF-8 with a byte-order mark and parses into one row per credential
    data = table.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 200
    by_name = {row["file"]: row for row in rows}
    for path in applications.credentials[::17] + applications.tampered + [applications.unsupported]:
        row, expected = by_name[str(path)], _expected(path)
        assert row["verdict"] == expected.status.value
        assert row["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert [row[f"check_{c.id}"] for c in expected.checks] == [
            c.status.value for c in expected.checks]
    fresh = by_name[str(applications.credentials[5])]
    assert (fresh["title"], fresh["learner"], fresh["issuer"], fresh["issued"]) == (
        "Základy kryptografie 5", "Jana Nováková", "Masarykova univerzita", "2025-01-15")
    assert "bbs-2023" in by_name[str(applications.unsupported)]["reason"]
    assert by_name[str(applications.problems[0])]["verdict"] == ""
    assert "not a credential" in by_name[str(applications.problems[0])]["reason"]
    assert list(rows[0]) == ["file", "sha256", "verdict", "format", "title", "issuer", "learner",
                             "issued", *(f"check_{c}" for c in CHECK_IDS), "reason"]


def test_json_lines_give_each_file_its_report_and_sha256(
    kredo: Kredo, applications: Applications
) -> None:
    # GIVEN the same folder WHEN verified as JSON Lines in this process only
    result = kredo("verify", "--file", str(applications.folder), "--json", "--jobs", "1")
    # THEN every line is one JSON object, for one file, with the hash of its bytes
    objects = [json.loads(line) for line in result.out.splitlines()]
    assert len(objects) == 200
    for found in objects:
        path = Path(found["file"])
        if path in applications.problems:
            assert found["status"] is None and found["problem"]
            continue
        assert found["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        if path in applications.tampered:
            assert found["status"] == "failed"
    assert result.code == 1


def test_the_exit_code_is_the_worst_verdict_and_2_when_a_file_was_no_credential(
    kredo: Kredo, applications: Applications
) -> None:
    # GIVEN files none of which fails
    sound = [applications.credentials[0], applications.credentials[1], applications.unsupported]
    # WHEN they are verified together, and again with a note beside them
    together = kredo("verify", "--file", *map(str, sound))
    with_note = kredo("verify", "--file", *map(str, sound), str(applications.problems[0]))
    # THEN the first exits with the worst of their verdicts, the second says bad input (2)
    worst = worst_status(_expected(path) for path in sound)
    assert worst is not None and together.code == worst.exit_code
    assert with_note.code == 2
    assert len(together.out.splitlines()) == 3 and len(with_note.out.splitlines()) == 4


def test_standard_input_is_one_file_among_the_others(
    kredo: Kredo, applications: Applications, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a tampered badge piped in, and a sound one named on the command line
    piped = applications.tampered[0].read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(piped)))
    # WHEN both are verified as JSON Lines
    result = kredo("verify", "--file", "-", str(applications.credentials[0]), "--json")
    # THEN standard input is named "-" with the hash of what came in, and fails
    first, second = (json.loads(line) for line in result.out.splitlines())
    assert (first["file"], first["sha256"], first["status"]) == (
        "-", hashlib.sha256(piped).hexdigest(), "failed")
    assert second["status"] == _expected(applications.credentials[0]).status.value
    assert result.code == 1


def test_one_file_is_shown_check_by_check_and_its_problem_on_stderr(
    kredo: Kredo, applications: Applications
) -> None:
    # GIVEN one tampered file, and one named pipe WHEN each is verified alone
    one = kredo("verify", "--file", str(applications.tampered[0]))
    pipe = kredo("verify", "--file", str(applications.problems[1]))
    # THEN the tampered one is shown check by check, and fails
    assert one.code == 1
    assert one.out.startswith("FAILED")
    assert any(line.strip().startswith("✘ signature") for line in one.out.splitlines())
    # AND the pipe is refused at once with one sentence (exit 2), never read
    assert pipe.code == 2 and pipe.out == ""
    assert pipe.err == ("kredo: named-pipe is not a regular file (it is a pipe, a device or a "
                        "socket); Kredo reads only files.\n")


def test_a_record_is_refused_before_any_work_when_it_is_neither_pdf_nor_json(
    kredo: Kredo, applications: Applications, tmp_path: Path
) -> None:
    result = kredo("verify", "--file", str(applications.folder), "--report",
                   str(tmp_path / "record.docx"))
    assert result.code == 2 and result.out == ""
    assert "record.docx" in result.err


def test_the_verification_record_pdf_names_the_file_its_hash_verdict_and_every_check(
    kredo: Kredo, applications: Applications, tmp_path: Path
) -> None:
    # GIVEN a tampered badge and a sound one
    tampered, sound = applications.tampered[0], applications.credentials[3]
    record = tmp_path / "zaznam.pdf"
    # WHEN the employer verifies them with a record in Czech
    result = kredo("verify", "--file", str(tampered), str(sound), "--report", str(record),
                   "--lang", "cs")
    assert result.code == 1, result.err
    # THEN the PDF opens, and its text holds each file's SHA-256, verdict and every check
    text = "\n".join(page.extract_text() for page in PdfReader(record).pages)
    assert "Záznam o ověření" in text
    for path in (tampered, sound):
        assert hashlib.sha256(path.read_bytes()).hexdigest() in text
        assert path.name in text
    assert "Ověření neproběhlo úspěšně" in text  # the failed verdict, as the PDFs name it
    flowing = " ".join(text.split())
    for check in _expected(tampered).checks:
        assert in_language(check.message, "cs").split(",")[0][:40] in flowing
    # AND what the credential says: its title and learner
    assert "Základy kryptografie 3" in text and "Jana Nováková" in text


def test_progress_is_shown_on_a_terminal_and_never_mixed_into_the_output(
    applications: Applications, tmp_path: Path
) -> None:
    # GIVEN stderr is a terminal and stdout a pipe
    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    files = [str(p) for p in applications.credentials[:3]]
    # WHEN three files are verified
    child = subprocess.run(
        [sys.executable, "-c", "import sys; from wallet.cli import main; sys.exit(main())",
         "verify", "--file", *files, "--jobs", "1"],
        stdout=subprocess.PIPE, stderr=follower, env=env, cwd=REPO_ROOT, timeout=300,
        check=False,
    )
    os.close(follower)
    shown = os.read(leader, 65536).decode()
    os.close(leader)
    # THEN the terminal saw a progress line, cleared at the end; stdout holds the three lines
    assert "1/3 files verified" in shown and shown.endswith("\r\x1b[K")
    assert len(child.stdout.decode().splitlines()) == 3
    assert "files verified" not in child.stdout.decode()
