"""Canonical N-Quads, as RDFC-1.0 writes them (its §4.3 "Canonical N-Quads").

pyld's N-Quads writer escapes only backslash, quote, tab, newline and carriage return in a
literal; canonical N-Quads also escape backspace and form feed (``\\b``, ``\\f``) and write every
other control character (U+0000-U+001F, U+007F) as ``\\uXXXX`` with upper-case hex. The
reference implementation (rdf-canonize) does, and so must Kredo, or a signature over a literal
with such a character holds on one side and not on the other. Everything else is written as
pyld writes it (the W3C RDFC-1.0 suite checks both).

Quads are pyld's dicts: ``subject``, ``predicate``, ``object`` and, in a named graph, ``name``;
each ``{"type": "IRI" | "blank node" | "literal", "value": …}``, literals with ``datatype``
and, for ``rdf:langString``, ``language``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_TO_ESCAPE = re.compile('[\\x00-\\x1f"\\\\\\x7f]')
_SHORT_ESCAPES = {
    "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f",
}

BlankNodeLabel = Callable[[str], str]


def escape_literal(value: str) -> str:
    """A literal's lexical form as canonical N-Quads write it between the quotes."""
    if _TO_ESCAPE.search(value) is None:
        return value
    return _TO_ESCAPE.sub(_escape_one, value)


def _escape_one(match: re.Match[str]) -> str:
    character = match.group()
    return _SHORT_ESCAPES.get(character) or f"\\u{ord(character):04X}"


def nquad(quad: Mapping[str, Any], label: BlankNodeLabel) -> str:
    """One quad as a canonical N-Quads line (with its newline); ``label`` names each blank
    node from its label in the quad."""
    line = _node(quad["subject"], label) + " " + _node(quad["predicate"], label) + " "
    term = quad["object"]
    kind = term["type"]
    if kind in {"IRI", "blank node"}:
        line += _node(term, label)
    else:
        line += '"' + escape_literal(term["value"]) + '"'
        datatype = term["datatype"]
        if datatype == RDF_LANGSTRING:
            if term.get("language"):
                line += "@" + term["language"]
        elif datatype != XSD_STRING:
            line += "^^<" + datatype + ">"
    graph = quad.get("name")
    if graph is not None:
        line += " " + _node(graph, label)
    return line + " .\n"


def _node(term: Mapping[str, Any], label: BlankNodeLabel) -> str:
    value: str = term["value"]
    if term["type"] == "IRI":
        return "<" + value + ">"
    return label(value)
