"""``make bench``: extraction speed, HTTP load and database scale, as a table and bench/results.json.

Environment: ``BENCH_SECONDS`` (per HTTP endpoint, default 30 as the issue asks), ``BENCH_ONLY`` (comma list of
``extraction,http,scale,ingest``; ``ingest``, ingest at corpus sizes up to 1,000 articles, takes long and
runs only when named), ``BENCH_INGEST_SIZES`` (default ``0,250,500,1000``), ``BENCH_PG=0`` to skip
PostgreSQL. Everything listens on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from .. import PROJECT_ROOT
from . import extraction
from .pg import pg_bin, throwaway_postgres

SEEDS = PROJECT_ROOT / "seeds"
OUT = PROJECT_ROOT / "bench" / "results.json"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _fmt(v, spec: str = "") -> str:
    return "-" if v is None else format(v, spec)


def _range(pair) -> str:
    """The lowest and highest of the per-round ratios."""
    return f"{pair[0]:.2f}–{pair[1]:.2f}" if pair else ""


def print_tables(results: dict) -> None:
    ex = results.get("extraction")
    if ex:
        print("\nExtraction (seeds repeated to >= 50,000 words, distinct article keys)")
        print(f"  {'':<22}{'words/s':>10}")
        print(f"  {'extract() pipeline':<22}{ex['extract_words_per_s']:>10,}")
        print(f"  {'bare nlp.pipe':<22}{ex['spacy_words_per_s']:>10,}")
        print(f"  ratio {ex['ratio']:.2f} (median of rounds {_range(ex.get('round_ratio_range'))}) over "
              f"{ex['words']:,} words, {ex['articles']} articles, {ex['facts']} facts")
    for run in results.get("http", []):
        rounds = next((r["rounds"] for r in run.get("results", []) if "rounds" in r), "-")
        print(f"\nHTTP on {run['database']} (gunicorn -w {run.get('workers', '-')}, "
              f"{run.get('clients', '-')} clients, loopback, {rounds} interleaved rounds)")
        if run.get("skipped"):
            print(f"  skipped: {run['skipped']}")
            continue
        print(f"  {'endpoint':<20}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'vs healthz':>12}"
              f"{'(rounds)':>12}{'CPU ms/req: server':>20}{'load gen':>10}")
        for r in run["results"]:
            if "rps" not in r:
                print(f"  {r['endpoint']:<20} {r.get('skipped') or r.get('failed')}")
                continue
            print(f"  {r['endpoint']:<20}{r['rps']:>8.1f}{_fmt(r['p50_ms'], '.1f'):>9}"
                  f"{_fmt(r['p99_ms'], '.1f'):>9}{r['errors']:>8}{_fmt(r.get('ratio_to_healthz'), '.2f'):>12}"
                  f"{_range(r.get('round_ratio_range')):>12}"
                  f"{_fmt(r.get('server_cpu_ms'), '.2f'):>20}{_fmt(r.get('client_cpu_ms'), '.2f'):>10}")
    for run in results.get("scale", []):
        print(f"\nScale on {run['database']} ({run.get('sizes', '')})")
        if run.get("skipped"):
            print(f"  skipped: {run['skipped']}")
            continue
        print(f"  built in {run['build_seconds']:.1f}s")
        print(f"  {'query':<34}{'median ms':>10}{'max ms':>9}  plan")
        for q in run["queries"]:
            print(f"  {q['name']:<34}{q['median_ms']:>10.2f}{q['max_ms']:>9.2f}  {q['plan_summary']}")
    if results.get("ingest"):
        from . import ingest

        ingest.print_tables(results["ingest"])


def main() -> None:
    only = set(filter(None, os.environ.get("BENCH_ONLY", "extraction,http,scale").split(",")))
    seconds = float(os.environ.get("BENCH_SECONDS", "30"))
    want_pg = os.environ.get("BENCH_PG", "1") != "0"
    started = time.perf_counter()
    results: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform()}}
    if "extraction" in only:
        log("== extraction")
        results["extraction"] = extraction.run(SEEDS).to_json()
    with ExitStack() as stack:
        pg_url = None
        pg_note = None
        if want_pg and (only & {"http", "scale", "ingest"}):
            if pg_bin() is None:
                pg_note = "PostgreSQL not installed (no initdb); apt-get install postgresql"
            else:
                try:
                    pg_url = stack.enter_context(throwaway_postgres())
                except Exception as e:  # noqa: BLE001 (report, run SQLite anyway)
                    pg_note = f"could not start PostgreSQL: {e}"
        elif not want_pg:
            pg_note = "BENCH_PG=0"
        if "http" in only:
            from . import http

            results["http"] = []
            with tempfile.TemporaryDirectory(prefix="quizapp-bench-sqlite.") as tmp:
                log("== http (SQLite)")
                results["http"].append(http.run_one("SQLite", f"sqlite:///{tmp}/bench.sqlite", SEEDS,
                                                    seconds, log=log))
            if pg_url:
                log("== http (PostgreSQL)")
                results["http"].append(http.run_one("PostgreSQL", pg_url, SEEDS, seconds, log=log))
            else:
                results["http"].append({"database": "PostgreSQL", "skipped": pg_note})
        if "scale" in only:
            from . import scale

            results["scale"] = []
            with tempfile.TemporaryDirectory(prefix="quizapp-bench-scale.") as tmp:
                log("== scale (SQLite)")
                results["scale"].append(scale.run("SQLite", f"sqlite:///{tmp}/scale.sqlite", log=log))
            if pg_url:
                log("== scale (PostgreSQL)")
                results["scale"].append(scale.run("PostgreSQL", pg_url, log=log, fresh_schema=True))
            else:
                results["scale"].append({"database": "PostgreSQL", "skipped": pg_note})
        if "ingest" in only:
            from . import ingest

            sizes = ingest.env_sizes()
            batch = int(os.environ.get("BENCH_INGEST_BATCH", "50"))
            uploads = int(os.environ.get("BENCH_INGEST_UPLOADS", "3"))
            results["ingest"] = {"runs": []}
            with tempfile.TemporaryDirectory(prefix="quizapp-bench-ingest.") as tmp:
                log(f"== ingest (SQLite, sizes {sizes})")
                results["ingest"]["runs"].append(ingest.run("SQLite", f"sqlite:///{tmp}/ingest.sqlite", sizes,
                                                            batch, uploads, log=log))
            if pg_url:
                log(f"== ingest (PostgreSQL, sizes {sizes})")
                results["ingest"]["runs"].append(ingest.run("PostgreSQL", pg_url, sizes, batch, uploads, log=log,
                                                            fresh_schema=True))
            else:
                results["ingest"]["runs"].append({"database": "PostgreSQL", "skipped": pg_note})
            log("== ingest (200 KB article, CLI path vs bare spaCy)")
            results["ingest"]["large"] = ingest.run_large(log=log)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n")
    print_tables(results)
    print(f"\nTotal {results['total_seconds']:.0f}s; figures in {OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}")


if __name__ == "__main__":
    main()
