"""Fetching over HTTP from a real server on 127.0.0.1: the limits and every way a server fails."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.errors import UnreadableSource
from summarizer.reading import fetch
from tests.localserver import ARTICLE, SERVED, LocalServer, serving
from tests.mailserver import make_certificates

OPTIONS = fetch.FetchOptions(max_bytes=1024 * 1024, timeout=0.5, max_redirects=5)


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with serving() as running:
        yield running


def test_a_page_arrives_with_its_type_charset_and_final_url(server: LocalServer) -> None:
    response = fetch.fetch(server.url + "/moved", OPTIONS)
    assert response.url == server.url + "/pages/vienna-talks"
    assert response.content_type == "text/html"
    assert response.charset == "utf-8"
    assert response.data == (SERVED / "vienna_talks.html").read_bytes()


def test_requests_name_the_tool_in_their_user_agent(server: LocalServer) -> None:
    fetch.fetch(server.url + "/text", OPTIONS)
    assert server.seen_agents[-1] == fetch.USER_AGENT
    assert server.seen_agents[-1].startswith("daily-brief/")


def test_a_few_redirects_are_followed(server: LocalServer) -> None:
    response = fetch.fetch(server.url + "/hop/5", OPTIONS)
    assert response.url == server.url + "/hop/0"
    assert response.data == ARTICLE.encode()


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ("/status/404", "HTTP 404 Not Found"),
        ("/status/500", "HTTP 500 Internal Server Error"),
        ("/status/503", "HTTP 503 Service Unavailable"),
        ("/hang", "timed out after 0.5 s"),
        ("/loop", "redirect loop"),
        ("/hop/6", "more than 5 redirects"),
        ("/close", "the server closed the connection without answering"),
        ("/cut", "the server closed the connection before the end of the response"),
        ("/image", "not text: the server sent 'image/png'"),
        ("/declared-big", "larger than the 1 MB size cap"),
        ("/stream-big", "larger than the 1 MB size cap"),
    ],
)
def test_failures_become_one_reason(server: LocalServer, route: str, reason: str) -> None:
    with pytest.raises(UnreadableSource) as caught:
        fetch.fetch(server.url + route, OPTIONS)
    assert str(caught.value) == reason


def test_a_closed_port_is_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(UnreadableSource, match="connection refused"):
        fetch.fetch(f"http://127.0.0.1:{port}/", OPTIONS)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://127.0.0.1/file.txt", "unsupported URL scheme 'ftp'"),
        ("file:///etc/passwd", "unsupported URL scheme 'file'"),
        ("http://", "cannot fetch"),
    ],
)
def test_addresses_that_cannot_be_fetched(url: str, reason: str) -> None:
    with pytest.raises(UnreadableSource, match=reason):
        fetch.fetch(url, OPTIONS)


def test_urls_and_sizes_as_people_write_them() -> None:
    assert fetch.is_url("https://example.org/a") and fetch.is_url("HTTP://x")
    assert fetch.is_url("ftp://x") and not fetch.is_url("C:\\news\\a.txt")
    assert not fetch.is_url("folder/https/a.txt")
    assert fetch.human_size(50 * 1024 * 1024) == "50 MB"
    assert fetch.human_size(512 * 1024) == "512 KB"
    assert fetch.human_size(100) == "100 bytes"


@pytest.mark.parametrize("route", ["/trickle", "/slowloris"])
def test_a_server_trickling_bytes_is_cut_at_the_whole_download_deadline(
    server: LocalServer, route: str
) -> None:
    options = fetch.FetchOptions(max_bytes=1024 * 1024, timeout=0.2)  # deadline: 5 x 0.2 s
    started = time.monotonic()
    with pytest.raises(UnreadableSource) as caught:
        fetch.fetch(server.url + route, options)
    took = time.monotonic() - started
    assert str(caught.value) == "download took longer than 1 s"
    assert 0.9 < took < 2.5  # each byte came well within the 0.2 s timeout


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("javascript:alert(1)", "redirected to a non-web address: javascript:alert(1)"),
        ("file:///etc/passwd", "redirected to a non-web address: file:///etc/passwd"),
        ("ftp://127.0.0.1/a.txt", "redirected to a non-web address: ftp://127.0.0.1/a.txt"),
    ],
)
def test_a_redirect_off_the_web_says_where_it_went(
    server: LocalServer, target: str, reason: str
) -> None:
    with pytest.raises(UnreadableSource) as caught:
        fetch.fetch(f"{server.url}/to/{target}", OPTIONS)
    assert str(caught.value) == reason


def test_a_redirect_with_no_address_is_not_called_a_loop(server: LocalServer) -> None:
    with pytest.raises(UnreadableSource) as caught:
        fetch.fetch(server.url + "/nowhere", OPTIONS)
    assert str(caught.value) == "HTTP 302 redirect with no address to follow"


def test_https_is_fetched_and_its_trickle_cut_at_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    certs = make_certificates(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(certs.ca_file))  # trust the test's own CA
    options = fetch.FetchOptions(max_bytes=1024 * 1024, timeout=0.2)
    with serving(tls=certs.server_context) as tls_server:
        response = fetch.fetch(tls_server.url + "/text", options)
        assert response.data == ARTICLE.encode()
        started = time.monotonic()
        with pytest.raises(UnreadableSource, match=r"^download took longer than 1 s$"):
            fetch.fetch(tls_server.url + "/trickle", options)
        assert time.monotonic() - started < 2.5
