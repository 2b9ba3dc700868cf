"""Adversarial PDFs, one per leak channel (see builders.py)."""
