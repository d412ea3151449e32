"""Country names and codes as credentials write them → ISO 3166-1 alpha-2 (Europass CV).

Credentials name a country by an EU authority-table URI (``.../country/CZE``), an alpha-3 or
alpha-2 code, or an English label ("Czechia", "Czech Republic"). Anything else (a Czech
label, a region) gives ``None``: the CV then leaves the country out rather than guess.
"""

from __future__ import annotations

import functools
import json

from wallet.bundled_resources import resource_path
from wallet.model import LangText


@functools.cache
def _index() -> dict[str, str]:
    table = json.loads(resource_path("europass", "iso3166-1.json").read_text(encoding="utf-8"))
    index: dict[str, str] = {}
    for row in table["countries"]:
        alpha_2 = row["alpha_2"]
        for key in ("alpha_2", "alpha_3", "name", "common_name", "official_name"):
            if key in row:
                index[row[key].casefold()] = alpha_2
    return index


def country_code(value: str) -> str | None:
    """``CZE``, ``cz``, ``Czechia``, ``http://publications.europa.eu/.../country/CZE`` → ``CZ``."""
    text = value.strip()
    if "/" in text:
        text = text.rstrip("/").rsplit("/", 1)[-1]
    return _index().get(text.casefold()) if text else None


def country_code_of(country: LangText | None) -> str | None:
    """The alpha-2 code of the first text of ``country`` that names a country."""
    if country is None:
        return None
    for text in country.values.values():
        for part in text.split(","):  # "Czechia, Slovakia": the first one that is known
            code = country_code(part)
            if code is not None:
                return code
    return None
