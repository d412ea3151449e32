"""What a full run of the app leaves behind: no plaintext credential content, no keys.

Every ``kredo`` command a learner uses (import of every vector, list, search, show,
verify, tag, present, QR, scan, PDF export, backup, init, restore) runs in child processes, with
its own temp directory and home directory. Credentials signed here carry a random marker
found nowhere else on the machine. Afterwards:

* the wallet folders, the child's temp and home directories, and the system temp directory
  (files changed during the run) hold no marker, no signature string of a stored
  credential, no passphrase and no database key — in UTF-8 or UTF-16;
* what the commands log on stderr at the default level holds none of them either; with
  ``--debug`` the same is asserted (and ``docs/robustness.md`` reports what ``--debug`` adds).

Also here: the suite's socket guard is confirmed to cover this module, and no ``kredo``
child process ever tries to connect anywhere (``guarded_cli`` would say so).
"""

from __future__ import annotations

import json
import secrets
import socket
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import UnexpectedConnection
from tests.robustness.corpus import (
    all_seeds,
    ob3_document,
    sd_jwt_claims,
    signers,
    vc_jwt_payload,
)
from tests.robustness.processes import run_kredo_batch
from tests.robustness.wallets import new_wallet, no_keyring
from wallet.formats import baked
from wallet.store.keys import unlock_key

pytestmark = pytest.mark.slow
MAX_SCANNED_BYTES = 64 * 1024 * 1024


def test_the_socket_guard_covers_this_module(request: pytest.FixtureRequest) -> None:
    # The guard is an autouse fixture of the root conftest: every test below tests/ has it.
    assert "_no_network" in request.fixturenames
    with socket.socket() as sock, pytest.raises(UnexpectedConnection):
        sock.connect(("192.0.2.7", 443))


def _marked_inputs(folder: Path, marker: str) -> list[bytes]:
    """Every vector, plus credentials of each family carrying ``marker``; their signatures."""
    keys = signers()
    seeds = all_seeds()
    for name, raw in seeds.items():
        (folder / name.replace("/", "-")).write_bytes(raw)
    ob3 = ob3_document(keys.ed_did, 9001, title=f"Kurz {marker}")
    ob3["credentialSubject"]["name"] = f"Jana {marker}"
    signed_ob3 = keys.data_integrity(ob3, "eddsa-rdfc-2022")
    payload = vc_jwt_payload(keys.ed_did, 9002)
    payload["name"] = payload["credentialSubject"]["achievement"]["name"] = f"Token {marker}"
    jwt = keys.vc_jwt(payload)
    clear, disclosed = sd_jwt_claims(keys.p256_did)
    disclosed["achievement_title"] = f"Disclosed {marker}"
    sd_jwt = keys.sd_jwt(clear, disclosed, with_key_binding=False)
    edc = json.loads(seeds["cz/synthetic-muni-mc-unsigned.jsonld"])
    edc_text = json.dumps(edc, ensure_ascii=False).replace("Masarykova", f"Masarykova {marker}")
    png = baked.bake_png(seeds["gen/baked-ob3.png"], signed_ob3.replace(
        b"9001", b"9003").replace(b"Kurz", b"Baked"), ob3=True)
    marked = {"marked-ob3.json": signed_ob3, "marked-vc.jwt": jwt, "marked-sd-jwt.txt": sd_jwt,
              "marked-edc.jsonld": edc_text.encode("utf-8"), "marked-badge.png": png}
    for name, raw in marked.items():
        (folder / name).write_bytes(raw)
    proof_value = json.loads(signed_ob3)["proof"]["proofValue"]
    return [proof_value.encode(), jwt.split(b".")[2], sd_jwt.split(b"~")[0].split(b".")[2]]


def _needles(texts: list[str], raw: list[bytes]) -> list[bytes]:
    found = list(raw)
    for text in texts:
        found += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return found


def _files_holding(needles: list[bytes], roots: list[Path], since: float,
                   skip: list[Path]) -> list[str]:
    hits = []
    for root in roots:
        for path in root.rglob("*"):
            if any(path.is_relative_to(s) for s in skip):
                continue
            try:
                if not path.is_file() or path.is_symlink() or path.stat().st_mtime < since:
                    continue
                if path.stat().st_size > MAX_SCANNED_BYTES:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            hits += [f"{path} holds needle {n[:12]!r}" for n in needles if n in data]
    return hits


