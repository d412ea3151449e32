"""Kredo's desktop face (PySide6).

Depends on the core in ``wallet``; the core never imports this.
"""
