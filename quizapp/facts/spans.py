"""Small helpers over spaCy parses shared by the event, goal and item rules.

Why a module of its own: the rules all need the same few operations (a verbatim text slice for a
set of tokens, trimming function words at the edges, splitting a coordinated list), and spaCy
creates fresh ``Token`` objects on every access, so tokens are always compared by index (``.i``).
"""

from __future__ import annotations

import re

EDGE_PUNCT = set(",.;:!?\"'“”‘’()[]—–-")
_QUOTES = re.compile(r"[“”\"]")


# A short name in quotes inside a span ('the principle of "one test, one release"'), and what such a
# name follows (a quoted fragment of speech loses its marks: 'units "before the rains peak"').
_QUOTED_NAME = re.compile(r"[\"“]([^\"“”]{2,60}?)[\"”]")
_NAMED_IN_QUOTES = re.compile(r"\b(?:principle|policy|slogan|motto|theme|concept|approach|doctrine|formula|rule|"
                              r"campaign|initiative|programme|program|strategy|plan|vision|agenda|called|dubbed|named|"
                              r"known\s+as|so-called|branded|titled|entitled)(?:\s+of)?\s*$", re.I)


def quoted_names_kept(text: str) -> str:
    """``text`` without quote marks, but for a short name quoted inside it ('apply the principle of
    "one test, one release"'), which reads garbled without them (round 196); any other quote mark
    is the article's quoting."""
    named = _QUOTED_NAME.search(text)
    if named and len(_QUOTES.findall(text)) == 2 and _NAMED_IN_QUOTES.search(text[:named.start()]):
        return text[:named.start()] + f"“{named.group(1)}”" + text[named.end():]
    return _QUOTES.sub("", text)


def slice_text(doc, lo: int, hi: int) -> str:
    """Verbatim text of tokens ``lo..hi`` (inclusive), quotes removed, white space collapsed."""
    if hi < lo:
        return ""
    text = doc[lo : hi + 1].text
    if len(_QUOTES.findall(text)) == 1 and hi + 1 < len(doc) and doc[hi + 1].text in ('"', "”"):
        text += doc[hi + 1].text  # (the span's trim left the closing quote of a name it opens)
    text = re.sub(r"\s+", " ", quoted_names_kept(text))
    return text.strip(" ,;:")


def trim(doc, lo: int, hi: int, lead_deps=("punct", "cc", "mark", "prep", "aux"), lead_words=()) -> tuple[int, int]:
    """Shrink ``lo..hi`` past punctuation/conjunctions at both ends (and given leading words)."""
    while lo <= hi and (doc[lo].dep_ in lead_deps or doc[lo].is_punct or doc[lo].is_space
                        or doc[lo].lower_ in lead_words):
        lo += 1
    while hi >= lo and (doc[hi].is_punct and doc[hi].text != "%" or doc[hi].is_space
                        or doc[hi].dep_ in ("cc", "det", "prep", "mark")
                        or doc[hi].text in EDGE_PUNCT) and not _closes_inside(doc, lo, hi):
        # ("at 17%": the sign is the figure's unit, no punctuation to trim, round 85)
        hi -= 1
    if hi >= lo and hi + 1 < len(doc) and doc[hi + 1].lower_ == "won" and (doc[hi].like_num or doc[hi].lower_ in _SCALES):
        hi += 1  # "a budget of about 12 trillion won": Korea's currency, which the parser reads as a verb
    return lo, hi


_SCALES = {"thousand", "million", "billion", "trillion", "mn", "bn", "tn"}


def _closes_inside(doc, lo: int, hi: int) -> bool:
    """``doc[hi]`` closes a bracket opened within ``lo..hi`` ("the Network (LMSMN)"): kept, or
    the phrase would end on an open bracket."""
    close = doc[hi].text
    if close not in (")", "]"):
        return False
    opener, depth = "(" if close == ")" else "[", 0
    for i in range(hi - 1, lo - 1, -1):
        if doc[i].text == close:
            depth += 1
        elif doc[i].text == opener:
            if depth == 0:
                return True
            depth -= 1
    return False


