"""Articles in every format through the upload form, a link, and ``quizapp ingest``: the right
title, author and date; the original kept for its owner only; hostile files and links refused
with a 4xx and nothing written."""

from __future__ import annotations

import io
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Article, ArticleFile, Fact

from .article_files import (
    TESSALY_TITLE,
    VARNIA_TITLE,
    flate_bomb_pdf,
    make_docx,
    make_pdf,
    tessaly_pdf,
    varnia_html,
    zip_bomb_docx,
)


@pytest.fixture
def teacher(app, make_user, auth):
    make_user("tess@example.com", "Tess Teacher", role="teacher")
    auth.login("tess@example.com")


@pytest.fixture
def no_spacy(monkeypatch):
    """Most tests here are about reading files, not facts: the facts job is left queued."""
    monkeypatch.setattr("quizapp.web.library.enqueue_ingest", lambda article_id: None)
    monkeypatch.setattr("quizapp.jobs.tasks.enqueue_ingest", lambda article_id: None)


def _upload(client, name: str, data: bytes, **extra):
    return client.post("/library/", data={"file": (io.BytesIO(data), name), **extra},
                       content_type="multipart/form-data")


def _article_id(response) -> int:
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[-1])


def _counts(app) -> tuple[int, int]:
    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(Article)),
                db.session.scalar(select(func.count()).select_from(ArticleFile)))


def test_a_saved_page_becomes_an_article_with_its_facts_and_its_original_for_the_owner_only(
        app, client, teacher, make_user):
    data = varnia_html()
    article_id = _article_id(_upload(client, "Varnia council.html", data))
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert VARNIA_TITLE in page and "Ada Brightwater" in page and ("Quiz me on this article" in page or "No questions were made" in page)
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert (article.title, article.author, article.published) == (VARNIA_TITLE, "Ada Brightwater",
                                                                      date(2025, 5, 12))
        assert article.status == "ready" and article.key == "Varnia-council.html"
        facts = db.session.scalars(select(Fact).where(Fact.collection_id == article.collection_id)).all()
        assert any(f.kind == "leader" and f.answer == "Mara Quell" for f in facts)
        assert any(f.kind == "date" and f.answer == "2025-05-10" for f in facts)
        assert any(f.kind == "mechanism" and f.answer == "Green Harbour Plan" for f in facts)
    # the original, byte for byte, for its owner
    assert "Download the original file" in page
    r = client.get(f"/library/{article_id}/original")
    assert r.status_code == 200 and r.data == data and r.mimetype == "text/html"
    assert r.headers["Content-Disposition"] == 'attachment; filename="Varnia-council.html"'
    assert "sandbox" in r.headers["Content-Security-Policy"]
    # another teacher, and a student: 404, as if it did not exist
    for email, role in (("other@example.com", "teacher"), ("sam@example.com", "student")):
        make_user(email, "Someone Else", role=role)
        client.post("/auth/logout")
        client.post("/auth/login", data={"email": email, "password": "correct horse 42"})
        assert client.get(f"/library/{article_id}/original").status_code == 404
        assert client.get(f"/articles/{article_id}").status_code == 404


