"""Reading one news article: metadata from its messy first lines, a clean body, and sentences.

Pure functions only (no Flask, no database) so the same code serves ``quizapp ingest``, the upload
form and the database-free ``quizapp facts --corpus DIR`` command.

Every sentence keeps ``start``/``end`` offsets into the *original* file text, so
``raw[s.start:s.end] == s.text`` always holds: a fact's source sentence can be quoted verbatim and
highlighted in place.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .header_dates import (  # noqa: F401 (MONTHS, parse_date re-exported)
    _MONTH,
    DATE_RE,
    MONTHS,
    NUMERIC_DATE,
    parse_date,
    writes_month_first,
)
from .sentences import ABBREVIATIONS, SENTENCE_END, join_wrapped, split_sentences  # noqa: F401 (re-exported)

# A time of day that may follow a date on a metadata line: "08:41 PM", "at 7:19 p.m. (GMT)".
TIME_ONLY = re.compile(r"(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?")
# Whole lines that are site furniture, not article text.
BOILERPLATE_LINE = re.compile(
    r"""^(?:
        follow\s+(?:us|and\s+listen)\b.*
      | suggest\s+to\s+a\s+friend:?\s*$
      | (?:top|file|main|featured|header|cover)\s+(?:image|photo|picture)s?\b.*
      | (?:photo|photos|image|images|picture|pictures|credit|credits)\s*(?:credit)?\s*:.*
      | share\s+(?:this|on)\b.*
      | subscribe\b.*
      | sign\s+up\s+for\b.*
      | (?:read|see)\s+(?:more|also)\s*:.*
      | related\s*(?:articles|stories)?\s*:.*
      | click\s+here\b.*
      | advertisement\s*
      | home\s*(?:>|›|»).*
      | (?:copyright|©).*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A sentence that is only a photo credit ("Photos: Xinhua, AFP") at the end of a caption.
CREDIT_SENTENCE = re.compile(r"^(?:file\s+)?(?:photo|photos|image|images|picture)s?\s*:", re.I)

ISO_LINE = re.compile(r"^\s*date\s*:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
# The labels a metadata line puts before its day ("Published:", "Posted on", "Last updated").
_DATE_LABELS = r"(?:published|posted|post\s+date|updated|last\s+updated|first\s+published|release\s+date|issued|released|date)\s*(?:on|at)?\s*:?\s*"
PUBLISHED_LINE = re.compile(rf"^\s*{_DATE_LABELS}(?P<rest>.+)$", re.IGNORECASE)
BYLINE_PIPE = re.compile(r"^\s*(?:by\s+)?(?P<author>[^|\d]{2,80}?)\s*\|\s*(?P<rest>.+)$", re.IGNORECASE)
BARE_URL = re.compile(r"(?:https?://|www\.)\S+")
STAFF_BYLINE = re.compile(r"^\s*by\s+(?:our|a|an|the)\s+(?:[\w'’-]+\s+){0,4}?(?:correspondents?|reporters?|staff|team|"
                          r"desk|bureau|newsroom|editors?)\s*$", re.I)
BYLINE_BY = re.compile(r"^\s*[Bb][Yy]\s+(?P<author>[A-Z][\w.'\- ]{1,80}?)\s*(?:[,|/]\s*(?P<rest>.*))?$")
_POSTED_BY = re.compile(r"\s+by\s+(?P<author>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,4})\s*$")
SOURCE_LINE = re.compile(r"^\s*source\s*:\s*(?P<source>.{2,600})$", re.IGNORECASE)
DATELINE_ON = re.compile(rf"^\s*On\s+(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\s*,")
# Wire-style dateline opening the first paragraph: "GENEVA, March 3, 2023 (Reuters) - ...".
DATELINE_CITY = re.compile(
    rf"^\s*[A-Z][A-Z .'’-]{{1,40}},\s*(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})\s*(?:\((?P<source>[^)]{{2,40}})\))?\s*[-–—]+\s"
)
_DAY_MONTH = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})(?:,?\s+\d{{4}})?"
_AGENCY = r"\s*\([^()]{1,40}\)"
_DASH = r"\s*(?:[-–—]{1,2}|:)\s*"
# A wire or release dateline that opens a paragraph: "NASSAU, The Bahamas – ", "Tokyo, July 31 (Jiji
# Press)--", "Colombo, Nov 23 (IANS): ", "LONDON: ", "World Bank23 June 2011: ". Not part of the news.
# Capital letters of the Latin alphabets a dateline's city may be written in ("TROMSØ", "SAN JOSÉ", "ŁÓDŹ").
_UPPER = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽŐŰĞİŞ"
DATELINE = re.compile(
    rf"^(?:[{_UPPER}][{_UPPER}.'’ -]{{1,30}}[{_UPPER}.](?:\s*\([{_UPPER}][{_UPPER}a-z .'’-]{{1,20}}\))?(?:,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,3}})?(?:,\s*{_DAY_MONTH})?(?:{_AGENCY})?{_DASH}"
    rf"|[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,3}},\s*{_DAY_MONTH}(?:{_AGENCY})?{_DASH}"
    rf"|[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,3}}{_AGENCY}{_DASH}"
    rf"|[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,3}}\s?\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\s*:\s*"
    # the date first: "16 October 2025, Bangkok - "
    rf"|{_DAY_MONTH},\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,3}}(?:,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,2}})?{_DASH}"
    # a city written in small letters, with its state or country, before a spaced dash and a capital:
    # "Washington, D.C. - The Pan American Health Organization today ..."
    rf"|[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,2}},\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,2}}\s+[-–—]{{1,2}}\s+(?=[A-Z\"“])"
    rf"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+[-–—]{{1,2}}\s+(?=(?:The|[A-Z]{{2,}})\b))"
)


