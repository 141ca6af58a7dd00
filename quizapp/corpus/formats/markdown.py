"""Markdown (.md): the text without its markup; the title from front matter or the first heading.

A few regular expressions, not a Markdown renderer: we need readable sentences, not HTML, and
every construct we do not know simply stays as text.
"""

from __future__ import annotations

import re

from ..parse import decode_article, parse_date

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
# Every span is bounded and stays on its line, so a hostile line of a million "[" or "*" costs a
# bounded amount per character instead of rescanning the rest of the line from each one.
INLINE = [
    (re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)"), ""),  # images
    (re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,1000}\)"), r"\1"),  # links keep their words
    (re.compile(r"\[([^\]\n]{1,300})\]\[[^\]\n]{0,100}\]"), r"\1"),  # reference links
    (re.compile(r"<[^<>\n]{1,200}>"), ""),  # inline HTML tags
    (re.compile(r"`([^`\n]{0,300})`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)([^\n]{1,200}?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=\S)([^\n]{1,200}?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"~~([^\n]{1,200}?)~~"), r"\1"),
]
REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")


# Markup characters a real article uses by the hundred; a file with more is no article, and its
# inline markup is then dropped character by character (linear) instead of matched in spans.
MAX_MARKUP_CHARS = 20_000
_MARKUP = re.compile(r"[\[\]*_`<>~!]")


def strip_inline(text: str, crude: bool = False) -> str:
    if crude:
        return re.sub(r"\]\([^)\s]{0,1000}\)", "", text).translate(_CRUDE)
    for pattern, repl in INLINE:
        text = pattern.sub(repl, text)
    return text.replace("\\", "")


_CRUDE = str.maketrans("", "", "[]*_`<>~\\")


def extract(name: str, data: bytes, limits):
    from . import Extracted, paragraphs

    raw = decode_article(name, data, limits.text_bytes)  # markup adds little: text-sized files only
    title = author = published = None
    m = FRONT_MATTER.match(raw)
    if m:
        for line in m.group("body").splitlines():
            key, _, value = line.partition(":")
            value = value.strip().strip("\"'")
            key = key.strip().lower()
            if key == "title" and value:
                title = value
            elif key in ("author", "by") and value:
                author = value
            elif key in ("date", "published") and value:
                published = parse_date(value)
        raw = raw[m.end():]
    crude = len(_MARKUP.findall(raw)) > MAX_MARKUP_CHARS
    blocks: list[str] = []
    current: list[str] = []
    in_fence = False
    lines = raw.splitlines()

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for i, line in enumerate(lines):
        if FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            current.append(line.strip())
            continue
        if not line.strip() or RULE.match(line) or REF_DEF.match(line):
            flush()
            continue
        if i + 1 < len(lines) and SETEXT.match(lines[i + 1]) and current == [] and line.strip():
            heading = strip_inline(line.strip(), crude)
            title = title or heading
            blocks.append(heading)
            continue
        if SETEXT.match(line) and blocks and not current:
            continue  # the underline of a heading taken above
        h = HEADING.match(line)
        if h:
            flush()
            heading = strip_inline(h.group("text"), crude)
            if heading:
                title = title or heading
                blocks.append(heading)
            continue
        if LIST_ITEM.match(line):
            flush()
            line = LIST_ITEM.sub("", line, count=1)
        line = re.sub(r"^\s*(?:>\s?)+", "", line)
        current.append(strip_inline(line.strip(), crude))
    flush()
    return Extracted(text=paragraphs(blocks), title=title, author=author, published=published)
