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

import itertools
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .blanks import (
    _MAX_TYPED_WORDS,
    BLANK,
    _blank,
    _cloze_text,
    _enough_context,
    _good_sentences,
)
from .grade import match_text
from .items.dates import DateItems
from .items.deadlines import DeadlineItems
from .items.goals import GoalItems
from .items.groups import MATCH_MAX, MATCH_MIN, ORDER_MAX, ORDER_MIN, ORDER_PROMPT, GroupItems  # noqa: F401
from .items.people import PeopleItems
from .items.venues import VenueItems
from .labels import (
    _BASE_DIFFICULTY,
    _PARTICLES,
    _TYPE_PREFERENCE,
    _cap,
    _clean,
    _dedupe,
    _qid,
    _salience,
    _source_count,
    _sources,
    family_first,
    surname,
)
from .normalise import (
    contains_phrase,
    is_acronym,
    leaks,
    normalise,
    spelling_variants,
)
from .rank import ARTICLE_BUDGET, TRUE_FALSE_SHARE, _Cand, learned_score, select, shape_prior  # noqa: F401 (re-exported)
from .referents import stands_alone
from .render import a_or_an
from .sentences import (
    generic_body,
    split_word,
    strip_dateline,
)
from .setting import (
    named_state,
    placed_body,
    places_in,
    statement_in_setting,
    unplaced_council,
    unplaced_national,
    with_setting,
)
from .story import _Corpus
from .types import Question
from .unnamed import _SECTOR_MEETING

if TYPE_CHECKING:  # only for hints: importing the facts package pulls in the NLP extractor
    from ..facts.types import Fact