_ENGLISH_WORDS = frozenset({"the", "a", "an", "of", "to", "in", "and", "for", "on", "with", "is", "are", "was",
                            "were", "by", "at", "as", "that", "its", "has", "have", "will", "from", "be", "this",
                            "it", "said"})


def looks_english(sentence: str) -> bool:
    """False for a line in another language (a caption or alt text a page kept: "Nordiska rådets
    vicepresident ..."): English prose of any length carries its function words."""
    # only lower-case words count: a line of names ("His Highness Shaikh NAME") is no language
    ws = re.findall(r"(?<![\w'’-])[a-zåäöæøéèüßðþ][\w'’-]*", sentence)
    return len(ws) < 5 or sum(w in _ENGLISH_WORDS for w in ws) >= 0.12 * len(ws)


def dateline_length(sentence: str) -> int:
    """How many leading characters of ``sentence`` are a dateline (0 when it has none)."""
    m = DATELINE.match(sentence)
    if not m or m.end() >= len(sentence) - 3:
        return 0
    head = m.group(0)
    # "The ministers met - and agreed": an ordinary clause with a dash is no dateline
    if len(head.split()) > 9 or re.search(r"\b(?:the|a|and|said|will|has|is|are)\b", head.split(",")[0]):
        return 0
    return m.end()


URL_HOST = re.compile(r"https?://(?:www\.)?(?:t\.me/)?(?P<host>[\w-]+)")



class ArticleError(ValueError):
    """An article file that cannot be ingested; the message names the file and the problem."""


@dataclass(frozen=True)
class SentenceSpan:
    idx: int
    paragraph: int  # 0 = title line, 1.. = body paragraphs
    start: int
    end: int
    text: str


