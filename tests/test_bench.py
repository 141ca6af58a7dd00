"""Pieces of ``make bench`` that can be checked without running it (it takes minutes)."""

import os
import subprocess
import sys
import time

from quizapp.bench.load import percentile, tree_cpu

BURN = "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass\n"


def test_tree_cpu_counts_a_process_and_its_children():
    assert tree_cpu(None) == 0.0
    before = during = tree_cpu(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", BURN])
    time.sleep(0.1)
    while child.poll() is None:
        during = tree_cpu(os.getpid())  # the child is counted while it runs
        time.sleep(0.05)
    assert during - before > 0.05
    assert tree_cpu(child.pid) == 0.0  # gone: nothing to count


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 51.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([], 0.5) is None


# ------------------------------------------------------------------ the load generator's HTTP client
import asyncio  # noqa: E402
import re  # noqa: E402

import pytest  # noqa: E402

from quizapp.bench.wire import Client, WireError, parse_response  # noqa: E402


def test_parse_response_reads_status_headers_and_body():
    r = parse_response(b"HTTP/1.1 303 SEE OTHER\r\nLocation: /quiz/1\r\nSet-Cookie: a=1\r\n"
                       b"Content-Length: 5\r\n\r\nhello and more")
    assert (r.status, r.header("location"), r.header("LOCATION"), r.body) == (303, "/quiz/1", "/quiz/1", b"hello")
    assert r.header("x-missing") is None
    chunked = parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                             b"4\r\nWiki\r\n6;ext=1\r\npedia \r\n0\r\n\r\n")
    assert chunked.text == "Wikipedia "
    assert parse_response(b"HTTP/1.0 204 No Content\r\n\r\n").body == b""


@pytest.mark.parametrize("raw", [
    b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n",  # headers never end
    b"SSH-2.0-OpenSSH\r\n\r\n",  # not HTTP
    b"HTTP/1.1 2x0 OK\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nz\r\nabc\r\n0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc",
])
def test_parse_response_rejects_malformed_replies(raw):
    with pytest.raises(ValueError):
        parse_response(raw)


def test_client_only_speaks_plain_http():
    with pytest.raises(ValueError):
        Client("https://example.com")


@pytest.fixture
def served(app):
    """The app on a real HTTP server (loopback, free port) for the client to talk to."""
    from .conftest import serving

    app.config.update(RATELIMIT_ENABLED=False, WTF_CSRF_ENABLED=True)  # CSRF on, as in production
    with serving(app) as base:
        yield base


def test_client_logs_in_through_the_real_form_and_out_again(served, make_user):
    """What the load generator does with every client: CSRF, the session cookie, redirects untouched."""
    make_user("wire@example.com", password="wire password 1")
    token = re.compile(r'name="csrf-token" content="([^"]+)"')

    async def journey():
        c = Client(served)
        assert (await c.get("/progress/")).status == 302  # not logged in yet
        page = await c.get("/auth/login")
        r = await c.post("/auth/login", {"email": "wire@example.com", "password": "wire password 1",
                                         "csrf_token": token.search(page.text).group(1)})
        assert r.status == 303 and "session" in c.cookies  # redirect not followed; cookie kept
        progress = await c.get("/progress/")
        assert progress.status == 200 and "wire@example.com" not in c.cookies.values()
        bad = await c.post("/auth/logout", {"csrf_token": "forged"})
        assert bad.status == 400 and (await c.get("/progress/")).status == 200
        out = await c.post("/auth/logout", {"csrf_token": token.search(progress.text).group(1)})
        assert out.status in (302, 303)
        assert (await c.get("/progress/")).status == 302  # the session is gone with the cookie's contents

    asyncio.run(journey())


def test_client_reports_a_refused_connection_as_a_wire_error():
    from quizapp.bench.pg import free_port

    async def refused():
        await Client(f"http://127.0.0.1:{free_port()}", timeout=5).get("/healthz")

    with pytest.raises(WireError):
        asyncio.run(refused())


def test_client_forgets_cookies_the_server_expires():
    c = Client("http://127.0.0.1:1")
    c._keep_cookies(parse_response(b"HTTP/1.1 200 OK\r\nSet-Cookie: session=abc; Path=/; HttpOnly\r\n"
                                   b"Set-Cookie: other=1\r\n\r\n"))
    assert c.cookies == {"session": "abc", "other": "1"}
    c._keep_cookies(parse_response(b"HTTP/1.1 200 OK\r\nSet-Cookie: session=; Expires=Thu, 01 Jan 1970 "
                                   b"00:00:00 GMT; Max-Age=0; Path=/\r\nSet-Cookie: other=2; Max-Age=-1\r\n\r\n"))
    assert c.cookies == {}


def test_ratios_to_healthz_come_with_the_spread_of_the_rounds():
    from quizapp.bench.http import add_ratios

    results = [
        {"endpoint": "healthz", "rps": 1000.0, "round_rps": [900.0, 1100.0, 1000.0]},
        {"endpoint": "answer", "rps": 450.0, "round_rps": [450.0, 440.0, 460.0]},
        {"endpoint": "dashboard, computed", "rps": 100.0, "round_rps": [100.0]},  # one round: no spread
        {"endpoint": "rate", "failed": ["boom"]},
    ]
    add_ratios(results)
    healthz, answer, computed, rate = results
    assert healthz["ratio_to_healthz"] == 1.0 and "round_ratio_range" not in healthz
    assert answer["ratio_to_healthz"] == 0.45
    assert answer["round_ratio_range"] == [0.4, 0.5]  # 440/1100 and 450/900
    assert computed["ratio_to_healthz"] == 0.1 and "round_ratio_range" not in computed
    assert "ratio_to_healthz" not in rate


def test_extraction_ratio_is_the_median_of_paired_rounds():
    """One slow moment of a shared machine moves one round, not the figure (the best times of
    separate moments would each pick a different moment)."""
    from quizapp.bench.extraction import ExtractionResult

    r = ExtractionResult(articles=1, sentences=1, words=1000, facts=0, extract_s=1.0, spacy_s=0.5,
                         round_ratios=[0.9, 0.95, 0.5, 0.92, 1.4])
    assert r.ratio == 0.92
    assert r.to_json()["round_ratio_range"] == [0.5, 1.4]
    assert ExtractionResult(1, 1, 1000, 0, 2.0, 1.0).ratio == 0.5  # no rounds: the best times' ratio
