"""The SQLite writers' lock file: waits until the holder lets go, never longer than the timeout."""

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from quizapp import db_setup

HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def lock_path(tmp_path):
    return str(tmp_path / "db.sqlite3.writelock")


def hold(path: str, seconds: float) -> subprocess.Popen:
    """Another process (another gunicorn worker) holding the lock for ``seconds``."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, path, str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def info_for(path: str) -> dict:
    return {"write_lock_fd": os.open(path, os.O_RDWR | os.O_CREAT, 0o600)}


def test_waiter_gets_the_lock_when_the_holder_lets_go(lock_path):
    holder = hold(lock_path, 0.4)
    info = info_for(lock_path)
    started = time.monotonic()
    db_setup._take_write_lock(info, timeout=10)
    waited = time.monotonic() - started
    assert info.get("write_lock_held") is True
    assert 0.2 < waited < 5
    holder.wait()
    db_setup._release_write_lock(info)
    assert "write_lock_held" not in info
    os.close(info["write_lock_fd"])


def test_wait_gives_up_after_the_timeout_and_leaves_no_alarm_behind(lock_path):
    holder = hold(lock_path, 5)
    info = info_for(lock_path)
    try:
        started = time.monotonic()
        db_setup._take_write_lock(info, timeout=0.3)
        waited = time.monotonic() - started
        assert "write_lock_held" not in info  # SQLite's busy timeout takes over from here
        assert 0.25 < waited < 3
        assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        time.sleep(0.2)  # no stray timeout exception arrives later
    finally:
        holder.kill()
        holder.wait()
        os.close(info["write_lock_fd"])


def test_threads_other_than_main_poll_for_the_lock(lock_path):
    holder = hold(lock_path, 0.3)
    info = info_for(lock_path)
    thread = threading.Thread(target=db_setup._take_write_lock, args=(info,), kwargs={"timeout": 10})
    thread.start()
    thread.join(10)
    assert info.get("write_lock_held") is True
    holder.wait()
    db_setup._release_write_lock(info)
    os.close(info["write_lock_fd"])


def test_uncontended_lock_is_taken_at_once_and_is_reentrant_on_its_descriptor(lock_path):
    info = info_for(lock_path)
    db_setup._take_write_lock(info, timeout=0.1)
    assert info.get("write_lock_held") is True
    assert db_setup._try_lock(info["write_lock_fd"])  # what the late-alarm check relies on
    other = info_for(lock_path)  # another open file: another worker's connection
    assert not db_setup._try_lock(other["write_lock_fd"])
    db_setup._release_write_lock(info)
    assert db_setup._try_lock(other["write_lock_fd"])
    os.close(info["write_lock_fd"])
    os.close(other["write_lock_fd"])
