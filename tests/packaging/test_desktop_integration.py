"""Linux desktop integration: the files validate with the distributions' own tools, install into
a prefix as a software centre expects, and agree with ``wallet.app_identity``.

The tools come from Debian packages that ``make test`` installs (TEST_DEBS); without them a
test is skipped and says which package is missing.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from xml.etree import ElementTree

import pytest

import wallet
from wallet.app_identity import (
    APP_ID,
    CREDENTIAL_FILE_TYPES,
    DESKTOP_FILE,
    ICON_NAME,
    ICON_SIZES,
    URL_SCHEMES,
)

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / DESKTOP_FILE
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / f"{APP_ID}.mime.xml"
INSTALL_SCRIPT = LINUX / "install-desktop-integration.sh"
SCHEME_HANDLERS = {f"x-scheme-handler/{scheme}" for scheme in URL_SCHEMES}


def _tool(name: str, debian_package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {debian_package}; make test adds it)")
    return path


def _run(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False, env=env)


def _desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


# --- the .desktop file ---------------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = _run(tool, str(DESKTOP))
    # The tool exits 0 on some errors ("will be fatal in the future"): read what it says too.
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_desktop_file_validate_catches_a_broken_copy(tmp_path: Path) -> None:
    # GIVEN the same file with a wrong type and a MIME list missing a separator
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    broken = tmp_path / DESKTOP_FILE
    text = DESKTOP.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("Type=Application", "Type=Program").replace(
            "application/ld+json;", "application/ld+json"
        ),
        encoding="utf-8",
    )
    # THEN the validator refuses it, so the test above is not vacuous
    result = _run(tool, str(broken))
    assert result.returncode != 0
    assert "Type" in result.stdout and "invalid MIME type" in result.stdout


def test_desktop_file_opens_credential_files_and_offers() -> None:
    entry = _desktop_entry()
    mime_types = {item for item in entry["MimeType"].split(";") if item}
    assert mime_types == set(CREDENTIAL_FILE_TYPES.values()) | SCHEME_HANDLERS
    # %U: files arrive as paths or file:// URLs, offers as openid-credential-offer:// URLs.
    assert entry["Exec"] == "kredo-gui %U"
    assert entry["Icon"] == ICON_NAME
    assert entry["Name"] == "Kredo"
    assert entry["Comment[cs]"] and entry["GenericName[cs]"]


# --- AppStream metainfo --------------------------------------------------------------------


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = _tool("appstreamcli", "appstream")
    result = _run(tool, "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_appstreamcli_catches_a_broken_copy(tmp_path: Path) -> None:
    tool = _tool("appstreamcli", "appstream")
    broken = tmp_path / METAINFO.name
    text = METAINFO.read_text(encoding="utf-8")
    broken.write_text(text.replace('date="2026-11-21"', 'date="yesterday"'), encoding="utf-8")
    result = _run(tool, "validate", "--no-net", str(broken))
    assert result.returncode != 0
    assert "invalid-iso8601-date" in result.stdout


def test_metainfo_describes_this_release_and_its_file_types() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE
    assert root.findtext("project_license") == "EUPL-1.2"
    provides = root.find("provides")
    assert provides is not None
    assert {e.text for e in provides.findall("mediatype")} == set(CREDENTIAL_FILE_TYPES.values())
    assert {e.text for e in provides.findall("binary")} == {"kredo", "kredo-gui"}
    # A release adds its <release> entry first: the newest must be the version being built.
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == wallet.__version__


def test_installed_tree_validates_as_a_whole(tmp_path: Path) -> None:
    # GIVEN the integration installed into a staging prefix
    tool = _tool("appstreamcli", "appstream")
    prefix = tmp_path / "usr"
    result = _run("bash", str(INSTALL_SCRIPT), str(prefix), env={**os.environ, "NO_CACHES": "1"})
    assert result.returncode == 0, result.stderr
    share = prefix / "share"
    # THEN every file is where desktops look for it
    assert (share / "applications" / DESKTOP_FILE).read_bytes() == DESKTOP.read_bytes()
    assert (share / "metainfo" / METAINFO.name).is_file()
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    for size in ICON_SIZES:
        assert (
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        ).is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg").is_file()
    # AND AppStream accepts the tree (metainfo, its desktop file, its launchable)
    tree = _run(tool, "validate-tree", "--no-net", str(tmp_path))
    assert tree.returncode == 0, tree.stdout + tree.stderr


# --- shared-mime-info ----------------------------------------------------------------------


def test_file_types_are_recognised_after_update_mime_database(tmp_path: Path) -> None:
    # GIVEN a MIME database built from the system's definitions plus Kredo's
    tool = _tool("update-mime-database", "shared-mime-info")
    mime = tmp_path / "share" / "mime"
    (mime / "packages").mkdir(parents=True)
    system = Path("/usr/share/mime/packages/freedesktop.org.xml")
    if system.is_file():
        shutil.copyfile(system, mime / "packages" / system.name)
    shutil.copyfile(MIME_XML, mime / "packages" / f"{APP_ID}.xml")
    built = _run(tool, str(mime))
    # It exits 0 even when a definition does not parse; read what it says too.
    assert built.returncode == 0, built.stderr
    assert "Failed to parse" not in built.stdout + built.stderr
    assert "parser error" not in built.stdout + built.stderr
    globs = (mime / "globs2").read_text(encoding="utf-8")
    for extension, media_type in CREDENTIAL_FILE_TYPES.items():
        assert f":{media_type}:*.{extension}\n" in globs
    # WHEN Qt (the toolkit that opens the files) asks that database for each file name
    probe = textwrap.dedent(
        """
        import json, sys
        from PySide6.QtCore import QMimeDatabase
        db = QMimeDatabase()
        by_name = QMimeDatabase.MatchMode.MatchExtension
        print(json.dumps({
            ext: db.mimeTypeForFile("credential." + ext, by_name).name() for ext in sys.argv[1:]
        }))
        """
    )
    env = {**os.environ, "XDG_DATA_DIRS": str(tmp_path / "share"), "XDG_DATA_HOME": str(tmp_path)}
    result = _run(sys.executable, "-c", probe, *CREDENTIAL_FILE_TYPES, env=env)
    assert result.returncode == 0, result.stderr
    # THEN each extension has Kredo's media type (without Kredo's XML, .vc and .jwt are
    # application/octet-stream)
    assert json.loads(result.stdout) == CREDENTIAL_FILE_TYPES


def test_update_mime_database_refuses_a_broken_definition(tmp_path: Path) -> None:
    tool = _tool("update-mime-database", "shared-mime-info")
    mime = tmp_path / "mime"
    (mime / "packages").mkdir(parents=True)
    text = MIME_XML.read_text(encoding="utf-8")
    (mime / "packages" / "broken.xml").write_text(
        text.replace("</mime-info>", ""), encoding="utf-8"
    )
    result = _run(tool, str(mime))
    said = result.stdout + result.stderr
    assert "Failed to parse" in said
    assert "broken.xml" in said