def tokens_text(doc, indexes) -> str:
    """Text of a (possibly gappy) set of token indexes, in order, with the file's spacing."""
    ids = sorted(set(indexes))
    parts = []
    for k, i in enumerate(ids):
        t = doc[i]
        gap = k + 1 < len(ids) and ids[k + 1] != i + 1
        parts.append(t.text + (" " if gap or t.whitespace_ else ""))
    text = "".join(parts)
    text = _QUOTES.sub("", text)
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", text))
    return text.strip(" ,;:")


def subtree_ids(tok) -> set[int]:
    return {t.i for t in tok.subtree}


# ----------------------------------------------------------------- coordinated lists
def _groups(doc, lo: int, hi: int) -> list[list[int]]:
    """Coordination groups inside ``lo..hi``: tokens linked by ``conj`` (transitively) plus
    same-head modifiers separated only by a comma ("an independent, neutral ... country")."""
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    for i in range(lo, hi + 1):
        t = doc[i]
        if t.dep_ == "conj" and lo <= t.head.i <= hi:
            union(t.i, t.head.i)
        if t.dep_ in ("amod", "compound") and i + 2 <= hi:
            nxt = doc[i + 2]
            if doc[i + 1].text == "," and nxt.dep_ == t.dep_ and nxt.head.i == t.head.i:
                union(t.i, nxt.i)
    groups: dict[int, list[int]] = {}
    for i in list(parent):
        groups.setdefault(find(i), []).append(i)
    return [sorted(g) for g in groups.values() if len(g) >= 3]


def list_items(doc, lo: int, hi: int) -> list[str]:
    """The longest coordinated list (three or more items) inside tokens ``lo..hi``.

    Item boundaries come from the separators between the coordinated heads, so each item keeps its
    own modifiers and objects ("protect each other's legitimate interests in Afghanistan").
    """
    best: list[str] = []
    for members in _groups(doc, lo, hi):
        starts = []
        for k, m in enumerate(members):
            tok = doc[m]
            left = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ not in ("cc", "punct", "det", "nsubj", "mark")])
            if k > 0:
                left = max(left, members[k - 1] + 1)
            left = max(left, lo)
            while left - 2 >= lo and doc[left - 1].text == "-" and not doc[left - 2].whitespace_:
                left -= 2  # "co-exist" split by the tokenizer
            starts.append(left)
        first = members[0]
        head = doc[first].head
        if not (lo <= head.i <= hi) and doc[first].dep_ == "conj":
            # the list's first item hangs elsewhere (a parse slip): take the nearest clause before it
            prior = [i for i in range(lo, first) if doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ in ("xcomp", "acl", "ccomp", "advcl")]
            between = {doc[i].text for i in range(prior[-1], first)} if prior else set()
            if prior and "," in between:
                members = [prior[-1], *members]
                starts = [prior[-1], *starts]
        items = []
        for k in range(len(members)):
            s = starts[k]
            if k + 1 < len(members):
                e = starts[k + 1] - 1
            else:
                tok = doc[members[k]]
                e = min(hi, max([tok.i] + [c.right_edge.i for c in tok.rights if c.dep_ not in ("cc", "conj", "punct")]))
            s, e = trim(doc, s, e, lead_deps=("punct", "cc"))
            items.append((s, e))
        # "restrain and combat X": a bare head joined by a plain "and" to the next item is one item
        merged: list[tuple[int, int]] = []
        for k, (s, e) in enumerate(items):
            tail = {doc[i].lower_ for i in range(max(s - 3, lo), s)}
            if merged and (doc[s].lower_ in ATTACHED or tail & ATTACHED):  # ", especially to ..." qualifies the previous item
                merged[-1] = (merged[-1][0], e)
                continue
            if merged and k < len(items) - 1:
                ps, pe = merged[-1]
                gap = [doc[i].text for i in range(pe + 1, s)]
                if pe == members[k - 1] and gap in (["and"], ["or"]):
                    merged[-1] = (ps, e)
                    continue
            merged.append((s, e))
        texts = [slice_text(doc, s, e) for s, e in merged if e >= s]
        if len(texts) >= 3 and len(texts) > len(best):
            best = texts
    return best or _comma_verb_list(doc, lo, hi)


