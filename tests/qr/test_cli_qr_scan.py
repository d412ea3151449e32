"""`kredo qr` and `kredo scan`: files written, capacity said, verdicts and exit codes as
`kredo verify`, links and offers named but not opened, bad input in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageDraw

from tests.cli.conftest import VECTORS, Kredo
from tests.qr.pictures import code, encoded
from wallet.qr.compact import encode_compact
from wallet.store.wallet import open_wallet

OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
EDDSA = VECTORS / "w3c" / "eddsa-rdfc-2022-signedDataInt.json"
SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
CZ = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"


def test_qr_then_scan_gives_the_verdict_of_verify(kredo: Kredo, tmp_path: Path) -> None:
    out = tmp_path / "ob3.png"
    made = kredo("qr", "--file", str(OB3), "--out", str(out), "--encoding", "kredo")
    assert made.code == 0, made.err
    assert made.out.startswith(
        "Only Kredo can read this code.\n1 QR code: 1,471 bytes compressed to "
    )
    assert f"Wrote {out} (PNG)." in made.out
    scanned = kredo("scan", str(out))
    verified = kredo("verify", "--file", str(OB3))
    assert scanned.code == verified.code == 4  # could not be checked: key published online
    assert "ob3.png: a credential in a Kredo QR code." in scanned.out
    assert verified.out.strip() in scanned.out


def test_an_animated_code_reports_frames_and_scans_back(kredo: Kredo, tmp_path: Path) -> None:
    out = tmp_path / "cz.gif"
    made = kredo("qr", "--file", str(CZ), "--out", str(out), "--json")
    assert made.code == 0, made.err
    figures = made.json()
    assert figures["single"] is False and figures["format"] == "gif"
    assert figures["frames_in_loop"] == 2 * figures["frames_needed"] + 4
    assert figures["chars_per_frame"] <= figures["max_frame_chars"] == 1451
    assert figures["qr_version"] <= 25
    assert figures["bytes_per_frame"] * figures["frames_needed"] >= figures["compressed_bytes"]
    scanned = kredo("scan", str(out), "--json")
    assert scanned.code == kredo("verify", "--file", str(CZ)).code == 1  # unsigned sample
    (found,) = scanned.json()["credentials"]
    assert found["kind"] == "ur-multipart"
    assert found["report"]["status"] == "failed"
    assert scanned.json()["multipart"]["fragments_total"] == figures["frames_needed"]


def test_a_multi_part_code_in_a_png_file_is_an_apng(kredo: Kredo, tmp_path: Path) -> None:
    out = tmp_path / "cz.png"
    made = kredo("qr", "--file", str(CZ), "--out", str(out))
    assert "frames needed" in made.out and "(animated APNG)" in made.out
    still = kredo("qr", "--file", str(CZ), "--out", str(out), "--format", "svg")
    assert still.code == 2
    assert "which a still SVG cannot show" in still.err


def test_qr_of_a_stored_credential_is_logged_as_shared(kredo: Kredo, tmp_path: Path) -> None:
    kredo("init", "--passphrase")
    ident = kredo("import", str(EDDSA), "--json").json()[0]["id"]
    out = tmp_path / "code.svg"
    assert kredo("qr", str(ident), "--out", str(out)).code == 0
    assert out.read_bytes().startswith(b"<?xml")
    with open_wallet(kredo.home, passphrase_provider=lambda: "correct horse battery staple") as w:  # type: ignore[attr-defined]
        (record,) = w.repository.share_log()
    assert (record.form, record.credential_ids) == ("qr", (ident,))


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--file", "{tmp}/notes.txt", "--out", "{tmp}/x.png"], "not"),
        (["--file", str(OB3), "--out", "{tmp}/x.bmp"], "Say which image to write"),
        (["--file", str(OB3), "--out", "{tmp}/x.png", "--frame-chars", "9999"], "between 120"),
        (["--file", "{tmp}/missing.json", "--out", "{tmp}/x.png"], "does not exist"),
    ],
)
def test_qr_bad_input_is_one_sentence(
    kredo: Kredo, tmp_path: Path, args: list[str], sentence: str
) -> None:
    (tmp_path / "notes.txt").write_text("shopping list: milk")
    result = kredo("qr", *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.code == 2
    assert sentence in result.err and result.err.count("\n") == 1


def picture(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(encoded(code(text), "PNG"))
    return path


def test_scan_names_a_link_and_an_offer_without_opening_them(kredo: Kredo, tmp_path: Path) -> None:
    link = picture(tmp_path, "link.png", "https://verify.example.cz/c/42")
    offer = picture(tmp_path, "offer.png", "openid-credential-offer://?credential_offer=%7B%7D")
    result = kredo("scan", str(link), str(offer))
    assert result.code == 2  # nothing was verified
    assert "link.png: The QR code holds a web address; Kredo did not open it" in result.out
    assert "offer.png: The QR code holds an OpenID4VCI credential offer" in result.out
    assert "No credential was found to verify." in result.out


def test_scan_of_a_damaged_picture_and_a_tampered_credential(kredo: Kredo, tmp_path: Path) -> None:
    damaged = code(encode_compact(OB3.read_bytes()))
    ImageDraw.Draw(damaged).rectangle((40, 40, damaged.width - 40, damaged.height // 2), fill=255)
    (tmp_path / "damaged.png").write_bytes(encoded(damaged, "PNG"))
    tampered = EDDSA.read_bytes().replace(b"Alumni", b"Alumnx")
    picture(tmp_path, "tampered.png", encode_compact(tampered))
    result = kredo("scan", str(tmp_path / "damaged.png"), str(tmp_path / "tampered.png"))
    assert result.code == 1  # the tampered credential failed
    assert "damaged.png: no QR code could be read" in result.out
    assert "FAILED" in result.out


def test_scan_json_of_several_codes_takes_the_worst_exit_code(kredo: Kredo, tmp_path: Path) -> None:
    # GIVEN a badge whose key is online only, an unsigned EDC, and a code holding no credential
    good = picture(tmp_path, "ob3.png", encode_compact(OB3.read_bytes()))
    elm = VECTORS / "edc" / "elm-v3.2-credential-sample-minimal.jsonld"
    assert kredo("qr", "--file", str(elm), "--out", str(tmp_path / "elm.png")).code == 0
    junk = picture(tmp_path, "junk.png", encode_compact(b"shopping list: milk"))
    # WHEN they are scanned together
    result = kredo("scan", str(good), str(tmp_path / "elm.png"), str(junk), "--json")
    # THEN each credential has its report, the junk a sentence, and the worst verdict decides
    scanned = result.json()
    assert [(c["source"], c["report"]["status"]) for c in scanned["credentials"]] == [
        ("ob3.png", "indeterminate"),
        ("multi-part QR code (8 frames: elm.png)", "failed"),  # 6.4 KB: an animated code
    ]
    assert len(scanned["messages"]) == 1 and scanned["messages"][0].startswith("junk.png: ")
    assert result.code == 1


def test_a_badge_that_fits_one_vpqr_code_is_written_as_vpqr_by_default(
    kredo: Kredo, tmp_path: Path
) -> None:
    # GIVEN an Open Badge 3.0 small enough for one VPQR code
    out = tmp_path / "ob3.png"
    # WHEN `kredo qr` writes it without naming an encoding
    made = kredo("qr", "--file", str(OB3), "--out", str(out), "--json")
    # THEN it chose VPQR and says that other wallets read it
    assert made.code == 0, made.err
    figures = made.json()
    assert figures["encoding"] == "vpqr" and figures["single"] is True
    assert "DCC Learner Credential Wallet" in figures["readers"]
    assert figures["scan_seconds"] is None
    # AND the image scans back as a VPQR code holding the badge
    scanned = kredo("scan", str(out))
    assert "ob3.png: a credential in a VPQR (VP1-) code." in scanned.out


def test_an_animated_code_says_in_words_how_long_it_takes_to_scan(
    kredo: Kredo, tmp_path: Path
) -> None:
    # GIVEN a sealed EDC, far too large for one code
    out = tmp_path / "edc.gif"
    # WHEN `kredo qr` writes it
    made = kredo("qr", "--file", str(SEALED), "--out", str(out))
    # THEN the text says only Kredo reads it and how long a phone must scan at 5 frames a second
    assert made.code == 0, made.err
    assert made.out.startswith("Only Kredo can read this animated code.")
    assert "Expect about 17 seconds of steady scanning: the code shows 5 frames a" in made.out
    assert "83 frames needed" in made.out


def test_vpqr_can_be_forced_and_says_why_it_cannot_be(kredo: Kredo, tmp_path: Path) -> None:
    # GIVEN a credential whose properties the JSON-LD contexts do not define
    # WHEN VPQR is asked for by name
    made = kredo("qr", "--file", str(EDDSA), "--out", str(tmp_path / "x.png"),
                 "--encoding", "vpqr")
    # THEN nothing is written and the error names the property VPQR cannot number
    assert made.code == 2
    assert "'alumniOf' has no definition" in made.err
    assert not (tmp_path / "x.png").exists()