def test_pdf_docx_and_markdown_uploads_keep_their_metadata_and_originals(app, client, teacher, no_spacy):
    from datetime import datetime

    pdf = tessaly_pdf()
    docx_bytes = make_docx(["The quay in Calder opened on Monday, officials said."], title="Calder opens its quay",
                           author="Lee Park", created=datetime(2024, 2, 1, 8, 0))
    md = b"# Harbour fees rise\n\nThe harbour board agreed **new fees** on Monday.\n"
    expected = {
        "tessaly.pdf": (pdf, TESSALY_TITLE, "Ben Okafor", date(2025, 3, 4), "application/pdf"),
        "quay.docx": (docx_bytes, "Calder opens its quay", "Lee Park", date(2024, 2, 1),
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "fees.md": (md, "Harbour fees rise", None, None, "text/markdown"),
    }
    for name, (data, title, author, published, mimetype) in expected.items():
        article_id = _article_id(_upload(client, name, data))
        with app.app_context():
            article = db.session.get(Article, article_id)
            assert (article.title, article.author, article.published) == (title, author, published), name
            assert article.status == "queued"
        r = client.get(f"/library/{article_id}/original")
        assert r.status_code == 200 and r.data == data and r.mimetype == mimetype


def test_a_txt_upload_is_downloaded_as_its_own_text(app, client, teacher, no_spacy):
    raw = "Calder opens a new quay\n\nThe quay opened on Monday, officials said.\n"
    article_id = _article_id(_upload(client, "quay.txt", raw.encode()))
    assert _counts(app) == (1, 0)  # no second copy of a plain-text file
    r = client.get(f"/library/{article_id}/original")
    assert r.status_code == 200 and r.data.decode() == raw and r.mimetype == "text/plain"


def test_the_form_lists_the_formats_it_takes(client, teacher):
    page = client.get("/library/").get_data(as_text=True)
    assert 'accept=".txt,.md,.markdown,.html,.htm,.pdf,.docx"' in page
    assert 'name="url"' in page and 'type="url"' in page


@pytest.mark.parametrize(("name", "data", "words"), [
    ("notes.doc", b"\xd0\xcf\x11\xe0 old word", "We read .txt, .md, .html/.htm, .pdf or .docx files"),
    ("bad.docx", b"PK\x03\x04" + b"\x00" * 300, "damaged"),
    ("bomb.docx", None, "unpacks to"),
    ("cut.pdf", None, "damaged"),
    ("bomb.pdf", None, "unpack"),
    ("scan.pdf", None, "no text layer"),
    ("deep.html", b"<html><body>" + b"<div>" * 5000 + b"x" + b"</div>" * 5000 + b"</body></html>", "nested"),
    ("wide.html", b"<html><body>" + b"<span>a</span>" * 100_000 + b"</body></html>", "elements"),
    ("huge.html", b"<html><body><p>" + b"words " * (1024 * 1024) + b"</p></body></html>", "bytes"),
    ("renamed.txt", b"PK\x03\x04" + b"\x00" * 30, "zip archive"),
])
def test_hostile_and_unreadable_uploads_get_a_clear_422_quickly_and_write_nothing(app, client, teacher, name, data,
                                                                                  words):
    data = data or {"bomb.docx": zip_bomb_docx, "cut.pdf": lambda: tessaly_pdf()[:400], "bomb.pdf": flate_bomb_pdf,
                    "scan.pdf": lambda: make_pdf(None)}[name]()
    started = time.process_time()  # (this process's own CPU: a busy machine stretches the wall clock)
    r = _upload(client, name, data)
    took = time.process_time() - started
    assert r.status_code == 422, r.status_code
    assert words in r.get_data(as_text=True)
    assert took < 3, f"{name} took {took:.1f}s"
    assert _counts(app) == (0, 0)


def test_the_upload_form_takes_files_bigger_than_other_forms_up_to_its_own_cap(app, client, teacher):
    # past MAX_CONTENT_LENGTH (2 MiB) but under MAX_UPLOAD_BYTES: the file is read (and found damaged)
    r = _upload(client, "big.pdf", b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024))
    assert r.status_code == 422 and "damaged" in r.get_data(as_text=True)
    app.config["MAX_UPLOAD_BYTES"] = 200 * 1024
    r = _upload(client, "big.pdf", b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024))
    assert r.status_code == 413 and "limit" in r.get_data(as_text=True)
    r = _upload(client, "big.pdf", b"%PDF-1.4\n" + b"0" * (201 * 1024))
    assert r.status_code == 422 and "limit" in r.get_data(as_text=True)
    assert _counts(app) == (0, 0)
    # other forms keep the smaller request cap
    assert client.post("/auth/login", data={"email": "x" * (3 * 1024 * 1024)}).status_code == 413


# --- links -----------------------------------------------------------------------------------