@dataclass
class ParsedArticle:
    key: str
    raw: str
    title: str
    published: date | None = None
    published_precision: str | None = None
    # The exact metadata text the date came from (e.g. "Published: Aug 25, 2021 08:41 PM").
    published_text: str | None = None
    published_span: tuple[int, int] | None = None
    author: str | None = None
    source: str | None = None
    sentences: list[SentenceSpan] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return content_hash(self.raw)

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences if s.paragraph > 0)

    @property
    def body_sentences(self) -> list[SentenceSpan]:
        return [s for s in self.sentences if s.paragraph > 0]

    def paragraphs(self) -> list[list[SentenceSpan]]:
        """Body sentences grouped by paragraph, in order."""
        groups: dict[int, list[SentenceSpan]] = {}
        for s in self.body_sentences:
            groups.setdefault(s.paragraph, []).append(s)
        return [groups[k] for k in sorted(groups)]


def content_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Wed|Thu|Thur|Fri|Sat|Sun)\.?)"
# The time an ISO stamp carries after its day ("2025-10-09T14:22:00Z", "...T08:41+02:00").
_ISO_TIME = r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b"
URL_DAY = re.compile(r"(?:/|(?<=[a-z]))(?P<y>(?:19|20)\d\d)[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?:/|\b)|[=/_-](?P<ymd>(?:19|20)\d{6})")
URL_YEAR = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?:\d{1,2}/)?")
# A header line that is a date with at most a few labels around it ("Statement 09 December 2019
# Switzerland", "29.09.23 | News", "Tuesday, 6 July 2010", "27 September 2022.").
SHORT_DATED_LINE_WORDS = 4
UPDATE_LABEL = re.compile(r"^\s*(?:last\s+)?updated\b", re.I)
DATELINE_NO_YEAR = re.compile(
    rf"^\s*[A-Z][\w .'’-]{{1,40}},\s*(?P<date>{_MONTH}\s+\d{{1,2}})\s*(?:\([^)]{{2,40}}\))?\s*(?:[-–—]+|:)")


def _date_words_left(line: str) -> int:
    """Words on a header line besides its date, weekday, time and separators."""
    rest = DATE_RE.sub(" ", line)
    rest = NUMERIC_DATE.sub(" ", rest)
    rest = re.sub(rf"\b{_ISO_TIME}|\b{_WEEKDAY}(?!\w)|{TIME_ONLY.pattern}|[|/,.:;·•()\[\]–—-]", " ", rest, flags=re.I)
    return len(rest.split())


# Fields of a metadata line: "NEWS RELEASE | New Delhi | 28 September 2024", "By Tan Wei Ling -- Asia
# Desk -- 2025/10/14", "Posted 12.03.2025 -- live coverage from Tegucigalpa -- times are local".
_FIELD_SEP = re.compile(r"\s+(?:\||/|--|-|[–—·•])\s+")  # (a spaced hyphen too: "Press release N° 214 - 14 October 2025")
_FIELD_WORDS = 6
_LABEL = re.compile(rf"^\s*{_DATE_LABELS}", re.I)
_BY = re.compile(r"^\s*by\s+(?P<author>[A-Z][\w.'’\- ]{1,60}?)(?:,\s*[\w ]{1,40})?\s*$", re.I)


def _fielded_date(line: str, month_first: bool) -> tuple[date, str | None] | None:
    """The day (and the author) of a header line of short fields, one of them a date alone."""
    fields = _FIELD_SEP.split(line.strip())
    if len(fields) < 2 or line.rstrip().endswith("."):
        return None
    found: date | None = None
    author = None
    for field_ in fields:
        bare = _LABEL.sub("", field_)
        if found is None and bare and _date_words_left(bare) == 0 and parse_date(bare, month_first):
            found = parse_date(bare, month_first)
            continue
        if len(field_.split()) > _FIELD_WORDS:
            return None
        m = _BY.match(field_)
        if m:
            author = m.group("author").strip()
    return (found, author) if found is not None else None


def _is_date_only(text: str) -> bool:
    """True when ``text`` is a date, optionally with a time of day, and nothing else."""
    m = DATE_RE.search(text)
    if not m:
        return False
    rest = (text[: m.start()] + " " + text[m.end() :]).strip(" ,|-–—")
    return rest == "" or TIME_ONLY.fullmatch(rest) is not None


