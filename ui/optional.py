"""Widgets that other modules provide when they are installed (packet page, backup dialogs...)."""

from __future__ import annotations

import importlib


def optional_class(module: str, name: str):
    """`module.name`, or None while that module is absent."""
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