class _Generator(PeopleItems, DateItems, DeadlineItems, GoalItems, GroupItems, VenueItems):
    def __init__(self, facts: Iterable[Fact], rng: random.Random) -> None:
        self.rng = rng
        self.corpus = _Corpus(sorted(facts, key=lambda f: f.id))

    # building blocks --------------------------------------------------------------------------

    def near(self, f: Any, g: Any) -> bool:
        """Do facts ``f`` and ``g`` come from one story (an article, or articles that share people
        or bodies)? Foils and swapped-in values are drawn from there first."""
        return not self.corpus.topics(f).isdisjoint(self.corpus.topics(g))

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
        setting: bool = True,
    ) -> _Cand | None:
        """Fill in a candidate; None if the prompt gives the answer (or an alias of it) away.

        ``setting=False`` keeps the stem from being told of the article's country ("According to
        the article about Samoa, ..."): in a question about a place that would point at the key."""
        prompt = re.sub(r"\s+", " ", prompt).strip()
        # (a hard-wrapped article's line breaks are no part of an option, a pair or an answer)
        answer = re.sub(r"\s+", " ", answer)
        choices = [re.sub(r"\s+", " ", c).strip() for c in choices]
        pairs = [[re.sub(r"\s+", " ", x).strip() for x in p] for p in pairs]
        items = [re.sub(r"\s+", " ", x).strip() for x in items]
        prompt = re.sub(r",\s*,", ",", prompt)  # a doubled comma in the source ("Oslo,,") is no part of the item
        answer = answer.strip()
        if not prompt or not answer:
            return None
        if split_word(" ".join([prompt, answer, *choices, *items, *(x for p in pairs for x in p)])):
            return None  # "mobile vacci nation teams": the source's split word, printed (round 219)
        acc = _dedupe([answer, *accepted])
        if qtype in ("cloze", "short_answer") and len(answer.split()) > _MAX_TYPED_WORDS:
            return None  # nobody types an eight-word answer the same way twice
        if qtype in ("cloze", "short_answer"):
            # typed answers: the other spelling, no diacritics, and a person's surname alone
            extra = [v for a in acc for v in spelling_variants(a)]
            if facts and facts[0].kind == "leader" and len(answer.split()) >= 2 and not is_acronym(answer):
                # the surname alone (and, for a name of three parts or more, the first of two surnames)
                parts = answer.split()
                family = surname(answer)  # "Ben Salah", never "Salah" (round 45); "Tan" of Tan Siew Ling (round 52)
                extra += [family, *spelling_variants(family)]
                # "Carla N. Barnett" is also "Carla Barnett", "Jorge Hernando Pedraza" "Jorge Pedraza"
                plain = " ".join(p for p in parts if not re.fullmatch(r"[A-Z]\.?", p))
                if plain == answer and len(parts) == 3 and parts[1][:1].isupper() and parts[1].isalpha() \
                        and parts[1].lower() not in _PARTICLES:
                    plain = f"{parts[0]} {parts[2]}"
                if plain != answer and len(plain.split()) >= 2 and not family_first(answer):
                    extra += [plain, *spelling_variants(plain)]
                if len(parts) == 3 and all(p[:1].isupper() and p.replace("-", "").isalpha() for p in parts[1:]) \
                        and not family_first(answer):
                    # two surnames ("Rubén Castellanos Ibarra"): both together (never the middle
                    # word alone: in "João Luiz Ferreira" it is a given name)
                    both = f"{parts[1]} {parts[2]}"
                    extra += [both, *spelling_variants(both)]
                particle = next((i for i, p in enumerate(parts) if p in _NAME_PARTICLES), None)
                if particle is not None and particle >= 3:
                    # "Luiz Inácio Lula da Silva": the name before "da" leads the surname
                    # ("Lula da Silva") and is what he is called ("Lula")
                    lead = parts[particle - 1]
                    tail = " ".join(parts[particle - 1:])
                    extra += [tail, *spelling_variants(tail), lead, *spelling_variants(lead)]
            # kept apart from ``_dedupe``, which folds diacritics: "Joao" must be listed beside "João"
            # for tools that compare strictly (exports), and for a reader of the accepted answers
            have = {a.casefold() for a in acc}
            for v in extra:
                if v.strip() and v.casefold() not in have:
                    have.add(v.casefold())
                    acc.append(v.strip())
        if qtype not in ("matching", "ordering", "true_false"):
            if any(leaks(prompt, a) for a in acc):
                return None
            if _year_given_away(prompt, answer):
                return None
        # letters the article spells out elsewhere are spelled out in the stem (unless that would
        # print the answer); letters it never spells out make an item a reader cannot follow
        arts = {s["article"] if isinstance(s, dict) else s.article for s in (sources or [])} or \
            {src.article for f in facts for src in f.sources}
        spelled = self.corpus.spell_out(prompt, arts, keep=acc)
        spelled = self.corpus.name_generic(spelled, arts) if spelled is not None else None
        if spelled is not None:
            # "capitalise a CMAR Trust Fund" spelled out reads "a Eastern Tropical ..." (session 26); a
            # dash left before the question mark by a cut aside goes too
            spelled = a_or_an(spelled)
            spelled = re.sub(r"\s+[-–—]\s*\?$", "?", spelled)
        if spelled is None or generic_body(spelled) and (not generic_body(prompt) or _SECTOR_MEETING.search(spelled)):
            return None  # "the first JSC meeting" spelled out is any two sides' "Joint Steering Committee" (round 46)
        if qtype in ("multiple_choice", "short_answer", "true_false", "cloze") and len(arts) == 1:
            spelled = placed_body(spelled, self.corpus.setting_of(next(iter(arts))))
            if spelled is None or qtype != "true_false" and any(leaks(spelled, a) for a in acc):
                return None  # "the Environmental Board": of which country, the stem must say (and never
                # the country a "where" question asks for)
        if setting and qtype in ("multiple_choice", "short_answer") and len(arts) == 1 \
                and (unplaced_national(spelled) or unplaced_council(spelled)):
            # "Who headed the Election Observation Mission?": of the article about which country (only
            # where the stem needs a country: raters failed the frame four times in six, round 47)
            country = self.corpus.setting_of(next(iter(arts)))
            placed = with_setting(spelled, country)
            said = [s["sentence"] if isinstance(s, dict) else s.sentence for s in (sources or [])] or \
                [src.sentence for f in facts for src in f.sources]
            if not any(leaks(placed, a) for a in acc) and not any(c != country for t in said for c in places_in(t)):
                # (not where the item's own sentence names another country: "the Swiss Confederation,
                # represented by the Director of the Federal Office ..." is no office of Italy, round 191)
                spelled = placed
        if unplaced_council(spelled):
            return None  # "the Conference of Heads of State": of which bloc, the stem never says
        if qtype in ("multiple_choice", "short_answer", "true_false") and len(arts) == 1:
            # "the State Water Resources Agency": of which country, the stem must say
            if qtype == "true_false":
                told = statement_in_setting(spelled, self.corpus.setting_of(next(iter(arts))))
                if told is None:
                    return None
                spelled = told
            elif unplaced_national(spelled):
                return None
        if qtype in ("multiple_choice", "short_answer", "true_false", "cloze") and len(arts) == 1:
            # "the Kingdom aims to ...": which kingdom, the article's setting says (or nobody does)
            named = named_state(spelled, self.corpus.setting_of(next(iter(arts))))
            if named is None or qtype != "true_false" and any(leaks(named, a) for a in acc):
                return None
            spelled = named
        if explanation == prompt:
            explanation = spelled  # a true statement explains itself, in the same words
        prompt = spelled
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
            score=max(0.0, self.score(qtype, facts, prompt, dq) + shape_prior(qtype, key, prompt, facts[0].kind) - penalty),
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
                if len(chosen) == _SPARE:
                    break
            if len(chosen) == _SPARE:
                break
        if len(chosen) < 3:
            return None
        # the first three, unless they point at the answer: "16 May", "15 March", "15 April" around
        # "15 May" make the key the one option sharing its day and its month with the others
        combos = itertools.combinations(chosen, 3)
        first = next(combos)
        chosen = list(first)
        if grade_kw.get("date") and _converges(answer, [v for _, v in first]):
            chosen = list(next((c for c in combos if not _converges(answer, [v for _, v in c])), first))
            if _converges(answer, [v for _, v in chosen]):
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

    def body(self, f: Any) -> list[_Cand | None]:
        """A named body: what it did, where its meeting was held, where it sits (each family draws
        on the fact's rng in this order, so adding one at the end keeps the earlier ones' questions
        as they were). Not how many members it has: blind rounds 12B, 21A and 21B failed all three
        such items as general knowledge the article only repeats."""
        return [*self.mechanism(f), *self.venue(f), *self.seat(f)]


    # groups -----------------------------------------------------------------------------------


    # ranking ----------------------------------------------------------------------------------

    def run(self, budget: int | None = None, targets: set[str] | None = None, seed: int = 0,
            learned: Mapping[str, float] | None = None) -> list[Question]:
        """Candidates for every fact (or only the ``targets``: the others are context, as foils and
        story), ranked and pruned. Each fact draws from its own generator seeded by its id, so its
        questions do not depend on which other facts were generated in the same run."""
        cands: list[_Cand | None] = []
        handlers = {"leader": self.leader, "mechanism": self.body, "date": self.date, "goal": self.goal}
        for f in self.corpus.facts:
            handler = handlers.get(f.kind)
            if handler is not None and (targets is None or f.id in targets):
                self.rng = random.Random(f"{seed}|{f.id}")
                cands.extend(handler(f))
        self.rng = random.Random(f"{seed}|groups")
        groups = [*self.matching(), *self.ordering()]
        if targets is not None:
            groups = [c for c in groups if c is not None and targets & set(c.question.fact_ids)]
        cands.extend(groups)
        kept = _one_key_per_stem([c for c in cands if c is not None])
        if learned:
            for c in kept:  # reviewers' and students' verdicts move a pattern or a question down (or up)
                c.question.score = learned_score(c.question, learned)
        return select(kept, budget=budget, admit=stands_alone)