def read_article_file(path: Path, max_bytes: int = 1024 * 1024) -> str:
    """The text of an article file, or ArticleError saying clearly why it can't be used."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleError(f"{name}: cannot read file ({exc.strerror})") from exc
    if size > max_bytes:
        raise ArticleError(f"{name}: file is {size:,} bytes; the limit is {max_bytes:,} bytes")
    return decode_article(name, path.read_bytes(), max_bytes)


def decode_article(name: str, data: bytes, max_bytes: int = 1024 * 1024) -> str:
    if len(data) > max_bytes:
        raise ArticleError(f"{name}: file is {len(data):,} bytes; the limit is {max_bytes:,} bytes")
    if b"\x00" in data:
        raise ArticleError(f"{name}: looks like a binary file, not plain text")
    try:
        text = data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{name}: not valid UTF-8 text (bad byte at position {exc.start}); save it as UTF-8"
        ) from exc
    if not text.strip():
        raise ArticleError(f"{name}: the file is empty")
    return text


def _lines(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line with surrounding white space trimmed."""
    out = []
    for m in re.finditer(r"[^\r\n]+", raw):
        s, e = m.start(), m.end()
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _shorten(title: str, limit: int = 110) -> str:
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return cut + "…"


# The heading of a speech's transcript or a meeting's summary: the event, its place, its day
# ("Launch of the ... Initiative, Registan Hall, Samarkand, 6 November 2025"; "Summary of the
# 89th meeting, Senningen, Luxembourg, 27 November 2025"). Said on that day, and written then.
EVENT_HEADER = re.compile(
    rf"^[^.!?]{{10,200}},\s*(?P<date>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})\s*$")


def _date_from_event_header(art: ParsedArticle, raw: str, header: list[tuple[int, int]]) -> None:
    """An article with no dated metadata, headed by its event and the event's day: that day.
    Only a heading line (before the first blank line, no full stop in it), never a sentence."""
    gap = re.search(r"\n[ \t]*\r?\n", raw)
    for s, e in header:
        if gap and s > gap.start():
            return
        m = EVENT_HEADER.match(raw[s:e])
        found = parse_date(m.group("date")) if m else None
        if found is not None:
            art.published = found
            art.published_precision = "day"
            art.published_text = m.group("date")
            art.published_span = (s + m.start("date"), s + m.end("date"))
            return


# A site's section path above an article: two or more short labels between bars or arrows.
_CRUMB = r"[A-Z][\w&'’-]*(?:[ \t]+[\w&'’-]+){0,2}"
_BREADCRUMB = re.compile(rf"^\s*{_CRUMB}(?:\s*[|›»>·]\s*{_CRUMB}){{1,5}}\s*$")


