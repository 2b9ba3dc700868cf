"""Redactor: redact PDF documents for release, with four-eyes review and an audit trail."""

__version__ = "0.1.0"
