"""``quizapp serve``: the web server (gunicorn, several workers) and the queue worker together.

One command, one Ctrl-C: both run as child processes of this small supervisor, which forwards
SIGINT/SIGTERM to both and stops the other when either exits, so ``make run`` never leaves a
worker behind. On several hosts run the parts separately instead: ``gunicorn -w N
'quizapp:create_app()'`` on web hosts and ``quizapp worker`` on worker hosts, all with the same
``DATABASE_URL`` and a shared ``QUEUE_URL=redis://…``.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import click
from flask.cli import with_appcontext

STOP_GRACE_S = 20  # gunicorn and Huey finish their current request or job within this


def _children(host: str, port: int, web_workers: int, queue_workers: int) -> list[subprocess.Popen]:
    web = [sys.executable, "-m", "gunicorn", "-w", str(web_workers), "-b", f"{host}:{port}",
           "--access-logfile", "-", "--timeout", "60", "quizapp:create_app()"]
    queue = [sys.executable, "-c", "from quizapp.cli import main; main()", "worker", "--workers", str(queue_workers)]
    # Our own interpreter and fixed arguments (numbers checked by click): nothing untrusted.
    return [subprocess.Popen(queue), subprocess.Popen(web)]  # noqa: S603


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", "web_workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="gunicorn worker processes")
@click.option("--queue-workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="threads in the queue worker (each runs one ingest job at a time)")
def serve_command(host: str, port: int, web_workers: int, queue_workers: int) -> None:
    """Serve the app with gunicorn and run the job queue worker; Ctrl-C stops both."""
    procs = _children(host, port, web_workers, queue_workers)
    stopping = False

    def stop(*_args) -> None:
        nonlocal stopping
        stopping = True
        for p, sig in zip(procs, (signal.SIGINT, signal.SIGTERM), strict=True):
            if p.poll() is None:
                p.send_signal(sig)  # both mean "finish what you are doing, then exit"

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    click.echo(f"quizapp: serving on http://{host}:{port} ({web_workers} web workers) with a queue worker; "
               "Ctrl-C stops both", err=True)
    while not stopping and all(p.poll() is None for p in procs):
        time.sleep(0.5)  # a supervisor's idle loop; children's exits are seen within half a second
    stop()
    for p in procs:
        try:
            p.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    codes = [p.returncode for p in procs]
    clean = stopping and all(c in (0, -signal.SIGTERM, -signal.SIGINT) for c in codes)
    sys.exit(0 if clean else max(1, *map(abs, codes)))


@click.command("worker")
@with_appcontext
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="threads, each running one job at a time")
def worker_command(workers: int) -> None:
    """Run the job queue's consumer (ingest jobs) until stopped."""
    from flask import current_app

    from . import tasks  # registers the jobs
    from .queue import huey

    if huey.immediate:
        raise click.ClickException("QUEUE_IMMEDIATE is set: jobs run inside requests, there is nothing to consume.")
    huey.flask_app = current_app._get_current_object()  # type: ignore[attr-defined]
    requeued = tasks.requeue_stale()
    if requeued:
        click.echo(f"quizapp worker: queued {requeued} article(s) again whose job was lost", err=True)
    click.echo(f"quizapp worker: consuming {current_app.config['QUEUE_URL']} with {workers} thread(s)", err=True)
    huey.create_consumer(workers=workers, worker_type="thread", periodic=False, initial_delay=0.1,
                         backoff=1.15, max_delay=2.0).run()