def test_a_full_run_leaves_no_plaintext_in_wallet_or_temp(tmp_path: Path) -> None:
    since = time.time() - 1
    marker = "KREDO-PRIVACY-" + secrets.token_hex(6)
    inputs, out, batches = tmp_path / "inputs", tmp_path / "out", tmp_path / "batches"
    for folder in (inputs, out, batches):
        folder.mkdir()
    signatures = _marked_inputs(inputs, marker)
    child_tmp, child_home = tmp_path / "child-tmp", tmp_path / "child-home"
    child_tmp.mkdir()
    child_home.mkdir()
    env = {"TMPDIR": str(child_tmp), "HOME": str(child_home),
           "XDG_CACHE_HOME": str(child_home / ".cache"),
           "XDG_DATA_HOME": str(child_home / ".local/share"),
           "XDG_CONFIG_HOME": str(child_home / ".config")}
    home, second = tmp_path / "wallet", tmp_path / "wallet-restored"
    passphrase, backup_passphrase = secrets.token_urlsafe(12), secrets.token_urlsafe(12)
    env.update(KREDO_PASSPHRASE=passphrase, KREDO_BACKUP_PASSPHRASE=backup_passphrase)
    logs: list[str] = []

    def kredo(commands: list[list[str]], name: str, **extra: str) -> list[tuple[int, str]]:
        """Run the commands in one child process; (exit code, stdout) each, stderr kept."""
        runs = run_kredo_batch(commands, batches / f"{name}.json", **env, **extra)
        logs.extend(err for _code, _out, err in runs)
        return [(code, out) for code, out, _err in runs]

    def on(wallet: Path, *args: str) -> list[str]:
        return ["--home", str(wallet), *args]

    # GIVEN a wallet that imported every vector and the marked credentials (made here with a
    # cheap Argon2id: with the default, each command's unlock costs 0.2 s)
    new_wallet(home, passphrase)
    (imported, _), (_, listed), (_, found) = kredo([
        on(home, "import", str(inputs)), on(home, "list", "--json"),
        on(home, "list", "--json", "--search", marker)], "first")
    assert imported == 2  # key files and a CV in the folder are not credentials
    rows, marked = json.loads(listed), json.loads(found)
    assert len(rows) >= 25
    assert len(marked) >= 3, "the marker must really be stored and searchable"
    # WHEN the learner uses every command on it
    first, ids = str(marked[0]["id"]), [str(r["id"]) for r in marked]
    vp, qr = str(out / "vp.json"), str(out / "qr.png")
    everything = [
        *(on(home, *command, str(row["id"])) for row in rows
          for command in (["show"], ["show", "--json"], ["verify", "--json"])),
        on(home, "tag", first, f"tag-{marker}"),
        on(home, "present", *ids, "--out", vp, "--challenge", "c-1", "--domain", "v.example"),
        on(home, "verify", "--file", vp, "--challenge", "c-1", "--domain", "v.example"),
        on(home, "qr", first, "--out", qr),
        on(home, "scan", qr),
        on(home, "export", "pdf", first, "--out", str(out / "credential.pdf")),
        on(home, "backup", "--out", str(home / "wallet.kredobak")),
        on(second, "init", "--passphrase"),
        on(second, "restore", str(home / "wallet.kredobak")),
    ]
    for (code, _out), command in zip(kredo(everything, "everything"), everything, strict=True):
        assert code in (0, 1, 3, 4), (command, code)  # a verdict, never an error
    default_logs = list(logs)
    # AND again with --debug (one process: logging is configured by its first command)
    debug = [["--debug", *on(home, *args)] for args in (
        ("import", str(inputs)), ("show", first), ("verify", first),
        ("present", first, "--out", str(out / "vp-debug.json")))]
    kredo(debug, "debug")
    debug_logs = logs[len(default_logs):]

    # THEN no wallet file, temp file or home file holds a marker, a signature or a key
    key = unlock_key(home, passphrase_provider=lambda: passphrase, secret_store=no_keyring())
    needles = _needles([marker, passphrase, backup_passphrase, key.hex()], [*signatures, key])
    roots = [home, second, child_tmp, child_home, Path(tempfile.gettempdir())]
    assert _files_holding(needles, roots, since, skip=[inputs, out, batches]) == []
    assert sorted(p.name for p in child_tmp.iterdir()) == []
    # AND the logs hold none of them, at the default level nor with --debug
    for name, captured in (("default", default_logs), ("debug", debug_logs)):
        text = "".join(captured).encode("utf-8")
        assert [n[:12] for n in needles if n in text] == [], f"{name} logs leak"
    # AND what the learner chose to share does hold it, where the learner put it
    assert marker.encode() in (out / "vp.json").read_bytes()