def parse_article(key: str, raw: str) -> ParsedArticle:
    """Split an article into metadata and sentences, dropping site boilerplate."""
    lines = _lines(raw)
    if not lines:
        raise ArticleError(f"{key}: the file is empty")
    art = ParsedArticle(key=key, raw=raw, title="")
    body: list[tuple[int, int]] = []
    title_span: tuple[int, int] | None = None
    header_zone = 6  # metadata lines appear among the first few lines only
    month_first = writes_month_first(raw)
    updated_only = False

    for i, (s, e) in enumerate(lines):
        line = raw[s:e]
        if BOILERPLATE_LINE.match(line):
            host = URL_HOST.search(line)
            if host and not art.source and line.lower().startswith("follow"):
                art.source = host.group("host")
            continue
        if i < header_zone and art.published is None:
            m = ISO_LINE.match(line)
            if m:
                art.published = date.fromisoformat(m.group(1))
                art.published_precision = "day"
                art.published_text = line[: m.end()].strip()
                art.published_span = (s, s + len(line[: m.end()].rstrip()))
                rest = s + m.end()
                if rest < e:
                    body.append((rest, e))
                continue
            m = PUBLISHED_LINE.match(line)
            by = _POSTED_BY.search(m.group("rest")) if m else None
            if by and _date_words_left(m.group("rest")[: by.start()]) == 0 \
                    and parse_date(m.group("rest")[: by.start()], month_first):
                # "Posted on 2025.07.19 by Amina Said Juma"
                art.author = by.group("author").strip()
                art.published = parse_date(m.group("rest")[: by.start()], month_first)
                art.published_precision = "day"
                art.published_text, art.published_span = line, (s, e)
                continue
            if m and _date_words_left(m.group("rest")) == 0 and parse_date(m.group("rest"), month_first):
                # an "Updated" stamp, or a bare "Date :" (often the event's), yields to a later publication line
                updated_only = bool(UPDATE_LABEL.match(line) or re.match(r"^\s*date\s*:", line, re.I))
                art.published = parse_date(m.group("rest"), month_first)
                art.published_precision = "day"
                art.published_text, art.published_span = line, (s, e)
                continue
            m = BYLINE_PIPE.match(line)
            if m and _is_date_only(m.group("rest")):
                art.author = m.group("author").strip()
                art.published = parse_date(m.group("rest"))
                art.published_precision = "day"
                art.published_text, art.published_span = line, (s, e)
                continue
            fielded = _fielded_date(line, month_first)
            if fielded is not None:
                art.published, author = fielded
                art.author = art.author or author
                art.published_precision = "day"
                art.published_text, art.published_span = line, (s, e)
                continue
            if _is_date_only(line):
                art.published = parse_date(line)
                art.published_precision = "day"
                art.published_text, art.published_span = line, (s, e)
                continue
            # (the first line may be the title; a date with one label is no title: "LIVE - Sat 8 Mar 2025")
            if (i > 0 or title_span is not None or _date_words_left(line) <= 1) \
                    and _date_words_left(line) <= SHORT_DATED_LINE_WORDS \
                    and not BYLINE_BY.match(line):
                found = parse_date(line, month_first)
                if found is not None:
                    art.published = found
                    art.published_precision = "day"
                    art.published_text, art.published_span = line, (s, e)
                    updated_only = bool(UPDATE_LABEL.match(line))
                    continue
        elif i < header_zone and updated_only and not body and _date_words_left(line) <= SHORT_DATED_LINE_WORDS \
                and not UPDATE_LABEL.match(line) and parse_date(line, month_first) is not None:
            # a publication line after an "Updated" stamp is the better date
            art.published = parse_date(line, month_first)
            art.published_text, art.published_span = line, (s, e)
            updated_only = False
            continue
        if i < header_zone and UPDATE_LABEL.match(line) and len(line.split()) <= 8 and not line.endswith("."):
            continue  # "Last updated 17:45 local time (UTC-5)": a stamp with no day is no title and no text
        if i < header_zone and BARE_URL.fullmatch(line.strip()):
            art.source = art.source or line.strip()  # the page's address: no title, no text (its date may serve)
            continue
        if i < header_zone and STAFF_BYLINE.match(line):
            continue  # "By our Dhaka correspondent": a byline that names no one
        if i < header_zone:
            m = BYLINE_BY.match(line)
            if m and (not m.group("rest") or _is_date_only(m.group("rest") or "") or (
                    art.published is None and _date_words_left(m.group("rest")) <= 2
                    and parse_date(m.group("rest"), month_first) is not None)):
                # "By Name / Columnist / Updated 2025-10-09T14:22:00Z": a label or two beside the day
                art.author = m.group("author").strip()
                if m.group("rest"):
                    art.published = parse_date(m.group("rest"), month_first)
                    art.published_precision = "day"
                    art.published_text, art.published_span = line, (s, e)
                continue
            m = SOURCE_LINE.match(line)
            if m:
                art.source = m.group("source").strip()
                continue
        if i < header_zone and not body and _BREADCRUMB.match(line):
            continue  # "MARKETS | METALS | ANALYSIS": the site's sections, no title and no text
        if i < header_zone and not body and title_span is None and BYLINE_BY.match(line) \
                and len(line.split()) <= 12:
            art.author = art.author or BYLINE_BY.match(line).group("author").strip()
            continue  # "By NAME, senior commodities analyst" above the headline: who wrote it, not the title
        if i < header_zone and not body and re.fullmatch(r"\s*[A-Z][A-Z&-]+\s*", line):
            continue  # "MARKETS": a site's section, one word in capitals, no title and no text
        if i < header_zone and not body and title_span is None and _SECTION_LABEL.fullmatch(line):
            continue  # "WEATHER & CLIMATE DESK": a site's section in capitals (round 119)
        if title_span is None and not body and i < header_zone and _looks_like_title(line) \
                and not BYLINE_BY.match(line):  # ("By NAME, senior analyst": who wrote it)
            title_span = (s, e)
            continue
        if title_span is not None and _letterhead(raw[title_span[0]:title_span[1]], line) and i < header_zone + 2 \
                and len(body) <= 1 and _headline(line) and all(len(raw[bs:be].split()) <= 6 for bs, be in body):
            # "MINISTRY OF ENVIRONMENT AND TOURISM OF MONGOLIA" / "Press Release No. 47" / "Mongolia passes
            # 100-million mark ...": the sender's letterhead, then the headline (which names the story)
            title_span = (s, e)
            body.clear()
            continue
        body.append((s, e))

    if art.published is None and body:
        s, e = body[0]
        m = DATELINE_CITY.match(raw[s:e])
        if m:
            art.published = parse_date(m.group("date"))
            art.published_precision = "day"
            art.published_text = m.group("date")
            art.published_span = (s + m.start("date"), s + m.end("date"))
            if m.group("source") and not art.source:
                art.source = m.group("source").strip()
        m = None if art.published else DATELINE_ON.match(raw[s:e])
        if m:
            art.published = parse_date(m.group("date"))
            art.published_precision = "day"
            art.published_text = m.group(0).strip().rstrip(",")
            art.published_span = (s + m.start("date") - len("On "), s + m.end("date"))

    if art.published is None and body:
        _date_from_url_or_dateline(art, raw, body[0])
    if art.published is None:
        _date_from_event_header(art, raw, lines[:header_zone])

    body = join_wrapped(raw, body)
    idx = 0
    if title_span:
        art.title = raw[title_span[0] : title_span[1]]
        art.sentences.append(SentenceSpan(idx, 0, title_span[0], title_span[1], art.title))
        idx += 1
    for p, (s, e) in enumerate(body, start=1):
        for ss, se in split_sentences(raw, s, e):
            text = raw[ss:se]
            if CREDIT_SENTENCE.match(text):
                continue
            art.sentences.append(SentenceSpan(idx, p, ss, se, text))
            idx += 1
    if not art.body_sentences:
        raise ArticleError(f"{key}: no article text found (only a title or metadata)")
    if not art.title:
        art.title = _shorten(art.body_sentences[0].text)
    return art


