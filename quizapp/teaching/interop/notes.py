"""What the Anki importers share: fields written in HTML reduced to plain, safe text (media
references dropped and counted), and one Anki note turned into quizapp questions (Basic, reversed,
type-in, Cloze with one question per deletion). Pure: strings in, ``QuestionData`` out."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..formats import BLANK, QuestionData, check

# Tags whose end (or the tag itself) is a line break in the rendered card.
_BLOCK = {"br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote"}
_SKIP = {"script", "style", "head", "title", "object", "iframe", "svg", "math"}
_MEDIA_TAGS = {"img", "audio", "video", "source", "embed"}
SOUND_RE = re.compile(r"\[sound:[^\]]*\]")
CLOZE_RE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)
MAX_FIELD_CHARS = 1024 * 1024  # one Anki field; real notes are a few KB


@dataclass
class Cleaned:
    text: str
    media: int = 0  # media references removed


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.media = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in _MEDIA_TAGS:
            self.media += 1
        elif tag in _BLOCK:
            self.out.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _MEDIA_TAGS:
            self.media += 1
        elif tag in _BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK and tag != "br":
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_to_text(value: str, is_html: bool = True) -> Cleaned:
    """Plain text of an HTML field: tags, scripts and styles gone, entities decoded, block
    elements as line breaks, spaces collapsed. Templates escape the result again on output, so
    nothing the file says can run in a page."""
    media = len(SOUND_RE.findall(value))
    value = SOUND_RE.sub(" ", value)
    if is_html:
        parser = _Text()
        parser.feed(value)
        parser.close()
        text, media = "".join(parser.out), media + parser.media
    else:
        text = html.unescape(value) if "&" in value else value
    text = text.replace("\xa0", " ").replace("\r\n", "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return Cleaned("\n".join(out).strip(), media)


def one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass
class NoteQuestions:
    questions: list[tuple[QuestionData | None, list[str]]] = field(default_factory=list)
    media: int = 0


def cloze_questions(text: str, extra: str, is_html: bool = True) -> NoteQuestions:
    """One cloze question per deletion number (c1, c2, ...): that deletion becomes the gap (its
    hint shown after it), the others show their answers, as Anki's own card for that number."""
    out = NoteQuestions()
    numbers = sorted({int(m.group(1)) for m in CLOZE_RE.finditer(text)})
    extra_c = html_to_text(extra, is_html)
    out.media += extra_c.media
    if not numbers:
        out.questions.append((None, ["A Cloze note without any {{c1::…}} deletion."]))
        return out
    for n in numbers:
        answers: list[str] = []
        hints: list[str] = []

        def repl(m: re.Match, n=n, answers=answers, hints=hints) -> str:
            if int(m.group(1)) == n:
                answers.append(one_line(html_to_text(m.group(2), is_html).text))
                if m.group(3):
                    hints.append(one_line(html_to_text(m.group(3), is_html).text))
                return "\x00GAP\x00"
            return m.group(2)

        marked = CLOZE_RE.sub(repl, text)
        cleaned = html_to_text(marked, is_html)
        if n == numbers[0]:
            out.media += cleaned.media
        errors: list[str] = []
        if len(set(a.casefold() for a in answers)) > 1:
            errors.append(f"Deletion c{n} appears {len(answers)} times with different answers; "
                          "a quizapp cloze question has one gap.")
        gap = BLANK + (f" ({hints[0]})" if hints else "")
        prompt = cleaned.text.replace("\x00GAP\x00", gap)
        q = QuestionData(type="cloze", prompt=prompt, answer=answers[0] if answers else "",
                         explanation=extra_c.text)
        out.questions.append(check(q, errors))
    return out


def basic_question(front: str, back: str, extra: str = "", *, typed: bool = False,
                   is_html: bool = True) -> NoteQuestions:
    """A front/back card as a typed-answer question: the back (on one line) is the answer."""
    out = NoteQuestions()
    f, b = html_to_text(front, is_html), html_to_text(back, is_html)
    e = html_to_text(extra, is_html) if extra else Cleaned("")
    out.media = f.media + b.media + e.media
    errors: list[str] = []
    if not b.text:
        errors.append("The back of the card is empty" + (" (or only a picture or sound)." if b.media else "."))
    if not f.text and f.media:
        errors.append("The front of the card is only a picture or sound, which quizapp does not import.")
    q = QuestionData(type="short_answer", prompt=f.text, answer=one_line(b.text), explanation=e.text)
    out.questions.append(check(q, errors))
    return out


# --------------------------------------------------------------------------------------------
# Note types: what a note's cards ask, read from the templates as Anki renders them
# --------------------------------------------------------------------------------------------


@dataclass
class NoteType:
    """A note type as both package schemas and the text export can describe it."""

    name: str
    cloze: bool
    fields: list[str]
    templates: list[tuple[str, str]]  # (question format, answer format) per card


_SECTION_RE = re.compile(r"\{\{([#^])\s*([^}]+?)\s*\}\}(.*?)\{\{/\s*\2\s*\}\}", re.S)
_REF_RE = re.compile(r"\{\{(?![#^/!])\s*([^}]+?)\s*\}\}")


_TAG_RE = re.compile(r"\{\{([#^/])\s*([^}]+?)\s*\}\}")
MAX_SECTION_DEPTH = 8


