"""Corroborate: claim verification for fact-checkers."""

from __future__ import annotations


def create_app(config=None):
    """Build the WSGI app (see ``service.app.create_app``)."""
    from service.app import create_app as factory

    return factory(config)


__all__ = ["create_app"]
