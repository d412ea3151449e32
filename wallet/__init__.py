"""Kredo core: credentials, storage, verification and sharing. Never imports Qt."""

__version__ = "0.1.0"
