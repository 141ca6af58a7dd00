"""A throwaway PostgreSQL server for the benchmarks, started the way ``.ci/run`` starts one.

Own data directory under /tmp, own free port, loopback only, run as the ``postgres`` user when we
are root (initdb refuses root). ``fsync=off`` as in CI: the benchmark measures the application, not
the disk.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path


def pg_bin() -> Path | None:
    """The newest installed PostgreSQL's bin directory (Debian layout first), or None."""

    def version(path: str) -> int:
        part = Path(path).parts[4]
        return int(part) if part.isdigit() else 0

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(cmd: list[str], check: bool = True) -> None:
    if os.geteuid() == 0:
        cmd = ["/usr/sbin/runuser", "-u", "postgres", "--", *cmd]
    subprocess.run(cmd, check=check, capture_output=True)  # noqa: S603 (our own fixed commands)


@contextmanager
def throwaway_postgres(dbname: str = "quizapp_bench"):
    """Yield a ``postgresql://`` URL of a fresh server; stop it and delete its files afterwards."""
    bindir = pg_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb)")
    tmp = Path(tempfile.mkdtemp(prefix="quizapp-bench-pg."))
    if os.geteuid() == 0:
        pwd.getpwnam("postgres")  # KeyError when there is no postgres user to run the server as
        shutil.chown(tmp, "postgres")
    data = tmp / "data"
    port = free_port()
    started = False
    try:
        _run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(tmp / "log"), "-o",
              f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
              "start"])
        started = True
        _run([str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", dbname])
        yield f"postgresql://postgres@127.0.0.1:{port}/{dbname}"
    finally:
        if started:
            _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], check=False)
        shutil.rmtree(tmp, ignore_errors=True)
