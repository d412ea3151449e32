"""Import use cases: files and folders (with progress and cancel), standard input, pasted text;
a bad file is an outcome with one sentence, never a stop."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from tests.app.conftest import MUNI, OB3, SEALED
from tests.robustness.corpus import signers, vc_jwt_payload
from wallet.app.importing import import_paths, import_stream, import_text
from wallet.errors import InputTooLarge
from wallet.limits import MAX_INPUT_BYTES
from wallet.store.repository import CredentialRepository


def test_a_folder_is_imported_file_by_file_with_progress(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    # GIVEN a folder with two credentials, a note, and a credential already in the wallet
    folder = tmp_path / "downloads"
    folder.mkdir()
    shutil.copy(SEALED, folder / "a.jsonld")
    (folder / "b.txt").write_text("not a credential", encoding="utf-8")
    shutil.copy(MUNI, folder / "c.jsonld")
    list(import_paths(repository, [MUNI]))
    # WHEN the folder is imported
    steps: list[tuple[int, int]] = []
    outcomes = list(import_paths(repository, [folder],
                                 progress=lambda done, total: steps.append((done, total))))
    # THEN every file has its outcome, in order, and progress counted every file
    assert [(Path(o.source).name, o.status) for o in outcomes] == [
        ("a.jsonld", "imported"), ("b.txt", "error"), ("c.jsonld", "duplicate")]
    assert outcomes[1].error and outcomes[1].id is None
    assert outcomes[0].title == "Digital micro-credential creation"
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert repository.count() == 2


def test_an_import_stops_between_files_when_cancelled(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    shutil.copy(SEALED, tmp_path / "a.jsonld")
    shutil.copy(MUNI, tmp_path / "b.jsonld")
    seen: list[str] = []
    for outcome in import_paths(repository, [tmp_path], cancelled=lambda: bool(seen)):
        seen.append(outcome.status)
    assert seen == ["imported"] and repository.count() == 1


def test_pasted_text_is_imported_without_its_surrounding_space(
    repository: CredentialRepository
) -> None:
    # GIVEN a VC-JWT copied from a web page with a line break around it
    keys = signers()
    token = keys.vc_jwt(vc_jwt_payload(keys.ed_did)).decode("ascii")
    # WHEN it is pasted
    (outcome,) = import_text(repository, f"\n  {token}\n", source="clipboard")
    # THEN it is stored exactly as the token itself
    assert (outcome.status, outcome.source, outcome.format) == ("imported", "clipboard", "vc-jwt")
    assert outcome.id is not None
    assert repository.get(outcome.id).raw == token.encode("ascii")


def test_standard_input_is_read_up_to_the_cap(repository: CredentialRepository) -> None:
    (outcome,) = import_stream(repository, io.BytesIO(OB3.read_bytes()).read)
    assert (outcome.status, outcome.source) == ("imported", "stdin")
    huge = io.BytesIO(b" " * (MAX_INPUT_BYTES + 1))
    with pytest.raises(InputTooLarge):
        import_stream(repository, huge.read)
    assert repository.count() == 1