class _Site(BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, dict, bytes]] = {}

    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/slow":
            time.sleep(3)
        status, headers, body = self.pages.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{server.server_port}"
    _Site.pages = {
        "/news/varnia": (200, {"Content-Type": "text/html; charset=utf-8"}, varnia_html()),
        "/files/tessaly.pdf": (200, {"Content-Type": "application/pdf"}, tessaly_pdf()),
        "/moved": (302, {"Location": "/news/varnia"}, b""),
        "/to-private": (302, {"Location": "http://10.0.0.7/secret"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * (300 * 1024) + b"</p>"),
        "/slow": (200, {"Content-Type": "text/html"}, b"<p>late</p>"),
        "/gone": (410, {}, b"gone"),
        "/photo": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    thread.join(5)


def _link(client, url: str):
    return client.post("/library/", data={"url": url})


def test_a_link_is_fetched_in_the_background_with_its_metadata_and_original(app, client, teacher, site, no_spacy):
    app.config["URL_FETCH_ALLOW_LOOPBACK"] = True  # this test's page is served on loopback
    for path, title, mimetype in (("/moved", VARNIA_TITLE, "text/html"),
                                  ("/files/tessaly.pdf", TESSALY_TITLE, "application/pdf")):
        article_id = _article_id(_link(client, site + path))
        with app.app_context():
            article = db.session.get(Article, article_id)
            assert article.title == title and article.status == "queued", article.error
            row = db.session.get(ArticleFile, article_id)
            assert row.url == site + path and row.data is not None
        r = client.get(f"/library/{article_id}/original")
        assert r.status_code == 200 and r.mimetype == mimetype
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.title == VARNIA_TITLE))
        assert article.published == date(2025, 5, 12) and article.key == "127.0.0.1-moved"
        assert db.session.get(ArticleFile, article.id).filename == "varnia.html"  # named after where the link led


def test_loopback_links_are_refused_under_the_normal_setting_and_retry_fetches_again(app, client, teacher, site,
                                                                                      no_spacy):
    assert app.config["URL_FETCH_ALLOW_LOOPBACK"] is False
    article_id = _article_id(_link(client, site + "/news/varnia"))
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert "We could not process this article" in page and "private or local network address" in page
    assert "Try again" in page and "Download the original" not in page
    assert client.get(f"/library/{article_id}/original").status_code == 404  # nothing was fetched
    with app.app_context():
        assert db.session.get(Article, article_id).status == "failed"
    # once allowed (the test server), the owner's retry fetches it
    app.config["URL_FETCH_ALLOW_LOOPBACK"] = True
    assert client.post(f"/library/{article_id}/retry").status_code == 303
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert article.title == VARNIA_TITLE and article.status == "queued"


def test_the_same_link_twice_is_one_article_and_another_on_the_same_path_gets_its_own(app, client, teacher,
                                                                                      no_spacy, monkeypatch):
    monkeypatch.setattr("quizapp.web.library.enqueue_fetch", lambda article_id: None)  # no network in tests
    first = _article_id(_link(client, "https://example.org/news/story"))
    assert _article_id(_link(client, "https://example.org/news/story")) == first
    second = _article_id(_link(client, "https://example.org/news/story?page=2"))
    third = _article_id(_link(client, "https://example.org/other/story"))
    assert len({first, second, third}) == 3
    with app.app_context():
        keys = {db.session.get(Article, i).key for i in (first, second, third)}
        assert keys == {"example.org-story", "example.org-story-2", "example.org-story-3"}


@pytest.mark.parametrize(("path", "words"), [
    ("/to-private", "private or local network address"),
    ("/to-file", "Only http:// and https:// links"),
    ("/loop", "redirected more than"),
    ("/big", "bytes"),
    ("/slow", "did not answer in time"),
    ("/gone", "answered 410"),
    ("/photo", "leads to a file of type image/png"),
])
def test_a_link_that_cannot_be_fetched_fails_with_a_clear_message(app, client, teacher, site, no_spacy, path, words):
    app.config.update(URL_FETCH_ALLOW_LOOPBACK=True, URL_FETCH_TIMEOUT=1, MAX_UPLOAD_BYTES=200 * 1024)
    article_id = _article_id(_link(client, site + path))
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert article.status == "failed" and words in article.error, article.error
        assert article.raw_text == "" and db.session.get(ArticleFile, article_id).data is None


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "javascript:alert(1)",
                                 "http://user:secret@example.org/", "not a link"])
