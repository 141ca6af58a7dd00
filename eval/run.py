"""`make eval`: how well facts and questions hold on articles the rules were not written for.

A benchmark, not a test: it prints figures for people to read and compare between rounds.

For each corpus it runs the database-free pipeline (`quizapp facts/questions --corpus DIR --json`,
exactly what any outside evaluation reads), then
- scores the facts against the corpus's gold with the shared yardstick `score_facts.py`
  (recall per kind, on-gold share, provenance);
- counts the question patterns a blind review rejected before (a clause pasted into a fixed frame,
  "not" inserted to make a statement false, a leader's role without its country, long blanks,
  datelines in stems, acronym expansions, machine-sounding explanations, items mixing articles);
- counts questions per article (best first, the CLI's order) and per type and kind.

Corpora: the seeds (against tests/gold/seeds_gold.json, scored by tests/facts_scoring.py), the
shared dev set (`../shared/eval/dev`), and our own corpus's tune and test splits (`eval/own`; the
test split is reported, never tuned to). `--corpus NAME` runs one; `--questions FILE` also writes
the questions of that corpus for a blind review.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
OWN = ROOT / "eval" / "own"
# Our own corpus: files named <batch><NN>_...; numbers 08-11 of every batch are the test split.
TEST_NUMBERS = {"08", "09", "10", "11"}

PATTERNS = {
    "clause in a fixed frame": lambda q: bool(re.search(r"did this happen:|(?:date|year|month) did this happen", q["prompt"])),
    "false by inserting 'not'": lambda q: q["type"] == "true_false" and q["answer"] == "False" and bool(
        re.search(r"\b(?:not|never)\b", q["prompt"])) and not re.search(r"\b(?:not|never)\b", q.get("explanation", "")),
    "leader role without place": lambda q: q["fact_kind"] == "leader" and q["type"] == "multiple_choice"
    and "role" in q["prompt"] and not re.search(r"\b(?:of|at|to|for)\b|^[A-Z][a-z]+(?:ian|ese|ish|an|i)\s", q["answer"]),
    "cloze blank over 6 words": lambda q: q["type"] == "cloze" and len(q["answer"].split()) > 6,
    "dateline in stem": lambda q: bool(re.search(r"(?:^|\? )[A-Z][A-Z .'-]{2,}(?:,[^-–—:]{0,40})?\s*[-–—:]", q["prompt"])),
    "acronym expansion": lambda q: "stand for" in q["prompt"] or "stands for" in q["prompt"],
    "machine-sounding explanation": lambda q: "named in the articles" in (q.get("explanation") or ""),
    "publication line asked": lambda q: "published" in q["prompt"].lower(),
    "pronoun-led stem": lambda q: bool(re.match(r"^(?:[\w ]+\? )?(?:He|She|It|They|We|This|These|Those)\b", q["prompt"])),
}


def run_cli(kind: str, corpus: Path) -> list[dict]:
    exe = ROOT / ".venv" / "bin" / "quizapp"
    out = subprocess.run([str(exe), kind, "--corpus", str(corpus), "--json"],  # noqa: S603 (our own CLI)
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def own_split(split: str) -> tuple[Path, dict] | None:
    """A temporary folder with our own corpus's tune or test articles, and their merged gold."""
    arts = sorted((OWN / "articles").glob("*.txt"))
    gold: dict = {}
    for g in sorted((OWN / "gold").glob("*.json")):
        gold.update(json.loads(g.read_text()))
    picked = [a for a in arts if (a.name[1:3] in TEST_NUMBERS) == (split == "test") and a.name in gold]
    if not picked:
        return None
    tmp = Path(tempfile.mkdtemp(prefix=f"quizapp-eval-{split}-"))
    for a in picked:
        (tmp / a.name).write_text(a.read_text())
    return tmp, {a.name: gold[a.name] for a in picked}


def score_with_yardstick(facts: list[dict], gold: dict, corpus: Path) -> str:
    with tempfile.TemporaryDirectory() as d:
        fp, gp = Path(d) / "facts.json", Path(d) / "gold.json"
        fp.write_text(json.dumps(facts))
        gp.write_text(json.dumps(gold))
        res = subprocess.run([sys.executable, str(SHARED / "score_facts.py"), str(fp), str(gp), str(corpus)],  # noqa: S603
                             capture_output=True, text=True)
        return res.stdout.strip()


def score_seeds() -> str:
    sys.path.insert(0, str(ROOT))
    from quizapp.facts import extract  # noqa: E402
    from tests.facts_scoring import load_corpus, load_gold, report, score  # noqa: E402

    facts = extract(load_corpus(ROOT / "seeds"))
    return report(score(facts, load_gold(ROOT / "tests" / "gold" / "seeds_gold.json")), "seeds")


def question_report(questions: list[dict], corpus: Path) -> str:
    lines = []
    per_article = Counter(q["sources"][0]["article"] for q in questions if q.get("sources"))
    words = {p.name: len(p.read_text().split()) for p in corpus.glob("*.txt")}
    long_ones = [a for a, w in words.items() if w >= 200]
    counts = [per_article.get(a, 0) for a in sorted(long_ones)]
    lines.append(f"questions: {len(questions)} for {len(words)} articles; per article of 200+ words: "
                 f"min {min(counts, default=0)}, median {sorted(counts)[len(counts) // 2] if counts else 0}, "
                 f"max {max(counts, default=0)}; articles under 10: {sum(1 for c in counts if c < 10)}")
    lines.append("by type: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(q["type"] for q in questions).items())))
    lines.append("by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(q["fact_kind"] for q in questions).items())))
    mixed = sum(1 for q in questions if len({s["article"] for s in q.get("sources") or []}) > 1
                and q["type"] in ("matching", "ordering"))
    hits = {name: sum(1 for q in questions if test(q)) for name, test in PATTERNS.items()}
    hits["matching/ordering across articles"] = mixed
    lines.append("patterns: " + ", ".join(f"{k} {v}" for k, v in hits.items()))
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=["seeds", "dev", "tune", "test"], action="append")
    ap.add_argument("--questions", help="write this corpus's questions (JSON) here", default=None)
    args = ap.parse_args(argv)
    wanted = args.corpus or ["seeds", "dev", "tune", "test"]
    for name in wanted:
        print(f"\n== {name}")
        if name == "seeds":
            corpus, gold = ROOT / "seeds", None
        elif name == "dev":
            corpus, gold = SHARED / "dev" / "articles", json.loads((SHARED / "dev" / "gold.json").read_text())
        else:
            found = own_split(name)
            if found is None:
                print("(no articles with gold yet)")
                continue
            corpus, gold = found
        facts = run_cli("facts", corpus)
        print(score_seeds() if gold is None else score_with_yardstick(facts, gold, corpus))
        questions = run_cli("questions", corpus)
        print(question_report(questions, corpus))
        if args.questions and len(wanted) == 1:
            Path(args.questions).write_text(json.dumps(questions, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