def check_template(fmt: str) -> None:
    """Raise ``ValueError`` unless every ``{{#X}}``/``{{^X}}`` closes with ``{{/X}}`` in order, at
    most a few deep: one linear pass, so rendering a stranger's template stays cheap."""
    stack: list[str] = []
    for m in _TAG_RE.finditer(fmt):
        if m.group(1) == "/":
            if not stack or stack.pop() != m.group(2):
                raise ValueError(f"the section {{{{/{m.group(2)}}}}} closes nothing")
        else:
            stack.append(m.group(2))
            if len(stack) > MAX_SECTION_DEPTH:
                raise ValueError(f"sections nested more than {MAX_SECTION_DEPTH} deep")
    if stack:
        raise ValueError(f"the section {{{{#{stack[-1]}}}}} is never closed")


def _ref_name(ref: str) -> tuple[str, str]:
    """``type:Back`` → ("type", "Back"); ``text:hint:Extra`` → ("hint", "Extra")."""
    parts = [p.strip() for p in ref.split(":")]
    name = parts[-1]
    filters = [p for p in parts[:-1] if p]
    return (filters[-1] if filters else ""), name


def referenced(fmt: str) -> list[str]:
    return [_ref_name(m.group(1))[1] for m in _REF_RE.finditer(fmt)]


def render(fmt: str, values: dict[str, str]) -> str:
    """The card side as HTML: sections kept or dropped, field references replaced, the typing box
    and the other side left out (quizapp shows its own)."""
    def section(m: re.Match) -> str:
        filled = bool(html_to_text(values.get(m.group(2).strip(), "")).text)
        keep = filled if m.group(1) == "#" else not filled
        return render(m.group(3), values) if keep else ""

    prev = None
    while prev != fmt:  # nested sections
        prev, fmt = fmt, _SECTION_RE.sub(section, fmt)

    def ref(m: re.Match) -> str:
        kind, name = _ref_name(m.group(1))
        if name == "FrontSide" or kind == "type":
            return ""
        return values.get(name, "")

    return _REF_RE.sub(ref, fmt)


def _has_content(value: str) -> bool:
    c = html_to_text(value)
    return bool(c.text or c.media)


_ANSWER_FIELDS = {"back", "answer", "definition", "meaning", "translation"}


def note_questions(nt: NoteType, raw_fields: list[str], is_html: bool = True) -> NoteQuestions:
    """All questions of one note: one per card Anki would make (empty cards skipped), or one per
    cloze deletion."""
    if not is_html:
        raw_fields = [html.escape(v) for v in raw_fields]
    values = dict(zip(nt.fields, raw_fields, strict=False))
    if nt.cloze:
        qfmt = nt.templates[0][0] if nt.templates else ""
        cloze_fields = [name for kind, name in (_ref_name(m.group(1)) for m in _REF_RE.finditer(qfmt))
                        if kind == "cloze"]
        text_field = cloze_fields[0] if cloze_fields else (nt.fields[0] if nt.fields else "")
        extra = "".join(v for k, v in values.items() if k != text_field and k.lower() in
                        ("back extra", "extra"))
        return cloze_questions(values.get(text_field, ""), extra)
    out = NoteQuestions()
    if not nt.fields:
        out.questions.append((None, ["The note type has no fields."]))
        return out
    for qfmt, afmt in nt.templates or [("{{" + nt.fields[0] + "}}", "{{" + nt.fields[-1] + "}}")]:
        q_refs = referenced(qfmt)
        front_html = render(qfmt, values)
        filled = any(_has_content(values[r]) for r in q_refs if r in values)
        if not filled or not _has_content(front_html):
            continue  # Anki makes no card whose front is empty
        typed = [name for kind, name in (_ref_name(m.group(1)) for m in _REF_RE.finditer(qfmt))
                 if kind == "type"]
        if typed:
            back_html = values.get(typed[0], "")
        else:
            a_refs = [r for r in referenced(afmt) if r in values and r not in q_refs]
            # the answer is the field called so when there is one ("Back"); a "Source" or "Extra"
            # shown beside it on the card is context, not what a student must give
            named = [r for r in a_refs if r.lower() in _ANSWER_FIELDS]
            back_html = "<br>".join(values[r] for r in dict.fromkeys(named or a_refs) if values[r].strip())
        one = basic_question(front_html, back_html)
        out.questions += one.questions
        out.media += one.media
    if not out.questions:
        out.questions.append((None, ["The note makes no card: its front is empty."]))
    return out


def text_note_type(name: str, n_fields: int, sample: list[str]) -> NoteType:
    """A note type from its name only (the text export has no templates): Anki's stock types."""
    low = name.casefold()
    fields = [f"f{i}" for i in range(max(n_fields, 2))]
    if "cloze" in low or (not low and any(CLOZE_RE.search(v) for v in sample)):
        fields[:2] = ["Text", "Back Extra"]
        return NoteType(name, True, fields, [("{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}")])
    if "type" in low:
        return NoteType(name, False, fields, [("{{f0}}{{type:f1}}", "{{f0}}<hr>{{f1}}")])
    if "optional revers" in low:
        return NoteType(name, False, fields, [("{{f0}}", "{{FrontSide}}<hr>{{f1}}"),
                                             ("{{#f2}}{{f1}}{{/f2}}", "{{FrontSide}}<hr>{{f0}}")])
    if "revers" in low:
        return NoteType(name, False, fields, [("{{f0}}", "{{FrontSide}}<hr>{{f1}}"),
                                             ("{{f1}}", "{{FrontSide}}<hr>{{f0}}")])
    return NoteType(name, False, fields, [("{{f0}}", "{{FrontSide}}<hr>{{f1}}")])