ATTACHED = {"including", "especially", "notably", "particularly", "such", "like", "namely"}


def _comma_verb_list(doc, lo: int, hi: int) -> list[str]:
    """Fallback when the parse misses a list of actions: "draw X, restrain and combat Y, including Z,
    and prevent W" — comma-separated segments of a phrase that starts with a base-form verb and whose
    last segment ("and prevent ...") starts with one too."""
    if doc[lo].tag_ != "VB":
        return []
    segments: list[list[int]] = [[]]
    for i in range(lo, hi + 1):
        if doc[i].text == ",":
            segments.append([])
        else:
            segments[-1].append(i)
    merged: list[list[int]] = []
    for seg in segments:
        words = [i for i in seg if doc[i].lower_ not in ("and", "or")] if seg else []
        if not words:
            continue
        if merged and doc[words[0]].lower_ in ATTACHED:
            merged[-1].extend(seg)
            continue
        merged.append(seg)
    if len(merged) < 3:
        return []
    last = [i for i in merged[-1] if doc[i].lower_ not in ("and", "or")]
    if not last or doc[last[0]].tag_ != "VB" or doc[merged[-1][0]].lower_ not in ("and", "or"):
        return []
    out = []
    for seg in merged:
        s, e = trim(doc, seg[0], seg[-1], lead_deps=("punct", "cc"), lead_words=("and", "or"))
        # an "including ..." tail belongs to its item but is not needed to name it
        cut = [i for i in range(s, e + 1) if doc[i].lower_ in ATTACHED and i > s]
        if cut:
            e = cut[0] - 1
        out.append(slice_text(doc, s, e))
    return [t for t in out if t]


def bracketed(doc, t) -> bool:
    """"SLIM (Smart Lander for Investigating Moon)": an aside in brackets spells a name out; it is
    not a list the parser read as an aside (the bracket may be the aside's own first token)."""
    left = t.left_edge.i
    return doc[left].text == "(" or (left > 0 and doc[left - 1].text == "(")


def inside_title(doc, t) -> bool:
    """"the Public Health (Alcohol) (Labelling) Regulations 2023": a bracketed word between the
    capitalised words of one title is part of it, not an aside (session 27)."""
    right = t.right_edge.i
    return bracketed(doc, t) and right + 2 < len(doc) and doc[right + 1].text == ")" \
        and (doc[right + 2].text == "(" or doc[right + 2].text[:1].isupper() and doc[right + 2].pos_ == "PROPN")


_INSIDE_NAME = re.compile(r"[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z]?[a-z]+){0,3}$")


def without_brackets(text: str) -> str:
    """``text`` without bracketed asides, and without half of one a cut left ("the Bank (AfDB"):
    the words in it go too, never only the bracket ("the BankAfDB")."""
    # (a bracket inside a name stays: "the Public Health (Alcohol) (Labelling) Regulations 2023" is the
    # title whole, its words between capitalised ones; session 27)
    text = re.sub(r"\s*\(([^()]*)\)", lambda m: m.group(0) if _INSIDE_NAME.match(m.group(1)) and re.match(
        r"(?:\s*\([A-Z][a-z][^()]*\))*\s+(?:[A-Z][a-z]|(?:19|20)\d\d\b)", text[m.end():]) else "", text)
    text = re.sub(r"\s*\([^()]*$", "", text)
    depth, out = 0, []
    for ch in text:  # (a ")" whose "(" a cut left out goes; a kept bracket keeps both)
        depth += ch == "("
        if ch == ")" and depth == 0:
            continue
        depth -= ch == ")"
        out.append(ch)
    return "".join(out).strip()
