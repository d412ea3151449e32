"""The macOS bundle keys and the Windows installer script declare the same file types, URL
scheme, id and version as ``wallet.app_identity`` and the package (they cannot be built here;
this keeps them from drifting until someone does)."""

from __future__ import annotations

import plistlib
import re
import tomllib
from pathlib import Path
from typing import Any

from PIL import Image

import wallet
from wallet.app_identity import APP_ID, CREDENTIAL_FILE_TYPES, URL_SCHEMES

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
INFO_PLIST = PACKAGING / "macos" / "Info.plist"
INNO_SCRIPT = PACKAGING / "windows" / "kredo.iss"


def _plist() -> dict[str, Any]:
    with INFO_PLIST.open("rb") as handle:
        document: dict[str, Any] = plistlib.load(handle)
    return document


def test_macos_bundle_opens_the_credential_offer_scheme() -> None:
    schemes = [
        scheme
        for url_type in _plist()["CFBundleURLTypes"]
        for scheme in url_type["CFBundleURLSchemes"]
    ]
    assert tuple(schemes) == URL_SCHEMES


def test_macos_document_types_cover_every_credential_extension() -> None:
    plist = _plist()
    declared = {
        declaration["UTTypeIdentifier"]: declaration["UTTypeTagSpecification"]
        for key in ("UTImportedTypeDeclarations", "UTExportedTypeDeclarations")
        for declaration in plist[key]
    }
    opened = [
        uti for doc_type in plist["CFBundleDocumentTypes"] for uti in doc_type["LSItemContentTypes"]
    ]
    # Every type the app opens is declared, with its extension and media type.
    by_extension = {}
    for uti in opened:
        tags = declared[uti]
        for extension in tags["public.filename-extension"]:
            by_extension[extension] = tags["public.mime-type"][0]
    assert by_extension == CREDENTIAL_FILE_TYPES


def test_macos_bundle_can_ask_for_the_camera_and_has_its_icons() -> None:
    plist = _plist()
    # Without this sentence macOS ends the app the moment the QR scanner opens the camera.
    assert "camera" in plist["NSCameraUsageDescription"]
    icon = PACKAGING / "macos" / "kredo.icns"
    with Image.open(icon) as icns:
        assert icns.format == "ICNS"
        assert (512, 512, 2) in icns.info["sizes"]  # the 1024-pixel Retina icon


def test_signed_macos_app_may_still_use_the_camera() -> None:
    # Under the hardened runtime (needed for notarisation) the camera needs an entitlement too.
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as handle:
        entitlements = plistlib.load(handle)
    assert entitlements["com.apple.security.device.camera"] is True


def _inno_define(name: str) -> str:
    match = re.search(rf'#define {name} "([^"]*)"', INNO_SCRIPT.read_text(encoding="utf-8"))
    assert match is not None, name
    return match.group(1)


def test_windows_installer_has_this_id_and_version() -> None:
    assert _inno_define("AppId") == APP_ID
    assert _inno_define("AppVersion") == wallet.__version__


def test_windows_installer_registers_file_types_and_the_scheme() -> None:
    script = INNO_SCRIPT.read_text(encoding="utf-8")
    for extension, media_type in CREDENTIAL_FILE_TYPES.items():
        assert f'Subkey: "Software\\Classes\\.{extension}\\OpenWithProgids"' in script
        assert (
            f'Subkey: "Software\\Classes\\.{extension}"; ValueType: string; '
            f'ValueName: "Content Type"; ValueData: "{media_type}"'
        ) in script
    for scheme in URL_SCHEMES:
        assert (
            f'Subkey: "Software\\Classes\\{scheme}"; ValueType: string; ValueName: "URL Protocol"'
            in script
        )
        assert f'Subkey: "Software\\Classes\\{scheme}\\shell\\open\\command"' in script


def test_windows_installer_icon_has_the_shell_sizes() -> None:
    icon_file = re.search(r"^SetupIconFile=(.+)$", INNO_SCRIPT.read_text(encoding="utf-8"), re.M)
    assert icon_file is not None
    with Image.open(INNO_SCRIPT.parent / icon_file.group(1).strip()) as ico:
        assert ico.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_the_package_version_is_the_app_version() -> None:
    with (PACKAGING.parent / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    assert project["version"] == wallet.__version__
