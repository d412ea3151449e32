"""The use cases both faces call: the CLI (`wallet.cli`) and the desktop app (`ui`).

Each module is one job a person does (import, verify, present, export, receive, back up) and
returns typed results; the faces only parse arguments, ask, and show. See docs/architecture.md.
"""
