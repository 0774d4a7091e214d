"""Issue 11, point 9: gunicorn answers some malformed requests itself (400, 414, 431) without
portal's security headers; README's deployment section shows the reverse-proxy lines that add them
to every answer, with exactly portal's values."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from tests.functional.test_security_rate_limits import Server

README = Path(__file__).resolve().parents[2] / "README.md"
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                    "Permissions-Policy", "Cross-Origin-Opener-Policy", "Strict-Transport-Security")


def nginx_block() -> str:
    match = re.search(r"```nginx\n(.*?)```", README.read_text(), re.S)
    assert match, "README shows the reverse proxy's configuration"
    return match.group(1)


def test_readme_proxy_adds_every_security_header_with_portals_values_to_every_answer(client):
    block = nginx_block()
    added = dict(re.findall(r'add_header ([A-Za-z-]+) "([^"]*)" always;', block))
    hidden = set(re.findall(r"proxy_hide_header ([A-Za-z-]+);", block))
    page = client.get("/", base_url="https://localhost")
    for name in SECURITY_HEADERS:
        assert added.get(name) == page.headers[name], name  # the same value as portal's own
        assert name in hidden, name  # portal's copy hidden: never sent twice
    assert "access_log off;" in block


def _raw(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


@pytest.mark.parametrize("request_bytes, status", [
    (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", b"414"),
    (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"b" * 9000 + b"\r\n\r\n", b"431"),
    (b"NOT A REQUEST\r\n\r\n", b"400"),
], ids=["414", "431", "400"])
def test_gunicorns_own_error_answers_lack_the_headers_so_the_proxy_must_add_them(tmp_path, sqlite_template,
                                                                               request_bytes, status):
    import shutil

    database = tmp_path / "portal.sqlite3"
    shutil.copy(sqlite_template, database)
    server = Server(tmp_path, database, ["--workers", "1"])
    try:
        answer = _raw(server.port, request_bytes)
    finally:
        server.stop()
    head = answer.split(b"\r\n\r\n")[0].decode("latin-1")
    assert head.split()[1].encode() in (status, b"400"), head
    assert "Content-Security-Policy" not in head  # why README's proxy lines are needed
