"""``kredo present`` and ``kredo holder`` on a real wallet, then ``kredo verify`` on the file."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.share.presentation_credentials import SEALED_EDC, Issuer
from wallet.cli import main
from wallet.crypto.sd_jwt import SdJwtParts
from wallet.formats.vc_view_values import decode_data_url
from wallet.store.wallet import open_wallet

PASSPHRASE = "correct horse battery staple"
CHALLENGE, DOMAIN = "c-1b6e0f6c", "https://employer.example.cz"


@dataclass
class Run:
    code: int
    out: str
    err: str


Kredo = Callable[..., Run]


@pytest.fixture
def kredo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Kredo:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("KREDO_PASSPHRASE", PASSPHRASE)
    home = tmp_path / "wallet"

    def run(*args: str) -> Run:
        out = io.StringIO()
        code = main(["--home", str(home), *args], out=out)
        return Run(code, out.getvalue(), capsys.readouterr().err)

    run.home = home  # type: ignore[attr-defined]
    return run


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """One wallet for the module, holding an OB 3.0 badge, a VC-JWT, an SD-JWT VC and a
    sealed EDC; each test works on its own copy (a wallet open costs an Argon2 run)."""
    folder = tmp_path_factory.mktemp("template")
    home = folder / "wallet"

    def run(*args: str) -> str:
        out = io.StringIO()
        assert main(["--home", str(home), *args], out=out) == 0
        return out.getvalue()

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        patch.setenv("KREDO_PASSPHRASE", PASSPHRASE)
        run("init", "--passphrase")
        holder = json.loads(run("holder", "list", "--json"))[0]["did"]
        issuer = Issuer(holder=holder)
        files = {
            "badge.json": json.dumps(issuer.ob3()).encode(),
            "vc.jwt": issuer.vc_jwt(),
            "learning.sd-jwt": issuer.sd_jwt(),
            "edc.jsonld": SEALED_EDC.read_bytes(),
        }
        paths = []
        for name, data in files.items():
            path = folder / name
            path.write_bytes(data)
            paths.append(str(path))
        outcomes = json.loads(run("import", *paths, "--json"))
    return home, {Path(o["source"]).name: o["id"] for o in outcomes}


@pytest.fixture
def wallet(kredo: Kredo, template: tuple[Path, dict[str, int]]) -> dict[str, int]:
    shutil.copytree(template[0], kredo.home)  # type: ignore[attr-defined]
    return template[1]


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_present_then_verify_with_the_verifiers_challenge(
    kredo: Kredo, wallet: dict[str, int], tmp_path: Path
) -> None:
    # GIVEN four credentials in the wallet
    out = tmp_path / "vp.json"
    ids = [str(i) for i in wallet.values()]
    # WHEN the learner presents them for the employer's challenge
    made = kredo("present", *ids, "--out", str(out), "--challenge", CHALLENGE,
                 "--domain", DOMAIN)
    assert made.code == 0, made.err
    assert "Wrote a presentation of 4 credential(s)" in made.out
    # THEN the employer's check passes the holder and every credential (the issuers are
    # simply unknown to it, and the EU sample's CA is a test CA: partially verified)
    checked = kredo("verify", "--file", str(out), "--challenge", CHALLENGE, "--domain", DOMAIN,
                    "--json")
    report = json.loads(checked.out)
    assert checked.code == 3
    assert report["format"] == "presentation"
    assert report["checks"][0]["id"] == "holder"
    assert report["checks"][0]["status"] == "ok"
    assert [c["format"] for c in report["credentials"]] == ["vc-jsonld", "vc-jwt", "sd-jwt-vc",
                                                            "edc-jades"]
    assert all(c["status"] != "failed" for c in report["credentials"])
    # AND a replay to another verifier fails (exit code 1)
    replay = kredo("verify", "--file", str(out), "--challenge", "other", "--domain", DOMAIN)
    assert replay.code == 1
    assert "does not answer the challenge" in replay.out
    # AND the wallet remembers what was shared with whom
    with open_wallet(kredo.home, passphrase_provider=lambda: PASSPHRASE) as opened:  # type: ignore[attr-defined]
        [entry] = opened.repository.share_log()
    assert (entry.form, entry.recipient) == ("presentation", DOMAIN)
    assert sorted(entry.credential_ids) == sorted(wallet.values())


def test_disclose_picks_sd_jwt_claims(kredo: Kredo, wallet: dict[str, int],
                                      tmp_path: Path) -> None:
    sd_id = wallet["learning.sd-jwt"]
    out = tmp_path / "vp.json"
    made = kredo("present", str(sd_id), "--disclose", f"{sd_id}:ects", "--out", str(out))
    assert made.code == 0, made.err
    decoded = decode_data_url(_read(out)["verifiableCredential"][0]["id"])
    assert decoded is not None
    assert len(SdJwtParts.from_text(decoded[1].decode()).disclosures) == 1
    assert kredo("verify", "--file", str(out)).code == 3  # untrusted issuer, nothing failed


def test_profile_chooses_who_signs(kredo: Kredo, wallet: dict[str, int], tmp_path: Path) -> None:
    added = kredo("holder", "add", "Work")
    assert added.code == 0
    work_did = added.out.split("\t")[1].strip()
    out = tmp_path / "vp.json"
    assert kredo("present", str(wallet["badge.json"]), "--profile", "work", "--out",
                 str(out)).code == 0
    assert _read(out)["holder"] == work_did
    assert kredo("holder", "default", "Work").code == 0
    listed = json.loads(kredo("holder", "list", "--json").out)
    assert [p["label"] for p in listed if p["default"]] == ["Work"]
    assert all(set(p) == {"label", "did", "default", "created_at"} for p in listed)


def test_out_dash_writes_the_presentation_to_stdout(kredo: Kredo, wallet: dict[str, int]) -> None:
    made = kredo("present", str(wallet["vc.jwt"]), "--out", "-")
    assert made.code == 0
    assert json.loads(made.out)["type"] == ["VerifiablePresentation"]


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["1", "1"], "listed twice"),
        (["1", "--disclose", "ects"], "takes ID:CLAIM"),
        (["1", "--disclose", "3:ects"], "not being presented"),
        (["3", "--disclose", "3:birth_date"], "no claim “birth_date”"),
        (["1", "--disclose", "1:name"], "only SD-JWT VC"),
        (["99"], "No credential"),
        (["1", "--profile", "Home"], "No holder profile is named “Home”"),
        (["1", "--challenge", ""], "challenge is empty"),
    ],
)
def test_bad_requests_get_one_sentence_and_exit_2(
    kredo: Kredo, wallet: dict[str, int], tmp_path: Path, args: list[str], sentence: str
) -> None:
    assert wallet["learning.sd-jwt"] == 3 and wallet["badge.json"] == 1
    out = tmp_path / "vp.json"
    result = kredo("present", *args, "--out", str(out))
    assert result.code == 2
    assert sentence in result.err
    assert not out.exists()


def test_a_duplicate_profile_name_is_refused(kredo: Kredo, wallet: dict[str, int]) -> None:
    result = kredo("holder", "add", "Default")
    assert result.code == 2
    assert "already exists" in result.err