def test_links_of_other_schemes_are_refused_at_once_and_nothing_is_written(app, client, teacher, url):
    r = _link(client, url)
    assert r.status_code == 422
    assert _counts(app) == (0, 0)


def test_refresh_skips_a_link_not_fetched_yet(app, client, teacher, runner):
    _article_id(_link(client, "http://127.0.0.1:9/never"))  # refused: stays failed without text
    result = runner.invoke(args=["refresh"])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output


# --- quizapp ingest ---------------------------------------------------------------------------

def test_ingest_reads_a_folder_of_mixed_files(app, runner, tmp_path):
    from datetime import datetime

    folder = tmp_path / "readings"
    folder.mkdir()
    (folder / "quay.txt").write_text("Calder opens a new quay\nPublished: Aug 25, 2021\n\n"
                                     "The quay in Calder opened on Monday, officials said.\n")
    (folder / "fees.md").write_text("# Harbour fees rise\n\nThe harbour board agreed *new fees* on Monday.\n")
    (folder / "varnia.htm").write_bytes(varnia_html())
    (folder / "tessaly.pdf").write_bytes(tessaly_pdf())
    (folder / "lunsk.docx").write_bytes(make_docx(["The mayor of Lunsk opened the new bridge on Friday."],
                                                  title="Lunsk opens its bridge", author="Lee Park",
                                                  created=datetime(2024, 6, 7)))
    (folder / "scan.pdf").write_bytes(make_pdf(None))
    (folder / "notes.odt").write_bytes(b"ignored: not a format we read")
    (folder / "README.md").write_text("# About these readings\n\nThey are for the spring term.\n")  # skipped
    result = runner.invoke(args=["ingest", str(folder)])
    assert "5 added" in result.output and "1 failed" in result.output, result.output
    assert "scan.pdf: the PDF has no text layer" in result.output
    with app.app_context():
        titles = {a.key: (a.title, a.published) for a in db.session.scalars(select(Article))}
        assert titles["varnia.htm"] == (VARNIA_TITLE, date(2025, 5, 12))
        assert titles["tessaly.pdf"] == (TESSALY_TITLE, date(2025, 3, 4))
        assert titles["lunsk.docx"] == ("Lunsk opens its bridge", date(2024, 6, 7))
        assert titles["fees.md"][0] == "Harbour fees rise"
        assert titles["quay.txt"] == ("Calder opens a new quay", date(2021, 8, 25))
        kept = {f.filename for f in db.session.scalars(select(ArticleFile))}
        assert kept == {"varnia.htm", "tessaly.pdf", "lunsk.docx", "fees.md"}
        assert all(a.status == "ready" for a in db.session.scalars(select(Article)))
    # a second run changes nothing
    again = runner.invoke(args=["ingest", str(folder)])
    assert "5 unchanged" in again.output, again.output


def test_links_share_the_upload_rate_limit(_migrated, tmp_path, monkeypatch):
    from quizapp.auth import create_user

    from .conftest import queued_app

    app, _env = queued_app(_migrated, tmp_path, monkeypatch, RATELIMIT_ENABLED=True,
                           RATELIMIT_STORAGE_URI="memory://", UPLOAD_RATE_LIMIT="2 per minute")
    with app.app_context():
        create_user(db.session, "tess@example.com", "Tess", "correct horse 42", "teacher")
        db.session.commit()
    client = app.test_client()
    client.post("/auth/login", data={"email": "tess@example.com", "password": "correct horse 42"})
    assert _link(client, "https://example.org/news/one").status_code == 303
    assert _upload(client, "two.md", b"# Two\n\nThe second article is short.\n").status_code == 303
    assert _link(client, "https://example.org/news/three").status_code == 429
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Article)) == 2
        assert db.session.get(Article, 1).status == "fetching"  # queued for a worker, nothing fetched in the request
        db.session.remove()
        db.engine.dispose()