def _year_given_away(prompt: str, answer: str) -> bool:
    """Does the stem name the year its date answer is, or the year after it ("When did the Commission
    set the 2026 total allowable catch?" keyed 2025, round 171)? A reader answers from the stem."""
    key = re.search(r"\b(?:19|20)\d\d\b", answer)
    if key is None or not re.fullmatch(r"[\w ,./-]{4,40}", answer):
        return False
    year = int(key.group(0))
    told = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)(?![\d/-])", prompt)}
    if re.match(r"(?:1\s+January|January\s+1)\b", answer):
        # "When will the Plan of Action 2026-2028 take effect?" keyed 1 January 2026 (round 200)
        told |= {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\s*[-–/]\s*(?:19|20)?\d\d\b", prompt)}
    return bool(told & {year, year + 1})


def _one_key_per_stem(cands: list[_Cand]) -> list[_Cand]:
    """The candidates but those whose stem another asks with another key: "When did the Council of
    Europe open for signature?" keyed 1985 and 2016 from two sentences (round 169) has no one answer."""
    keys: dict[str, set[str]] = {}
    for c in cands:
        if c.question.type in ("multiple_choice", "short_answer", "cloze"):
            keys.setdefault(c.question.prompt.casefold(), set()).add(normalise(c.question.answer))
    return [c for c in cands if len(keys.get(c.question.prompt.casefold(), ())) <= 1]


def generate(facts: Iterable[Fact], rng: random.Random | None = None, budget: int | None = None,
             targets: set[str] | None = None, learned: Mapping[str, float] | None = None) -> list[Question]:
    """Questions for ``facts`` (or for the ``targets`` among them), best first; deterministic for a
    given ``rng`` seed.

    ``budget`` caps the items kept per article (default ``ARTICLE_BUDGET``; 0 keeps every item
    that passes the checks, for tests of the templates themselves). ``learned`` holds ranking
    factors by pattern and by question id (``rank.learned_score``)."""
    seed = (rng if rng is not None else random.Random(0)).getrandbits(32)
    return _Generator(facts, random.Random(seed)).run(budget, targets, seed, learned)


__all__ = ["BLANK", "ORDER_PROMPT", "generate", "select"]


_NAME_PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "du"}

# Foils beyond the three shown, to swap in when the first three give the answer away.
_SPARE = 6


def _converges(answer: str, foils: Sequence[str]) -> bool:
    """Does the answer share more words with the foils than any foil does ("15 May 2025" among
    "16 May 2025", "15 March 2025", "15 April 2025")? A reader who never read the article picks
    the option the others were made from."""
    options = [answer, *foils]
    toks = [set(re.findall(r"\w+", o.lower())) for o in options]
    common = set.intersection(*toks)  # (the year all share tells nothing)
    score = [sum(len((t - common) & (u - common)) for j, u in enumerate(toks) if j != i) for i, t in enumerate(toks)]
    return score[0] > 0 and all(score[0] > x for x in score[1:])
