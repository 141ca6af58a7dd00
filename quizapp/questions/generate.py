"""Question generation: overgenerate candidates from facts, then rank and prune them.

Why overgenerate: a template can fail for reasons only visible once filled in (the prompt gives the
answer away, too few safe distractors, the answer is not in any source sentence), so every template
is tried and the survivors compete: the best-scoring candidate per (fact, type) is kept and
near-duplicate prompts are dropped. Matching and ordering questions span several facts and are
built from groups on top of that.

Determinism: inputs are sorted by fact id and every random choice comes from the caller's ``rng``
in a fixed order, so one seed always gives the same questions; ids hash only the type, the fact
ids and the template key, so they survive re-generation while the facts stay the same.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from ..corpus.parse import looks_english
from .blanks import (
    _MAX_TYPED_WORDS,
    BLANK,
    _blank,
    _blank_date,
    _cloze_text,
    _date_pool_sort_key,
    _date_statement,
    _echoed,
    _enough_context,
    _good_sentences,
    _overlapping,
    _question_ok,
    _shift,
    _src_is_caption,
    listable_event,
    render_like,
)
from .goal_views import goal_question, goal_statement, list_items, short_forms
from .grade import match_text
from .labels import (
    _BAD_ROLE,
    _BASE_DIFFICULTY,
    _HEAD_OF_STATE,
    _QUALITY_POOL,
    _SKIP_ROLES,
    _TYPE_PREFERENCE,
    COUNTRY_ADJ,
    FAR,
    _acronyms,
    _articles,
    _cap,
    _clean,
    _country,
    _dedupe,
    _family,
    _full_name,
    _general_knowledge,
    _is_publication,
    _name,
    _near_enough,
    _pkey,
    _poss,
    _pronoun_led,
    _qid,
    _rkey,
    _role_complete,
    _role_label,
    _role_phrase,
    _salience,
    _same_event,
    _source_count,
    _sources,
    _the,
    _who_prompt,
)
from .normalise import (
    compatible,
    contains_phrase,
    content_tokens,
    date_interval,
    date_variants,
    is_acronym,
    iso_parts,
    leaks,
    normalise,
    parse_date,
    precision,
    render_date,
    spelling_variants,
    tokens,
)
from .rank import ARTICLE_BUDGET, TRUE_FALSE_SHARE, _Cand, select  # noqa: F401 (re-exported)
from .render import (
    is_commentator,
    role_ok,
    with_the,
)
from .render import parties as _parties
from .sentences import (
    find_span,
    is_caption,
    strip_dateline,
    words,
)
from .story import _Corpus
from .types import Question

if TYPE_CHECKING:  # only for hints: importing the facts package pulls in the NLP extractor
    from ..facts.types import Fact


ORDER_PROMPT = "Put these events in order, earliest first."


MATCH_MIN, MATCH_MAX = 3, 6


ORDER_MIN, ORDER_MAX = 3, 5


class _Generator:
    def __init__(self, facts: Iterable[Fact], rng: random.Random) -> None:
        self.rng = rng
        self.corpus = _Corpus(sorted(facts, key=lambda f: f.id))

    # building blocks --------------------------------------------------------------------------

    def near(self, f: Any, g: Any) -> bool:
        """Do facts ``f`` and ``g`` come from one story (an article, or articles that share people
        or bodies)? Foils and swapped-in values are drawn from there first."""
        topics = self.corpus.topic_of
        mine = {topics.get(a, a) for a in _articles(f)}
        return bool(mine & {topics.get(a, a) for a in _articles(g)})

    def make(
        self,
        qtype: str,
        facts: Sequence[Any],
        key: str,
        prompt: str,
        answer: str,
        accepted: Sequence[str] = (),
        *,
        choices: Sequence[str] = (),
        pairs: Sequence[Sequence[str]] = (),
        items: Sequence[str] = (),
        dq: float = 0.5,
        slot: str | None = None,
        explanation: str | None = None,
        sources: Sequence[Any] | None = None,
        penalty: float = 0.0,
    ) -> _Cand | None:
        """Fill in a candidate; None if the prompt gives the answer (or an alias of it) away."""
        prompt = re.sub(r"\s+", " ", prompt).strip()
        answer = answer.strip()
        if not prompt or not answer:
            return None
        acc = _dedupe([answer, *accepted])
        if qtype in ("cloze", "short_answer") and len(answer.split()) > _MAX_TYPED_WORDS:
            return None  # nobody types an eight-word answer the same way twice
        if qtype in ("cloze", "short_answer"):
            # typed answers: the other spelling, no diacritics, and a person's surname alone
            extra = [v for a in acc for v in spelling_variants(a)]
            if facts and facts[0].kind == "leader" and len(answer.split()) >= 2 and not is_acronym(answer):
                # the surname alone (and, for a name of three parts or more, the first of two surnames)
                parts = answer.split()
                extra += [parts[-1], *spelling_variants(parts[-1])]
            acc = _dedupe([*acc, *extra])
        if qtype not in ("matching", "ordering", "true_false"):
            if any(leaks(prompt, a) for a in acc):
                return None
        ids = [f.id for f in facts]
        if explanation is None and len(facts) == 1 and facts[0].kind in ("mechanism", "date"):
            # what the article says is the best explanation of a name or a date, not a gloss
            srcs = sources if sources is not None else _sources(facts)
            first = srcs[0] if srcs else None
            sentence = (first["sentence"] if isinstance(first, dict) else first.sentence) if first else ""
            explanation = f"The article says: {strip_dateline(sentence)}" if sentence else None
        expl = explanation or " ".join(_dedupe(_clean(f.statement) + "." for f in facts if f.statement))
        q = Question(
            id=_qid(qtype, ids, key),
            type=qtype,
            prompt=prompt,
            answer=answer,
            accepted_answers=acc if qtype not in ("matching", "ordering") else [answer],
            choices=list(choices),
            pairs=[list(p) for p in pairs],
            items=list(items),
            explanation=expl,
            difficulty=self.difficulty(qtype, facts, answer, dq, len(pairs) or len(items)),
            score=max(0.0, self.score(qtype, facts, prompt, dq) - penalty),
            fact_ids=sorted(ids),
            fact_kind=facts[0].kind,
            sources=list(sources) if sources is not None else _sources(facts),
        )
        return _Cand(q, slot or f"{facts[0].id}|{qtype}")

    @staticmethod
    def score(qtype: str, facts: Sequence[Any], prompt: str, dq: float) -> float:
        """Ranking score: well-sourced, confident, conflict-free facts and tight prompts first."""
        src = sum(min(_source_count(f), 3) for f in facts) / (3 * len(facts))
        conf = sum(float(f.confidence) for f in facts) / len(facts)
        brevity = max(0.0, 1 - len(prompt) / 400)  # shorter prompts read and review faster
        s = 0.3 * src + 0.35 * conf + 0.15 * dq + 0.1 * brevity + 0.1 * _TYPE_PREFERENCE[qtype]
        if any(f.conflict for f in facts):
            s -= 0.3
        s += 0.1 * _salience(facts)
        return round(min(1.0, max(0.0, s)), 4)

    @staticmethod
    def difficulty(qtype: str, facts: Sequence[Any], answer: str, dq: float, size: int) -> float:
        """Rough difficulty: recall beats recognition, close distractors and long answers are hard."""
        d = _BASE_DIFFICULTY[qtype]
        if qtype == "multiple_choice":
            d += 0.25 * dq
        if qtype in ("cloze", "short_answer"):
            d += min(0.2, 0.05 * (len(answer.split()) - 1))
        if qtype == "matching":
            d += 0.05 * max(0, size - MATCH_MIN)
        if qtype == "ordering":
            d += 0.07 * max(0, size - ORDER_MIN)
        conf = sum(float(f.confidence) for f in facts) / len(facts)
        d += 0.1 * (1 - conf)
        return round(min(0.95, max(0.05, d)), 3)

    def distractors(
        self,
        answer: str,
        accepted: Sequence[str],
        pool: Iterable[tuple[int, str]],
        *,
        prompt: str = "",
        **grade_kw: bool,
    ) -> tuple[list[str], float] | None:
        """Three options that are not the answer, an alias, a typo-level variant of either, or
        already in the prompt (an option the question shows elsewhere is eliminated for free).

        ``pool`` pairs a tier (0 = same kind and subtype, best) with a value; within a tier the pick
        is an rng shuffle of the sorted values. Returns the shuffled options and a 0..1 quality.
        """
        by_tier: dict[int, set[str]] = {}
        for tier, text in pool:
            if text and text.strip():
                by_tier.setdefault(tier, set()).add(text.strip())
        seen = {normalise(a) for a in [answer, *accepted]}
        chosen: list[tuple[int, str]] = []
        for tier in sorted(by_tier):
            values = sorted(by_tier[tier])
            self.rng.shuffle(values)
            for v in values:
                n = normalise(v)
                if not n or n in seen or (prompt and contains_phrase(prompt, v)):
                    continue
                if match_text(v, [answer, *accepted], **grade_kw).correct:
                    continue
                if match_text(answer, [v], **grade_kw).correct:
                    continue
                seen.add(n)
                chosen.append((tier, v))
                if len(chosen) == 3:
                    break
            if len(chosen) == 3:
                break
        if len(chosen) < 3:
            return None
        quality = sum(1.0 if t == 0 else 0.5 if t == 1 else 0.2 for t, _ in chosen) / 3
        options = [answer, *(v for _, v in chosen)]
        self.rng.shuffle(options)
        return options, quality

    def mc(self, facts: Sequence[Any], key: str, prompt: str, answer: str, accepted: Sequence[str],
           pool: Iterable[tuple[int, str]], **kw: Any) -> _Cand | None:
        if any(leaks(prompt, a) for a in [answer, *accepted]):
            return None  # check before spending rng on distractors
        grade_kw = {k: v for k, v in kw.items() if k in ("person", "date", "acronyms")}
        make_kw = {k: v for k, v in kw.items() if k not in grade_kw}
        picked = self.distractors(answer, accepted, pool, prompt=prompt, **grade_kw)
        if picked is None:
            return None
        options, quality = picked
        return self.make("multiple_choice", facts, key, prompt, answer, accepted,
                         choices=options, dq=quality, **make_kw)

    def true_false(self, f: Any, true_statement: str | None, false_statement: str | None, key: str,
                   **kw: Any) -> _Cand | None:
        """One true/false question per fact: the plain statement or a checked false variant."""
        want_false = self.rng.random() < 0.5
        expl = kw.pop("explanation", None)
        if want_false and false_statement and _clean(false_statement):
            return self.make("true_false", [f], f"{key}:false", _cap(_clean(false_statement).rstrip(".")) + ".",
                             "False", choices=["True", "False"], dq=0.6,
                             explanation=expl or _cap(_clean(true_statement or f.statement).rstrip(".")) + ".", **kw)
        statement = _clean(true_statement)
        if not statement:
            return None
        return self.make("true_false", [f], "tf:true", _cap(statement.rstrip(".")) + ".", "True",
                         choices=["True", "False"], dq=0.5, explanation=expl or _cap(statement.rstrip(".")) + ".", **kw)

    def cloze(self, f: Any, forms: Sequence[str], extra: Sequence[str] = (), **kw: Any) -> list[_Cand | None]:
        """One candidate per usable source sentence (the first preferred); select() picks."""
        out: list[_Cand | None] = []
        for src in _good_sentences(f):
            text = _cloze_text(src.sentence, self.corpus.published.get(src.article))
            found = _blank(text, forms) if text else None
            if found is None or not _enough_context(found[0]):
                continue
            prompt, matched = found
            out.append(self.make("cloze", [f], f"cloze:{len(out)}" if out else "cloze", prompt, matched,
                                 [*forms, *extra], dq=0.5, penalty=0.02 * len(out),
                                 sources=[{"article": src.article, "sentence": src.sentence}], **kw))
        return out

    # per kind ---------------------------------------------------------------------------------

    def leader(self, f: Any) -> list[_Cand | None]:
        name, role = _name(f), _clean(f.role)
        if not name or not role or _pronoun_led(name) or role.lower() in _SKIP_ROLES:
            return []
        if _general_knowledge(f):
            return []  # "Who is France's President?" is general knowledge
        if all(is_caption(s.sentence) or not looks_english(s.sentence) for s in f.sources):
            return []  # named only under a photo: not what the article reports
        if name.split()[0].lower() in ("al", "bin", "ibn", "de", "van", "von", "el") or len(name.split()) < 2:
            return []  # "Al Said", "Kagame": a family name alone names nobody for sure
        if not (_country(f) or _role_complete(f)) or _BAD_ROLE.search(_role_label(f)):
            return []  # "X is the Leader": of what? A role must say where, and say it cleanly
        c = self.corpus
        accepted = [name, *(a for a in f.aliases if len(tokens(a)) > 1 or a == tokens(name)[-1].title())]
        out: list[_Cand | None] = []
        if not role_ok(f):
            # The role is cut off: only the name in its own sentence is safe to ask about.
            out.extend(self.leader_cloze(f, name, accepted))
            return out
        me = _pkey(name)
        my_roles = c.roles_by_person.get(me, set())
        holders = c.people_by_role.get(_rkey(f), set())
        commentator = is_commentator(role)
        # foils are offices as complete as the key: a bare "President" or "Sheikh" stands out
        peers = [g for g in c.leaders if role_ok(g) and is_commentator(_clean(g.role)) == commentator
                 and (_country(g) or _role_complete(g)) and not _BAD_ROLE.search(_role_label(g))
                 and not _HEAD_OF_STATE.match(_clean(g.role)) or g is f]
        others = [g for g in peers if _name(g) and _pkey(_name(g)) != me]
        my_words = set(content_tokens(role))

        def tier(g: Any) -> int:
            kind = 0 if f.subtype and g.subtype == f.subtype else 1 if set(content_tokens(g.role)) & my_words else 2
            return kind if self.near(f, g) else kind + FAR

        who = None if commentator else _who_prompt(f)
        if who:
            pool = [(tier(g), _name(g)) for g in others
                    if _pkey(_name(g)) not in holders and _rkey(g) != _rkey(f)]
            if _near_enough(pool):
                out.append(self.mc([f], "mc:who", who, name, accepted, pool, person=True))
            if len(holders) == 1:
                out.append(self.make("short_answer", [f], "sa:who", who, name, accepted, dq=0.5))
        label = _role_label(f)
        pool = [(tier(g), _role_label(g)) for g in peers if _rkey(g) not in my_roles]
        prompt = f"According to the article, what is {_poss(name)} role?" if not commentator else f"Who is {name}?"
        if (_country(f) or _role_complete(f)) and len({v for t, v in pool if t < FAR}) >= 3:
            pool = [(t, v) for t, v in pool if t < FAR]  # offices from another story are no test
            # "What is Kagame's role? President" asks nothing: only roles that say where
            out.append(self.mc([f], "mc:role", prompt, label, [], pool))
        true_stmt = f"{name} is {_role_phrase(f)}"
        # False statement: another office of the same kind (leader or commentator) swapped in.
        offices: dict[int, dict[tuple[str, str], Any]] = {}
        for g in peers:
            if _rkey(g) not in my_roles and tier(g) < FAR:  # an office from the same story only
                offices.setdefault(tier(g), {}).setdefault((g.role, g.country or ""), g)
        false = None
        for t in sorted(offices):
            swaps = sorted({s for g in offices[t].values()
                            for s in [f"{name} is {_role_phrase(g)}"]
                            if normalise(s) != normalise(true_stmt)})
            if swaps:
                false = self.rng.choice(swaps)
                break
        out.append(self.true_false(f, true_stmt, false, "tf:role"))
        out.extend(self.leader_cloze(f, name, accepted))
        return out

    def leader_cloze(self, f: Any, name: str, accepted: Sequence[str]) -> list[_Cand | None]:
        """Blank the full name only where the sentence gives the role right before it ("Russian
        Foreign Minister _____"): a bare "_____ said that ..." has no answer a student could know."""
        role_words = [w.lower() for w in words(_clean(f.role))]
        out: list[_Cand | None] = []
        for src in _good_sentences(f):
            text = _cloze_text(src.sentence, self.corpus.published.get(src.article))
            span = find_span(text, name) if text else None
            if text is None or span is None:
                continue
            before = [w.lower() for w in words(text[:span[0]])][-4:]
            after = [w.lower() for w in words(text[span[1]:span[1] + 60])] if text[span[1]:].startswith(",") else []
            if not role_words or not (role_words[-1] in before or role_words[0] in after[:3]):
                continue
            prompt = text[:span[0]] + BLANK + text[span[1]:]
            if not _enough_context(prompt):
                continue
            out.append(self.make("cloze", [f], f"cloze:{len(out)}" if out else "cloze", prompt,
                                 text[span[0]:span[1]], accepted, dq=0.5, penalty=0.02 * len(out),
                                 sources=[{"article": src.article, "sentence": src.sentence}]))
        return out

    def mechanism(self, f: Any) -> list[_Cand | None]:
        full = _full_name(f)
        if not full:
            return []
        c = self.corpus
        my_forms = {normalise(x) for x in [full, *f.aliases, f.answer or ""] if x}
        others = [g for g in c.mechanisms if _full_name(g) and normalise(_full_name(g)) not in my_forms
                  and not (my_forms & {normalise(x) for x in [*g.aliases, g.answer or ""] if x})]

        def tier(g: Any) -> int:
            # same story first (foils a reader met), then the same kind of body
            kind = 0 if f.subtype and g.subtype == f.subtype else 1 if _family(g) == _family(f) else 3
            return kind if self.near(f, g) else kind + 4

        out: list[_Cand | None] = []
        # No "What does X stand for?": the initials give the answer away and expanding a well-known
        # acronym is general knowledge, not the article. The body is asked about in its sentence.
        # Sentence-context multiple choice: which name completes the source sentence? Not for the
        # body the article is about: the rest of the story gives it away.
        for src in _good_sentences(f):
            if c.subject_of.get(src.article) == f.id:
                continue
            text = _cloze_text(src.sentence, self.corpus.published.get(src.article))
            found = _blank(text, [full, *f.aliases]) if text else None
            if found is None or not _enough_context(found[0]):
                continue
            blanked, matched = found
            if _echoed(matched, blanked) or _echoed(full, blanked):
                continue  # "... on UNESCO's World Heritage List ... the _____ Committee": the stem says it
            prompt = f"Which name completes the sentence? {blanked}"
            use_acr = is_acronym(matched)
            pool = [(tier(g), (_acronyms(g) or [""])[0] if use_acr else _full_name(g))
                    for g in others if tier(g) in (0, 1, 4, 5)]
            pool = [(t, v) for t, v in pool if not _overlapping(v, matched) and not _overlapping(v, full)]
            if sum(1 for t, _ in pool if t < 4) < 2:
                continue  # foils from unrelated articles are no test of this one
            cand = self.mc([f], "mc:fill", prompt, matched, [full, *f.aliases], pool, acronyms=True,
                           sources=[{"article": src.article, "sentence": src.sentence}], penalty=0.05)
            if cand is not None:
                out.append(cand)
        if not any(c.subject_of.get(a) == f.id for a in _articles(f)):
            out.extend(self.cloze(f, [full, *f.aliases]))
        return out

    def date(self, f: Any) -> list[_Cand | None]:
        iso = (f.date or "").strip()
        if iso_parts(iso) is None or _is_publication(f):
            return []  # "when was this article published" is trivia about the corpus, not the news
        c = self.corpus
        accepted = [*date_variants(iso),
                    *(a for a in f.aliases if a and parse_date(a) == iso_parts(iso))]
        out: list[_Cand | None] = []
        # cloze first: it needs no event and consumes no rng
        for src in _good_sentences(f):
            text = _cloze_text(src.sentence, self.corpus.published.get(src.article))
            found = _blank_date(text, iso) if text else None
            if found is None or not _enough_context(found[0]):
                continue
            n = sum(1 for x in out if x is not None)
            out.append(self.make("cloze", [f], f"cloze:{n}" if n else "cloze", found[0], found[1], accepted,
                                 dq=0.5, penalty=0.02 * n,
                                 sources=[{"article": src.article, "sentence": src.sentence}]))
        taken = sorted({*c.dates_of_event(f.event or ""), iso})
        prec = precision(iso)

        def free(d: str) -> bool:
            return iso_parts(d) is not None and not any(compatible(d, t) for t in taken)

        window = {"day": 90, "month": 400, "year": 365 * 12}[prec]
        # foils from the same story, or the true date moved: another article's years are easy to rule out
        same_precision = {g.date for g in c.dates if g.date and precision(g.date) == prec and self.near(f, g)}
        corpus_dates = sorted((d for d in same_precision if free(d)
                               and _date_pool_sort_key(d, iso)[0] <= window),
                              key=lambda d: _date_pool_sort_key(d, iso))
        pool: list[tuple[int, str]] = [(0, render_date(d)) for d in corpus_dates[:4]]
        # never a day or two off: a false date a reader can rule out, not a gotcha on precision
        steps = {"day": [7, -7, 14, -14, 30, -30, 61, -61],
                 "month": [1, 2, 3, -1, -2, -3],
                 "year": [1, 2, 3, -1, -2, -3, 4, -4]}[prec]
        shifted = [s for s in (_shift(iso, k) for k in steps) if s and free(s)]
        pool += [(1, render_date(s)) for s in shifted]
        question = _clean(getattr(f, "question", None) or "")
        if question and not _src_is_caption(f) and _question_ok(question):
            # "When did the IMF approve a 48-month Extended Fund Facility arrangement?": the fact
            # in plain words, its own item; the article's sentence stays the cited evidence
            srcs = [{"article": s.article, "sentence": s.sentence} for s in f.sources[:1]]
            expl = f"The article says: {strip_dateline(f.sources[0].sentence)}" if f.sources else None
            answer = render_date(iso)
            out.append(self.mc([f], "mc:when", question, answer, accepted, pool, date=True,
                               explanation=expl, sources=srcs))
            out.append(self.make("short_answer", [f], "sa:when", question, answer, accepted, dq=0.55,
                                 explanation=expl, sources=srcs, penalty=0.02))
        # The event is asked about in the article's own sentence, never pasted into a fixed frame
        # ("On what date did this happen: <clause>?" reads as a machine wrote it): the sentence
        # with its date blanked is a multiple choice; with the date swapped for a checked false
        # one (or kept) it is a true/false statement.
        for src in _good_sentences(f)[:1]:
            text = _cloze_text(src.sentence, self.corpus.published.get(src.article))
            found = _blank_date(text, iso) if text else None
            if found is None or not _enough_context(found[0]):
                continue
            blanked, matched = found
            if re.search(rf"{BLANK}\s*(?:and|or|to|–|-)\s*\d|\d{{4}}\s*(?:and|or|to|–|-)\s*{BLANK}", blanked):
                continue  # "in _____ and 2021", "from _____ to 23": the other end gives it away or garbles it
            srcs = [{"article": src.article, "sentence": src.sentence}]
            expl = f"The article says: {strip_dateline(src.sentence)}"
            same_form = [(t, render_like(matched, iso, d)) for t, d in
                         [(0, d) for d in corpus_dates[:4]] + [(1, d) for d in shifted]]
            out.append(self.mc([f], "mc:when-sentence", f"Which date completes the sentence? {blanked}",
                               matched, accepted, [(t, v) for t, v in same_form if v], date=True,
                               explanation=expl, sources=srcs,
                               # a full date is better typed (any format grades); a year or month chosen
                               penalty=0.1 if prec == "day" else 0.0))
            wrong = [d for d in (corpus_dates[:3] or shifted[:4]) if render_like(matched, iso, d)]
            false = blanked.replace(BLANK, render_like(matched, iso, self.rng.choice(sorted(wrong)))) if wrong else None
            out.append(self.true_false(f, text, false, "tf:when", sources=srcs))
        return out

    def goal(self, f: Any) -> list[_Cand | None]:
        c = self.corpus
        v = c.goal_views.get(f.id)
        if v is None:
            return []
        out: list[_Cand | None] = []
        src = [{"article": v.article, "sentence": v.sentence}]
        true_stmt = goal_statement(v)
        expl = true_stmt or _cap(_clean(f.statement)) + "."
        penalty = 0.05 if v.resolved else 0.0
        kw = {"sources": src, "explanation": expl, "penalty": penalty}
        question = goal_question(v)
        out.append(self.goal_who(f, v, true_stmt, kw))
        # Distractors: goals of the same form stated by parties that share nobody with this actor,
        # that no overlapping actor also stated, and that do not name this actor (China's "work
        # with Russia to ..." is no wrong answer about Russia): never a true alternative.
        mine = c.goals_of(v.parties)
        pool = []
        for w in c.goal_views.values():
            if w.parties & v.parties or w.form != v.form or len(words(w.goal)) > 2 * len(words(v.goal)) + 4:
                continue
            if _parties(w.goal, c.leaders) & v.parties:
                continue
            if any(fuzz.token_set_ratio(normalise(w.goal), normalise(m)) >= 80 for m in mine):
                continue
            pool.append((0 if w.article == v.article else 2, w.goal))
        if question and sum(1 for t, _ in pool if t == 0) >= 2:
            # foils are other parties' aims in the same article (at most one from elsewhere)
            near = [(t, g) for t, g in pool if t == 0]
            far = sorted(g for t, g in pool if t != 0)
            self.rng.shuffle(far)
            out.append(self.mc([f], "mc:goal", question, v.goal, [], near + [(2, g) for g in far[:1]], **kw))
            if len(words(v.goal)) <= 6 and not c.verb_ambiguous(v):
                out.append(self.make("short_answer", [f], "sa:goal", question, v.goal, short_forms(v.goal),
                                     dq=0.5, **kw))
        items = list_items(v.goal)
        if len(items) >= 3 and true_stmt:
            item = items[-1] if len(items[-1]) > 3 else max(items, key=len)
            span = find_span(true_stmt, item)
            if span:
                blanked = true_stmt[:span[0]] + BLANK + true_stmt[span[1]:]
                prompt = f"Which word completes the sentence? {blanked}"
                said = {normalise(w) for m in mine for w in re.findall(r"[\w-]+", m)}
                item_pool = [(0, i) for w in c.goal_views.values() for i in list_items(w.goal)
                             if normalise(i) not in said]
                item_pool += [(1, q) for q in _QUALITY_POOL if normalise(q) not in said]
                out.append(self.mc([f], "mc:item", prompt, item, [], item_pool, **kw))
        # cloze: the goal itself when short, else one list item, in the source sentence (a
        # blanked aim has several fair wordings, so it ranks below the goal's other items; it is
        # kept because a flashcard needs a typed or chosen front)
        text = _cloze_text(v.sentence, c.published.get(v.article))
        if text:
            target = v.goal if len(words(v.goal)) <= 8 else (items[-1] if len(items) >= 3 else None)
            if target:
                found = _blank(text, [target])
                if found and _enough_context(found[0]):
                    out.append(self.make("cloze", [f], "cloze", found[0], found[1], [target], dq=0.5,
                                         **{**kw, "penalty": kw.get("penalty", 0.0) + 0.05}))
        # A true statement only when the aim is specific (a name or a number in it): "the
        # Committee will consider inscriptions" is a truism.
        if true_stmt and re.search(r"\d|\b[A-Z][a-z]+\b", v.goal):
            # False variant: the actor opposing its own goal. Never another party's goal swapped
            # in: that is false in the corpus but often true in the world ("Xi Jinping insisted on
            # the one-China principle"). Checked: no fact has this actor opposing this goal.
            # No false variant made by inserting "not": a reader spots it without the article.
            out.append(self.true_false(f, true_stmt, None, "tf:goal", sources=src, penalty=penalty + 0.1))
        return out

    def goal_who(self, f: Any, v: Any, true_stmt: str | None, kw: dict) -> _Cand | None:
        """"Who pledged to promote diversity within Interpol?": the aim stated in the article's
        words, the party to pick; foils are other people (or bodies, or countries) of the same
        story who stated no such aim, so each is checked false."""
        lead = _cap(with_the(v.actor))
        if not true_stmt or v.verb == "should" or not true_stmt.startswith(lead):
            return None
        c = self.corpus
        topic = c.topic_of.get(v.article, v.article)
        here = {a for a, t in c.topic_of.items() if t == topic} | {v.article}
        people = {normalise(_name(g)) for g in c.leaders}
        is_person = any(normalise(p) in people for p in v.parties) and len(v.parties) <= 2
        countries = {normalise(_country(g)) for g in c.leaders if g.country}
        is_country = not is_person and all(p in countries for p in v.parties)
        bare = normalise(re.sub(r"^the\s+", "", v.actor, flags=re.I))
        body = next((g for g in c.mechanisms if bare in {normalise(x) for x in [_name(g), *g.aliases] if x}), None)
        answer = v.actor
        if is_person:
            cands = [(_name(g), g) for g in c.leaders if _name(g) and len(_name(g).split()) > 1]
            word = "Who"
        elif is_country:
            cands = [(_country(g), g) for g in c.leaders if g.country and _country(g) in COUNTRY_ADJ]
            word = "Which country"
        elif body is not None and _family(body) == "body":
            # the body under its full name; none of its other names is a foil
            answer = _the(_full_name(body) or v.actor)
            mine_forms = {normalise(x) for x in [_name(body), *body.aliases] if x}
            cands = [(_the(_full_name(g)), g) for g in c.mechanisms
                     if _full_name(g) and _family(g) == "body" and " " in _full_name(g)
                     and not mine_forms & {normalise(x) for x in [_name(g), *g.aliases] if x}]
            word = "Which body"
        else:
            return None  # not known to be a person, country or body: no safe foils
        if len(v.actor.split()) > 8:
            return None
        mine = c.goals_of(v.parties)
        pool: list[tuple[int, str]] = []
        for name, g in cands:
            ps = _parties(name, c.leaders)
            if ps & v.parties or normalise(name) in v.parties or contains_phrase(v.actor, name):
                continue
            theirs = c.goals_of(ps)
            if any(fuzz.token_set_ratio(normalise(t), normalise(m)) >= 70 for t in theirs for m in mine):
                continue  # they stated a like aim: not a wrong answer
            pool.append((0 if _articles(g) & here else 3, name))
        if sum(1 for t, _ in pool if t == 0) < 2:
            return None
        rest = true_stmt[len(lead):].strip().rstrip(".")
        prompt = f"{word} {rest}?"
        answer = _cap(answer)
        return self.mc([f], "mc:who", prompt, answer, [v.actor], [(t, _cap(n)) for t, n in pool],
                       person=is_person, **kw)

    # groups -----------------------------------------------------------------------------------

    def groups(self, rows: list[tuple[Any, str, str]], clash, size_min: int, size_max: int
               ) -> list[list[tuple[Any, str, str]]]:
        """Split rows into groups of size_min..size_max with no clashing pair inside a group."""
        rows = sorted(rows, key=lambda r: r[0].id)
        self.rng.shuffle(rows)
        # rows that clash with few others go first, so one vague row ("2021") cannot crowd out
        # the precise ones it overlaps ("23 August 2021", "25 August 2021")
        clashes = {id(r): sum(1 for o in rows if o is not r and clash(r, o)) for r in rows}
        rows.sort(key=lambda r: clashes[id(r)])
        n = len(rows)
        if n < size_min:
            return []
        k = max(1, math.ceil(n / size_max))
        while k > 1 and n / k < size_min:
            k -= 1
        groups: list[list[tuple[Any, str, str]]] = [[] for _ in range(k)]
        for i, row in enumerate(rows):
            for j in range(k):
                g = groups[(i + j) % k]
                if len(g) < size_max and not any(clash(row, other) for other in g):
                    g.append(row)
                    break
        return [g for g in groups if size_min <= len(g)]

    def article_groups(self, rows: list[tuple[Any, str, str]], clash, size_min: int, size_max: int
                       ) -> list[list[tuple[Any, str, str]]]:
        """Groups drawn from one topic (an article, or articles on one story) at a time: a matching or
        ordering item that mixes unrelated articles pairs people and events never seen together."""
        by_article: dict[str, list[tuple[Any, str, str]]] = {}
        topics = self.corpus.topic_of
        for row in rows:
            art = row[0].sources[0].article if row[0].sources else ""
            by_article.setdefault(topics.get(art, art), []).append(row)
        out: list[list[tuple[Any, str, str]]] = []
        for art in sorted(by_article):
            out += self.groups(by_article[art], clash, size_min, size_max)
        return out

    def matching(self) -> list[_Cand | None]:
        c = self.corpus
        out: list[_Cand | None] = []

        def person_clash(a, b) -> bool:
            pa, pb = _pkey(a[1]), _pkey(b[1])
            return (pa == pb or normalise(a[2]) == normalise(b[2])
                    or _rkey(b[0]) in c.roles_by_person.get(pa, set())
                    or _rkey(a[0]) in c.roles_by_person.get(pb, set()))

        def text_clash(a, b) -> bool:
            return (normalise(a[1]) == normalise(b[1]) or normalise(a[2]) == normalise(b[2])
                    or fuzz.ratio(normalise(a[1]), normalise(b[1])) > 90)

        def date_clash(a, b) -> bool:
            return text_clash(a, b) or _same_event(a[1], b[1]) or compatible(a[0].date, b[0].date)

        specs = [
            ("people", "Match each person to their role.", person_clash,
             [(f, _name(f), _role_label(f)) for f in c.leaders
              if _name(f) and f.role and role_ok(f) and not _pronoun_led(_name(f))
              and (_country(f) or _role_complete(f)) and not _general_knowledge(f)
              and not _BAD_ROLE.search(_role_label(f))]),
            ("dates", "Match each event to its date.", date_clash,
             [(f, c.events[f.id], render_date(f.date)) for f in c.dates if f.id in c.events
              and listable_event(c.events[f.id])]),
            # no "match each party to its aim": one party named three ways ("the Bank of Japan",
            # "the BOJ chief", "the Japanese central bank") cannot be told apart by a reader
        ]
        for key, prompt, clash, rows in specs:
            for group in self.article_groups(rows, clash, MATCH_MIN, MATCH_MAX):
                facts = [r[0] for r in group]
                pairs = [[r[1], r[2]] for r in group]
                answer = "; ".join(f"{left} \u2192 {right}" for left, right in pairs)
                out.append(self.make("matching", facts, f"match:{key}", prompt, answer,
                                     pairs=pairs, dq=0.5,
                                     slot="match|" + ",".join(sorted(f.id for f in facts))))
        return out

    def ordering(self) -> list[_Cand | None]:
        c = self.corpus
        rows = [(f, c.events[f.id], f.date) for f in c.dates if f.id in c.events and listable_event(c.events[f.id])]

        def clash(a, b) -> bool:
            return (compatible(a[2], b[2]) or _same_event(a[1], b[1])
                    or normalise(a[1]) == normalise(b[1]))

        out: list[_Cand | None] = []
        for unsorted in self.article_groups(rows, clash, ORDER_MIN, ORDER_MAX):
            group = sorted(unsorted, key=lambda r: (date_interval(r[2]) or (r[2],))[0])
            facts = [r[0] for r in group]
            items = [r[1] for r in group]
            expl = " ".join(_date_statement(r[1], r[2]) + "." for r in group)
            out.append(self.make("ordering", facts, "order", ORDER_PROMPT, " \u2192 ".join(items),
                                 items=items, dq=0.5, explanation=expl,
                                 slot="order|" + ",".join(sorted(f.id for f in facts))))
        return out

    # ranking ----------------------------------------------------------------------------------

    def run(self, budget: int | None = None) -> list[Question]:
        cands: list[_Cand | None] = []
        handlers = {"leader": self.leader, "mechanism": self.mechanism, "date": self.date,
                    "goal": self.goal}
        for f in self.corpus.facts:
            handler = handlers.get(f.kind)
            if handler is not None:
                cands.extend(handler(f))
        cands.extend(self.matching())
        cands.extend(self.ordering())
        return select([c for c in cands if c is not None], budget=budget)


def generate(facts: Iterable[Fact], rng: random.Random | None = None, budget: int | None = None) -> list[Question]:
    """Questions for ``facts``, best first; deterministic for a given ``rng`` seed.

    ``budget`` caps the items kept per article (default ``ARTICLE_BUDGET``; 0 keeps every item
    that passes the checks, for tests of the templates themselves)."""
    return _Generator(facts, rng if rng is not None else random.Random(0)).run(budget)


__all__ = ["BLANK", "ORDER_PROMPT", "generate", "select"]
