"""Reading articles in every accepted format, without a database: each format module on files
built here, the registry's choice by content and extension, and hostile files refused quickly."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date, datetime

import pytest

from quizapp.corpus.formats import (
    ArticleError,
    Limits,
    article_text,
    parse_file,
    pick_format,
)
from quizapp.corpus.formats.url import FetchError, check_url, safe_addresses
from quizapp.corpus.parse import parse_article

from .article_files import (
    TESSALY_TITLE,
    VARNIA_TITLE,
    entity_bomb_docx,
    flate_bomb_pdf,
    long_docx,
    make_docx,
    make_html,
    make_pdf,
    tessaly_pdf,
    varnia_html,
    zip_bomb_docx,
)


def _quick(fn, *args, limit: float = 5.0):
    """Refused without unpacking the bomb: measured in this process's own CPU time, which other
    work on a busy machine does not stretch (a wall-clock limit failed under a parallel load); a
    bomb unpacked in full takes far longer than the limit."""
    started = time.process_time()
    with pytest.raises(ArticleError) as info:
        fn(*args)
    assert time.process_time() - started < limit
    return str(info.value)


def test_a_saved_page_gives_its_main_text_title_author_and_date():
    parsed, found = parse_file("varnia.html", "varnia.html", varnia_html())
    assert found.format == "html"
    assert parsed.title == VARNIA_TITLE
    assert parsed.author == "Ada Brightwater"
    assert parsed.published == date(2025, 5, 12)
    body = " ".join(s.text for s in parsed.body_sentences)
    assert "Varnian President Mara Quell" in body and "Green Harbour Plan" in body
    # site furniture is gone
    for furniture in ("Sign in", "Most read", "recipes", "Copyright", "Subscribe"):
        assert furniture not in parsed.raw
    # the stored text reads back to the same metadata (the facts job parses it again)
    again = parse_article("varnia.html", parsed.raw)
    assert (again.title, again.author, again.published) == (VARNIA_TITLE, "Ada Brightwater", date(2025, 5, 12))


def test_the_page_metadata_wins_over_a_date_in_the_text():
    page = make_html("Harbour board meets", "Lee Park", "2024-02-01",
                     ["Published: March 9, 2023", "The harbour board met in Calder to agree the new fees for ships.",
                      "Its chair said the fees would rise in the spring."])
    parsed, _ = parse_file("p.html", "p.html", page)
    assert parsed.published == date(2024, 2, 1)
    assert parse_article("p.html", parsed.raw).published == date(2024, 2, 1)


def test_a_pdf_gives_its_text_layer_and_its_own_title_author_and_creation_date():
    parsed, found = parse_file("t.pdf", "t.pdf", tessaly_pdf())
    assert found.format == "pdf"
    assert (parsed.title, parsed.author, parsed.published) == (TESSALY_TITLE, "Ben Okafor", date(2025, 3, 4))
    texts = [s.text for s in parsed.body_sentences]
    # a sentence broken over two visual lines is one sentence again
    assert "President Oren Vale of Tessaly signed the Blue Fuel Accord on March 3, 2025, in the port city of Calder." \
        in texts
    assert parsed.title not in texts  # the title line is not repeated as body text


def test_a_pdf_without_metadata_takes_its_title_from_the_first_line():
    parsed, _ = parse_file("n.pdf", "n.pdf", make_pdf([["Calder harbour opens a new quay"],
                                                       ["The new quay in Calder opened on Monday, officials said."]]))
    assert parsed.title == "Calder harbour opens a new quay" and parsed.published is None


def test_a_scanned_pdf_without_text_says_so():
    message = _quick(parse_file, "scan.pdf", "scan.pdf", make_pdf(None))
    assert "no text layer" in message and "scan" in message


def test_a_docx_gives_paragraphs_and_core_properties():
    data = make_docx(["The Council of Varnia met in Lunsk on May 10, 2025, to elect a president.",
                      "Delegates from all twelve provinces took part in the vote."],
                     title="Varnia council meets", author="Ada Brightwater",
                     created=datetime(2025, 5, 11, 9, 0), heading="Varnia council meets")
    parsed, found = parse_file("v.docx", "v.docx", data)
    assert found.format == "docx"
    assert (parsed.title, parsed.author, parsed.published) == ("Varnia council meets", "Ada Brightwater",
                                                               date(2025, 5, 11))
    assert [s.paragraph for s in parsed.body_sentences] == [1, 2]
    assert "Varnia council meets" not in [s.text for s in parsed.body_sentences]


def test_a_docx_without_core_title_takes_its_title_heading():
    parsed, _ = parse_file("h.docx", "h.docx", make_docx(["The quay opened on Monday, officials said."],
                                                        heading="Calder opens its new quay"))
    assert parsed.title == "Calder opens its new quay"


def test_markdown_loses_its_markup_and_takes_the_first_heading_as_title():
    md = (b"# Calder opens a *new* quay\n\nThe **new quay** in [Calder](https://example.org/calder) opened on\n"
          b"Monday, officials said.\n\n![a photo](quay.jpg)\n\n- It cost `12 million` crowns.\n"
          b"- Work began in 2023.\n\n> The mayor said it was a good day for the port.\n")
    parsed, found = parse_file("q.md", "q.md", md)
    assert found.format == "md"
    assert parsed.title == "Calder opens a new quay"
    texts = [s.text for s in parsed.body_sentences]
    assert texts == ["The new quay in Calder opened on Monday, officials said.", "It cost 12 million crowns.",
                     "Work began in 2023.", "The mayor said it was a good day for the port."]
    assert not any(c in parsed.raw for c in "*[]`#>!")


def test_markdown_front_matter_is_metadata():
    md = b"---\ntitle: Harbour fees rise\nauthor: Lee Park\ndate: 2024-02-01\n---\n\nThe harbour board agreed new fees.\n"
    parsed, _ = parse_file("f.md", "f.md", md)
    assert (parsed.title, parsed.author, parsed.published) == ("Harbour fees rise", "Lee Park", date(2024, 2, 1))


def test_plain_text_is_read_as_before():
    raw = "Calder opens a new quay\nPublished: Aug 25, 2021\n\nThe quay opened on Monday, officials said.\n"
    parsed, found = parse_file("q.txt", "q.txt", raw.encode())
    assert found.format == "txt" and parsed.raw == raw
    assert parsed.published == date(2021, 8, 25)


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("a.txt", b"Title\n\nText.", "txt"),
    ("a.htm", b"<p>Text</p>", "html"),
    ("page.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),  # content says HTML
    ("a.md", b"# T\n\nText.", "md"),
    ("saved.pdf", b"%PDF-1.7 ...", "pdf"),
    ("renamed.docx", b"%PDF-1.7 ...", "pdf"),  # a PDF whatever its name says
])
def test_the_registry_picks_by_content_and_extension(name, data, expected):
    assert pick_format(name, data) == expected


@pytest.mark.parametrize(("name", "data", "words"), [
    ("a.doc", b"\xd0\xcf\x11\xe0", ".doc is not a format we read"),
    ("a.exe", b"MZ", "upload .txt, .md, .html/.htm, .pdf or .docx"),
    ("noext", b"text", "without an extension"),
    ("a.txt", b"PK\x03\x04rest", "zip archive, not a .txt"),
    ("a.pdf", b"<html>", "not a PDF"),
    ("a.docx", b"plain words", "not a Word .docx"),
])
def test_a_file_that_fits_no_format_says_what_is_accepted(name, data, words):
    with pytest.raises(ArticleError, match=words.replace(".", r"\.").replace("(", r"\(").replace(")", r"\)")):
        parse_file(name, name, data)


def test_hostile_files_are_refused_quickly():
    assert "damaged" in _quick(parse_file, "bad.docx", "bad.docx", b"PK\x03\x04" + b"\x00" * 200)
    assert "unpacks to" in _quick(parse_file, "bomb.docx", "bomb.docx", zip_bomb_docx())
    assert "text part" in _quick(parse_file, "long.docx", "long.docx", long_docx(60_000))
    assert "damaged" in _quick(parse_file, "laughs.docx", "laughs.docx", entity_bomb_docx())
    assert "damaged" in _quick(parse_file, "cut.pdf", "cut.pdf", tessaly_pdf()[:400])
    assert "unpack" in _quick(parse_file, "bomb.pdf", "bomb.pdf", flate_bomb_pdf())
    dense = make_pdf([["The minister said the plan would start soon, officials said on Monday."]] * 40_000)
    assert "no text layer" in _quick(parse_file, "dense.pdf", "dense.pdf", dense)  # 3 MB of text operators
    deep = b"<html><body>" + b"<div>" * 5_000 + b"x" + b"</div>" * 5_000 + b"</body></html>"
    assert "nested" in _quick(parse_file, "deep.html", "deep.html", deep)
    wide = b"<html><body>" + b"<span>a</span>" * 200_000 + b"</body></html>"
    assert "elements" in _quick(parse_file, "wide.html", "wide.html", wide)
    huge = b"<html><body>" + b"x" * (6 * 1024 * 1024) + b"</body></html>"
    assert "bytes" in _quick(parse_file, "huge.html", "huge.html", huge)
    assert "limit" in _quick(parse_file, "big.pdf", "big.pdf", b"%PDF-" + b"0" * 100, Limits(file_bytes=50))


@pytest.mark.parametrize(("name", "data"), [
    ("stars.md", b"# T\n\n" + b"*a " * 330_000),
    ("brackets.md", b"# T\n\nWords first. " + b"[" * 900_000),
    ("ticks.md", b"# T\n\nWords first. " + b"`a" * 450_000),
    ("unclosed-scripts.html", b"<html><body><p>Hello there, you all.</p>" + b"<script>" * 9000 + b"x" * 4_000_000),
    ("unclosed-tags.html", b"<html><body><p>Hello there, you all.</p>" + b"<a" * 9000 + b"x" * 4_000_000),
    ("comments.html", b"<html><body><p>Hello there, you all.</p>" + b"<!--" * 500_000),
])
def test_broken_markup_costs_no_more_than_a_second_or_two(name, data):
    """Markup that never closes (found in fuzzing the readers: each once took minutes) is read
    in linear time: a result or a clear error, quickly."""
    started = time.process_time()  # (this process's own CPU: a busy machine stretches the wall clock)
    try:
        parse_file(name, name, data)
    except ArticleError:
        pass
    assert time.process_time() - started < 2.5


def test_a_docx_that_is_another_zip_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "not a Word document" in _quick(parse_file, "x.docx", "x.docx", buf.getvalue())


def test_an_encrypted_pdf_with_a_password_is_refused_clearly():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(tessaly_pdf())))
    writer.encrypt("secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert "password" in _quick(parse_file, "locked.pdf", "locked.pdf", buf.getvalue())


def test_a_title_that_is_no_title_line_is_kept_as_metadata():
    # a title ending in a full stop heads the text without it; the article keeps it as the file says
    page = make_html("Calder opens its quay.", "Lee Park", "2024-02-01",
                     ["The quay opened on Monday, officials said.", "It cost twelve million crowns."])
    parsed, found = parse_file("q.html", "q.html", page)
    assert parsed.title == "Calder opens its quay."
    assert article_text(found).startswith("Calder opens its quay\nBy Lee Park\ndate 2024-02-01\n")
    # one word is no title line at all: the text starts with the byline, the article keeps the title
    page = make_html("Quay", "Lee Park", "2024-02-01", ["The quay opened on Monday, officials said."])
    parsed, found = parse_file("q.html", "q.html", page)
    assert parsed.title == "Quay" and article_text(found).startswith("By Lee Park\n")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "gopher://x", "javascript:alert(1)",
                                 "http://user:pw@example.org/", "http:///nohost", "http://[::1"])
def test_only_plain_http_and_https_links_are_taken(url):
    with pytest.raises(FetchError):
        check_url(url)


@pytest.mark.parametrize("addresses", [["127.0.0.1"], ["10.1.2.3"], ["192.168.0.4"], ["172.16.0.1"], ["169.254.169.254"],
                                       ["::1"], ["fe80::1"], ["fc00::1"], ["::ffff:127.0.0.1"], ["224.0.0.1"],
                                       ["0.0.0.0"], ["100.64.0.1"], ["240.0.0.1"],
                                       ["93.184.216.34", "10.0.0.1"]])  # every address is checked
def test_links_to_local_and_private_addresses_are_refused(addresses):
    with pytest.raises(FetchError, match="private or local"):
        safe_addresses("example.org", 80, False, resolver=lambda host, port: addresses)


def test_public_addresses_pass_and_loopback_only_when_allowed():
    assert safe_addresses("example.org", 443, False, resolver=lambda h, p: ["93.184.216.34", "2606:2800::1"])
    assert safe_addresses("localhost", 80, True, resolver=lambda h, p: ["127.0.0.1"]) == ["127.0.0.1"]
    with pytest.raises(FetchError):
        safe_addresses("localhost", 80, True, resolver=lambda h, p: ["10.0.0.1"])  # only loopback is let through