def _date_from_url_or_dateline(art: ParsedArticle, raw: str, first: tuple[int, int]) -> None:
    """Last resorts for the publication date: a date in the source URL ("/2024/06/01/",
    "k=20250731..."), or a dateline without a year ("Colombo, Nov 23 (IANS):") whose year comes
    from the URL or, failing that, from the latest year the article mentions."""
    url = art.source or ""
    m = URL_DAY.search(url)
    if m:
        try:
            if m.group("ymd"):
                ymd = m.group("ymd")
                found = date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:]))
            else:
                found = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            found = None
        if found is not None:
            art.published, art.published_precision = found, "day"
            # the address is the evidence: its line is quoted, as a dateline's would be. (Without a
            # publication fact the questions could not say "as of" when, and asked about no office.)
            at = raw.find(url)
            art.published_text = url if at >= 0 else None
            art.published_span = (at, at + len(url)) if at >= 0 else None
            return
    s, e = first
    m = DATELINE_NO_YEAR.match(raw[s:e])
    if not m:
        return
    ym = URL_YEAR.search(url)
    month = m.group("date").split()[0].rstrip(".").lower()
    # the year the article writes next to the dateline's month ("from November 17 to 23, 2024")
    # (never a target's year: "by March 2028" says when something is due, not when it was written;
    # and no year at all rather than a guess: the latest year an article names is often a target's)
    near = [int(y) for pre, mon, y in re.findall(rf"(\b\w+\s+)?\b({_MONTH})[^.;]{{0,20}}?\b((?:19|20)\d\d)\b", raw[s:])
            if MONTHS.get(mon.rstrip(".").lower()) == MONTHS.get(month)
            and (pre or "").strip().lower() not in ("by", "until", "till", "before", "through", "to")]
    year = int(ym.group("y")) if ym else (near[0] if near else None)
    if year is None:
        return
    found = parse_date(f"{m.group('date')}, {year}")
    if found is not None:
        art.published, art.published_precision = found, "day"
        art.published_text = m.group("date")
        art.published_span = (s + m.start("date"), s + m.end("date"))


