"""A throwaway PostgreSQL server for the test session, started from the installed binaries.

The cluster lives in a fresh folder under the system temp dir (short, so the unix socket path
fits), listens on a free localhost port and on a socket in that folder, and trusts every
local connection. initdb and postgres refuse to run as root; as root (containers, CI) the
server runs as the `postgres` user, else `nobody`, and owns its folder.
"""

from __future__ import annotations

import glob
import itertools
import logging
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import psycopg

log = logging.getLogger(__name__)

SUPERUSER = "postgres"
# Settings that trade durability for speed: the cluster is deleted after the session.
FAST_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")
START_ATTEMPTS = 3  # a free port can be taken between choosing and binding it


class PostgresUnavailable(Exception):
    """The server could not be set up or started; the message says why."""


def find_pg_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: from PATH, else the newest Debian/RHEL install."""
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parent)
    versioned = glob.glob("/usr/lib/postgresql/*/bin") + glob.glob("/usr/pgsql-*/bin")
    candidates += sorted((Path(p) for p in versioned), key=_version_key, reverse=True)
    for folder in candidates:
        if all((folder / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def _version_key(folder: Path) -> tuple[int, ...]:
    digits = "".join(ch if ch.isdigit() else " " for ch in str(folder)).split()
    return tuple(int(d) for d in digits)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.base: Path | None = None
        self.port: int | None = None
        self._run_as: dict[str, Any] = {}
        self._counter = itertools.count(1)
        self._started = False

    @property
    def data_dir(self) -> Path:
        assert self.base is not None
        return self.base / "data"

    def start(self) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="redactor-pg-"))
        if os.geteuid() == 0:
            self._run_as = self._unprivileged_user()
            os.chown(self.base, self._run_as["user"], self._run_as["group"])
        self._run(
            "initdb",
            "-D", str(self.data_dir),
            "-U", SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )  # fmt: skip
        last_error = ""
        for _ in range(START_ATTEMPTS):
            port = _free_port()
            options = f"-h 127.0.0.1 -p {port} -k {self.base}"
            options += "".join(f" -c {setting}" for setting in FAST_SETTINGS)
            try:
                self._run(
                    "pg_ctl",
                    "-D", str(self.data_dir),
                    "-l", str(self.base / "server.log"),
                    "-w", "-t", "60",
                    "-o", options,
                    "start",
                )  # fmt: skip
            except PostgresUnavailable as exc:
                last_error = f"{exc}\n{self._server_log_tail()}"
                continue
            self.port = port
            self._started = True
            log.info("PostgreSQL started in %s on port %d", self.base, port)
            return
        raise PostgresUnavailable(last_error)

    def new_database(self) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        if not self._started:
            raise PostgresUnavailable("the server is not running")
        name = f"redactor_test_{next(self._counter)}"
        with psycopg.connect(self._conninfo("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self._started:
            try:
                self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")
            except PostgresUnavailable as exc:
                log.warning("could not stop PostgreSQL cleanly: %s", exc)
            self._started = False
        if self.base is not None:
            shutil.rmtree(self.base, ignore_errors=True)
            self.base = None

    def _conninfo(self, dbname: str) -> str:
        return f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname={dbname}"

    def _unprivileged_user(self) -> dict[str, Any]:
        for name in ("postgres", "nobody"):
            try:
                entry = pwd.getpwnam(name)
            except KeyError:
                continue
            return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        raise PostgresUnavailable("running as root and neither a 'postgres' nor 'nobody' user")

    def _run(self, tool: str, *args: str) -> None:
        # PG* variables of the caller (PGHOST, PGPORT, ...) must not redirect the tools.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        try:
            subprocess.run(
                [str(self.bin_dir / tool), *args],
                cwd=self.base,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
                **self._run_as,
            )
        except subprocess.CalledProcessError as exc:
            output = (exc.stdout or "") + (exc.stderr or "")
            raise PostgresUnavailable(f"{tool} failed: {output.strip()[-2000:]}") from exc
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PostgresUnavailable(f"{tool} failed: {exc}") from exc

    def _server_log_tail(self) -> str:
        assert self.base is not None
        try:
            return (self.base / "server.log").read_text(errors="replace")[-2000:]
        except OSError:
            return ""
