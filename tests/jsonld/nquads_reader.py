"""An N-Quads reader for the RDFC-1.0 suite's inputs, into pyld's dataset form.

pyld's own reader does not unescape ``\\uXXXX``/``\\UXXXXXXXX`` nor ``\\b``, ``\\f``, ``\\'``, so
the suite's escaping test (test060) would test the reader instead of the canonicalizer. This
one reads the N-Quads grammar the suite uses: IRIs, blank nodes, literals with a language or a
datatype, an optional graph name, comments; a quad given twice is one quad (a dataset is a set).
"""

from __future__ import annotations

import re
from typing import Any

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_IRI = r"<([^>]*)>"
_BLANK = r"(_:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)"
_LITERAL = r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^<([^>]*)>)?'
_QUAD = re.compile(
    rf"\s*(?:{_IRI}|{_BLANK})\s*{_IRI}\s*(?:{_IRI}|{_BLANK}|{_LITERAL})"
    rf"\s*(?:{_IRI}|{_BLANK})?\s*\.\s*(?:#.*)?$"
)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        short, long, echar = match.groups()
        if echar is not None:
            return _ECHAR[echar]
        return chr(int(short or long, 16))

    return _ESCAPE.sub(one, text)


def _node(iri: str | None, blank: str | None) -> dict[str, str]:
    if iri is not None:
        return {"type": "IRI", "value": _unescape(iri)}
    assert blank is not None
    return {"type": "blank node", "value": blank}


def read_nquads(text: str) -> dict[str, list[dict[str, Any]]]:
    dataset: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[str, str]] = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _QUAD.match(line)
        if match is None:
            raise ValueError(f"line {number} is not N-Quads: {line!r}")
        (s_iri, s_blank, p_iri, o_iri, o_blank, o_text, o_language, o_datatype,
         g_iri, g_blank) = match.groups()
        if o_text is not None:
            datatype = RDF_LANGSTRING if o_language else _unescape(o_datatype or XSD_STRING)
            term: dict[str, str] = {"type": "literal", "value": _unescape(o_text),
                                    "datatype": datatype}
            if o_language:
                term["language"] = o_language
        else:
            term = _node(o_iri, o_blank)
        quad = {"subject": _node(s_iri, s_blank), "predicate": _node(p_iri, None),
                "object": term}
        graph = "@default" if g_iri is None and g_blank is None else _node(g_iri, g_blank)["value"]
        key = (graph, repr(sorted((k, sorted(v.items())) for k, v in quad.items())))
        if key not in seen:
            seen.add(key)
            dataset.setdefault(graph, []).append(quad)
    return dataset
