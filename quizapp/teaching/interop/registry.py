"""One door for every question-set file: look at the content and the name together, pick the
format, parse. Binary packages (.apkg, .colpkg) come in as bytes like everything else, so the web
form, the CLI and the tests share one call.

``detect_and_parse`` returns the format and a ``ParseResult`` (rows with per-row errors, shown in
a preview). A file that cannot be read at all, or not safely (bad zip, zip bomb, damaged SQLite,
entities or deep nesting in XML, too large), raises ``ImportRefused``: its message is for the
user, and the caller stores nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from .. import formats
from ..formats import ParseResult
from . import anki_text, apkg_in, moodle_xml, quizlet

FORMAT_LABELS = {
    "csv": "CSV",
    "json": "JSON",
    "gift": "Moodle GIFT",
    "moodle": "Moodle XML",
    "quizlet": "Quizlet export text",
    "ankitext": "Anki notes in plain text",
    "apkg": "Anki deck package (.apkg)",
    "colpkg": "Anki collection package (.colpkg)",
}
IMPORT_FORMATS = tuple(FORMAT_LABELS)
PACKAGES = ("apkg", "colpkg")
MAX_TEXT_BYTES = 1024 * 1024
MAX_PACKAGE_BYTES = apkg_in.MAX_PACKAGE_BYTES
ACCEPT = (".csv,.tsv,.json,.gift,.txt,.xml,.apkg,.colpkg,text/csv,text/plain,application/json,"
          "application/xml,text/xml,application/zip")
_GIFT_RE = re.compile(r"\{\s*(?:[=~#]|T\s*\}|F\s*\}|TRUE\b|FALSE\b)|^\s*::[^:\n]+::", re.M)


class ImportRefused(ValueError):
    """The file is refused as a whole; ``str(exc)`` says why, for the user."""


@dataclass(frozen=True)
class ImportOptions:
    term_sep: str | None = None   # Quizlet: None = detect
    card_sep: str | None = None
    multiple_choice: bool = False  # Quizlet cards as MC with the set's other definitions as distractors


def _ext(filename: str) -> str:
    return PurePath(filename or "").suffix.lower()


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(f"The file is not UTF-8 text (bad byte at position {exc.start}), nor an Anki "
                            "package. Save it as UTF-8 and try again.") from None


def _csv_header(text: str) -> bool:
    first = text.split("\n", 1)[0].lower()
    cells = [c.strip().strip('"').replace(" ", "_") for c in re.split(r"[,;\t]", first)]
    return "type" in cells and "prompt" in cells


def detect(filename: str, data: bytes) -> str:
    """The format of the file, from its bytes first and its name second."""
    ext = _ext(filename)
    if data.startswith(b"PK\x03\x04") or ext in (".apkg", ".colpkg"):
        if ext == ".colpkg":
            return "colpkg"
        if ext == ".apkg" or apkg_in.is_anki_zip(data):
            return "apkg"
        raise ImportRefused("A zip file, but not an Anki package (no collection.anki2 or "
                            "collection.anki21b inside). Tried: Anki .apkg/.colpkg.")
    if len(data) > MAX_TEXT_BYTES:
        return "text-too-large"
    text = _decode(data)
    stripped = text.lstrip("\ufeff \t\r\n")
    if ext == ".xml" or moodle_xml.looks_like_moodle(stripped[:400]):
        return "moodle"
    if anki_text.looks_like_anki_text(text):
        return "ankitext"
    if ext == ".json" or stripped[:1] in ("{", "["):
        return "json"
    if ext == ".gift":
        return "gift"
    if ext in (".csv", ".tsv"):
        return "csv" if _csv_header(text) or not quizlet.looks_like_quizlet(text) else "quizlet"
    if _csv_header(text):
        return "csv"
    if _GIFT_RE.search(text):
        return "gift"
    if quizlet.looks_like_quizlet(text):
        return "quizlet"
    tried = ", ".join(FORMAT_LABELS.values())
    raise ImportRefused(f"Can't tell the format of “{filename}” (tried {tried}). "
                        "If you know it, choose it in the Format list.")


def detect_and_parse(filename: str, data: bytes, options: ImportOptions | None = None,
                     fmt: str | None = None) -> tuple[str, ParseResult]:
    """(format, parsed rows). ``fmt`` forces a format (the user chose it); else it is detected."""
    options = options or ImportOptions()
    if fmt in (None, "", "auto"):
        try:
            fmt = detect(filename, data)
        except ImportRefused:
            # separators the user typed are themselves a sign of Quizlet text
            if not (options.term_sep or options.card_sep) or data.startswith(b"PK\x03\x04"):
                raise
            fmt = "quizlet"
    if fmt not in IMPORT_FORMATS and fmt != "text-too-large":
        raise ImportRefused(f"Unknown format “{fmt}”: use one of {', '.join(IMPORT_FORMATS)}.")
    if fmt in PACKAGES:
        if len(data) > MAX_PACKAGE_BYTES:
            raise ImportRefused(f"The file is larger than {MAX_PACKAGE_BYTES // (1024 * 1024)} MB.")
        try:
            return fmt, apkg_in.parse_apkg(data, fmt)
        except apkg_in.PackageRefused as exc:
            raise ImportRefused(str(exc)) from None
    if fmt == "text-too-large" or len(data) > MAX_TEXT_BYTES:
        raise ImportRefused(f"The file is larger than {MAX_TEXT_BYTES // 1024} KiB; text formats are "
                            "limited to that (an Anki package may be larger).")
    if fmt == "moodle":
        try:
            return fmt, moodle_xml.parse_moodle_xml(data)
        except moodle_xml.XMLRefused as exc:
            raise ImportRefused(str(exc)) from None
    text = _decode(data)
    if fmt == "quizlet":
        return fmt, quizlet.parse_quizlet(text, options.term_sep, options.card_sep, options.multiple_choice)
    if fmt == "ankitext":
        return fmt, anki_text.parse_anki_text(text)
    return fmt, formats.parse(fmt, text)


def default_title(filename: str) -> str:
    """The set's title when the file names none: its name without the extension(s)."""
    name = PurePath(filename or "").name
    return re.sub(r"(\.(csv|tsv|json|gift|txt|xml|apkg|colpkg))+$", "", name, flags=re.I)[:200] or "Imported set"