# A site's section in capitals, a few words: "WEATHER & CLIMATE DESK", "WORLD NEWS", "ASIA BUSINESS".
_SECTION_LABEL = re.compile(r"\s*(?=[A-Z&' -]+$)(?!.*\bOF\b)(?:[A-Z]+\s*(?:&\s*)?){1,3}(?:DESK|NEWS|SECTION|WIRE|WORLD|BUSINESS|SPORTS?|"
                            r"POLITICS|ANALYSIS|OPINION|FEATURES?|MARKETS|ECONOMY|DIPLOMACY|SCIENCE|HEALTH|ENVIRONMENT|"
                            r"CLIMATE|TECHNOLOGY|AFRICA|ASIA|EUROPE|AMERICAS|PACIFIC)\s*")


def _letterhead(title: str, headline: str) -> bool:
    """A sender's name in capitals ("MINISTRY OF ENVIRONMENT AND TOURISM OF MONGOLIA"), not a headline,
    whose country (if it names one) the headline names too: "CENTRAL BANK OF KENYA" above "Transcript:
    Post-Monetary Policy Committee Press Briefing" stays the title, the one line that says whose."""
    country = re.search(r"\bOF\s+(?:THE\s+)?([A-Z][A-Z' -]+)$", title.strip())
    if country and country.group(1).split()[-1].lower() not in headline.lower():
        return False
    return title.isupper() and bool(re.match(r"\s*(?:THE\s+)?(?:MINISTRY|DEPARTMENT|OFFICE|EMBASSY|GOVERNMENT|REPUBLIC|"
                                            r"KINGDOM|STATE|BANK|CENTRAL|NATIONAL|PRESIDENCY|SECRETARIAT|COMMISSION|"
                                            r"AUTHORITY|AGENCY|COUNCIL)\b", title))


def _headline(line: str) -> bool:
    """A headline in sentence or title case: five words or more, no full stop at its end."""
    return _looks_like_title(line) and not line.isupper() and len(line.split()) >= 5 and not BYLINE_BY.match(line) \
        and not re.match(r"\s*(?:Press\s+Release|Media\s+Release|News\s+Release|Statement|Communiqu)", line, re.I)


def _looks_like_title(line: str) -> bool:
    """A headline: short, no sentence-final full stop (a question or exclamation is fine)."""
    if len(line) > 200 or len(line.split()) < 2:
        return False
    return not line.rstrip("\"'”’ ").endswith(".")
