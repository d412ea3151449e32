"""README.txt of a Europass export: what the files are and where they go, in cs or en.

Where to upload comes from the Europass portal itself: the Europass wallet ("My Library")
of a Europass profile on europass.europa.eu accepts sealed European Digital Credentials.
Menu names are quoted as the English portal shows them; the Czech text says so, since the
Czech portal's wording was not checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from wallet.share.annex_labels import ui_language
from wallet.share.annex_rows import format_date


@dataclass(frozen=True)
class ReadmeEntry:
    file_name: str
    title: str
    awarding_body: str | None
    sha256: str


_TEXT = {
    "en": {
        "heading": "Your sealed European Digital Credentials, ready for Europass",
        "how": "How to add them to your Europass wallet",
        "steps": (
            "Sign in to your Europass profile on the Europass portal (europass.europa.eu).",
            'Open your Europass wallet ("My Library") and choose to add or upload a file.',
            "Upload the .jsonld files from this folder, one by one. Europass checks each "
            "electronic seal before it accepts the file.",
            "From your library you can then share a credential, or show it in your Europass CV.",
        ),
        "warning": "Do not open and save these files in an editor: any change, even one space, "
        "breaks the seal, and Europass will refuse the file. The SHA-256 values above let you "
        "check that a file is unchanged.",
        "refused": "Not exported (Europass accepts only sealed European Digital Credentials; "
        "export these as PDF documents instead):",
        "footer": "Written by Kredo on {date}.",
    },
    "cs": {
        "heading": "Vaše zapečetěné evropské digitální certifikáty, připravené pro Europass",
        "how": "Jak je přidat do své peněženky Europass",
        "steps": (
            "Přihlaste se ke svému profilu Europass na portálu Europass (europass.europa.eu).",
            "Otevřete svou peněženku Europass (v anglické verzi portálu „My Library“) a zvolte "
            "přidání nebo nahrání souboru. Názvy položek nabídky se v české verzi portálu "
            "mohou mírně lišit.",
            "Nahrajte soubory .jsonld z této složky jeden po druhém. Europass před přijetím "
            "ověří elektronickou pečeť každého souboru.",
            "Z knihovny pak můžete certifikát sdílet nebo jej uvést ve svém životopisu Europass.",
        ),
        "warning": "Soubory neotevírejte a neukládejte v editoru: jakákoli změna, i jediná "
        "mezera, pečeť poruší a Europass soubor odmítne. Podle hodnot SHA-256 uvedených výše "
        "ověříte, že se soubor nezměnil.",
        "refused": "Neexportováno (Europass přijímá jen zapečetěné evropské digitální "
        "certifikáty; tyto exportujte jako dokumenty PDF):",
        "footer": "Vytvořeno aplikací Kredo {date}.",
    },
}


def readme_text(
    entries: Sequence[ReadmeEntry],
    refused_titles: Sequence[str],
    *,
    lang: str,
    written_at: datetime,
) -> str:
    texts = _TEXT[ui_language(lang)]
    lines = [str(texts["heading"]), "=" * len(str(texts["heading"])), ""]
    lines += [_intro(len(entries), ui_language(lang)), ""]
    for entry in entries:
        lines.append(f"  {entry.file_name}")
        lines.append(
            f"    {entry.title}" + (f" — {entry.awarding_body}" if entry.awarding_body else "")
        )
        lines.append(f"    SHA-256 {entry.sha256}")
    lines += ["", str(texts["how"]), "-" * len(str(texts["how"]))]
    lines += [f"{n}. {step}" for n, step in enumerate(texts["steps"], start=1)]
    lines += ["", str(texts["warning"])]
    if refused_titles:
        lines += ["", str(texts["refused"])]
        lines += [f"  - {title}" for title in refused_titles]
    lines += ["", str(texts["footer"]).format(date=format_date(written_at, lang)), ""]
    return "\n".join(lines)


def _intro(count: int, lang: str) -> str:
    """The first sentence, with the count's grammatical number (Czech has three forms)."""
    if lang == "cs":
        if count == 1:
            return (
                "Tato složka obsahuje 1 soubor s certifikátem přesně tak, jak ho vydavatel "
                "zapečetil:"
            )
        noun = "soubory" if 2 <= count <= 4 else "souborů"
        return (
            f"Tato složka obsahuje {count} {noun} s certifikáty přesně tak, jak je vydavatelé "
            "zapečetili:"
        )
    if count == 1:
        return "This folder holds 1 credential file, exactly as its issuer sealed it:"
    return f"This folder holds {count} credential files, exactly as their issuers sealed them:"
