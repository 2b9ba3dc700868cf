"""Who is acting: the reviewer's name, from an explicit choice, the environment, or the OS."""

from __future__ import annotations

import getpass
import os

from redactor.core.errors import InputError

ENV_VAR = "REDACTOR_REVIEWER"
MAX_LENGTH = 200


def resolve_reviewer(explicit: str | None = None, environ: dict[str, str] | None = None) -> str:
    """`--as NAME`, else $REDACTOR_REVIEWER, else the operating-system user name."""
    env = os.environ if environ is None else environ
    for candidate in (explicit, env.get(ENV_VAR)):
        if candidate is not None and candidate.strip():
            return validate_reviewer(candidate)
    try:
        return validate_reviewer(getpass.getuser())
    except (KeyError, OSError):
        raise InputError(
            "Cannot tell who you are; give --as NAME or set {variable}.", variable=ENV_VAR
        ) from None


def validate_reviewer(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise InputError("A reviewer name cannot be empty.")
    if len(clean) > MAX_LENGTH:
        raise InputError("A reviewer name can be at most {limit} characters.", limit=MAX_LENGTH)
    return clean
