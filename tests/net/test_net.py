"""The network gate against a real HTTP server on 127.0.0.1 (and a real TLS server)."""

from __future__ import annotations

import contextlib
import gzip
import socket
import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.net.local_server import LocalServer
from wallet.errors import InputTooLarge, NetworkError, NetworkNotAllowed
from wallet.net import allow_loopback_http, fetch, loopback_http_allowed


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every address a socket connects to during the test (on top of the suite's guard)."""
    seen: list[Any] = []
    guarded = socket.socket.connect

    def counting(self: socket.socket, address: Any) -> None:
        seen.append(address)
        guarded(self, address)

    monkeypatch.setattr(socket.socket, "connect", counting)
    return seen


def test_offline_fetch_opens_no_connection(
    local_server: LocalServer, connections: list[Any]
) -> None:
    # GIVEN a server that would answer
    url = local_server.serve("/list", b"{}")
    # WHEN the user has not allowed the network
    with allow_loopback_http(), pytest.raises(NetworkNotAllowed) as raised:
        fetch(url, allowed=False)
    # THEN nothing was connected or asked, and the sentence says why
    assert connections == []
    assert local_server.requests == []
    assert "online checks are switched off" in raised.value.message


def test_fetch_returns_body_status_and_media_type(
    local_server: LocalServer, connections: list[Any]
) -> None:
    url = local_server.serve(
        "/doc", b'{"a": 1}', headers={"Content-Type": "application/json; charset=utf-8"}
    )
    with allow_loopback_http():
        got = fetch(url, allowed=True, accept="application/vc+ld+json")
    assert (got.status, got.media_type, got.body) == (200, "application/json", b'{"a": 1}')
    assert got.url == url
    assert len(connections) == 1
    # the Accept header reached the server
    assert local_server.requests[0][1]["Accept"] == "application/vc+ld+json"


def test_plain_http_is_refused_without_the_test_switch(
    local_server: LocalServer, connections: list[Any]
) -> None:
    url = local_server.serve("/doc", b"{}")
    assert not loopback_http_allowed()
    with pytest.raises(NetworkError, match="only fetches from secure"):
        fetch(url, allowed=True)
    assert connections == []


def test_plain_http_to_another_host_is_refused_even_with_the_switch(connections: list[Any]) -> None:
    with allow_loopback_http(), pytest.raises(NetworkError, match="only fetches from secure"):
        fetch("http://example.org/status/1", allowed=True)
    with allow_loopback_http(), pytest.raises(NetworkError):
        fetch("ftp://127.0.0.1/status/1", allowed=True)
    assert connections == []


def test_addresses_with_passwords_are_refused(connections: list[Any]) -> None:
    with pytest.raises(NetworkError, match="password"):
        fetch("https://user:secret@example.org/list", allowed=True)
    assert connections == []


def test_localhost_name_is_loopback(local_server: LocalServer) -> None:
    local_server.serve("/doc", b"ok")
    with allow_loopback_http():
        assert fetch(local_server.url("/doc", host="localhost"), allowed=True).body == b"ok"


def test_declared_oversize_body_is_refused(local_server: LocalServer) -> None:
    url = local_server.serve("/big", b"x" * 5000)
    with allow_loopback_http(), pytest.raises(InputTooLarge, match="more than 4 KB"):
        fetch(url, allowed=True, max_bytes=4096)


def test_undeclared_oversize_body_is_cut_while_reading(local_server: LocalServer) -> None:
    # GIVEN a server that sends 3 MB without saying how long the body is
    url = local_server.serve("/stream", b"x" * (3 * 1024 * 1024), omit_length=True)
    # WHEN fetched with the default 2 MB cap THEN reading stops with a size error
    with allow_loopback_http(), pytest.raises(InputTooLarge, match="more than 2 MB"):
        fetch(url, allowed=True)


def test_gzip_content_encoding_is_decoded(local_server: LocalServer) -> None:
    url = local_server.serve(
        "/gz", gzip.compress(b'{"ok": true}'), headers={"Content-Encoding": "gzip"}
    )
    with allow_loopback_http():
        assert fetch(url, allowed=True).body == b'{"ok": true}'


def test_gzip_bomb_is_capped(local_server: LocalServer) -> None:
    # GIVEN 50 MB of zeros gzipped to ~50 KB, under the transfer cap
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 1024 * 1024
    url = local_server.serve("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    # WHEN fetched THEN decoding stops at the cap instead of filling memory
    with allow_loopback_http(), pytest.raises(InputTooLarge):
        fetch(url, allowed=True, max_bytes=1024 * 1024)


def test_damaged_gzip_is_a_network_error(local_server: LocalServer) -> None:
    url = local_server.serve("/bad", b"not gzip at all", headers={"Content-Encoding": "gzip"})
    with allow_loopback_http(), pytest.raises(NetworkError, match="damaged compressed"):
        fetch(url, allowed=True)


def test_slow_server_times_out_with_a_sentence(local_server: LocalServer) -> None:
    url = local_server.serve("/slow", b"{}", stall_seconds=5)
    with allow_loopback_http(), pytest.raises(NetworkError) as raised:
        fetch(url, allowed=True, timeout=0.5)
    assert raised.value.message == "The issuer's server did not answer within 0.5 seconds."


def test_http_error_names_the_status(local_server: LocalServer) -> None:
    with allow_loopback_http(), pytest.raises(NetworkError, match="HTTP status 404"):
        fetch(local_server.url("/missing"), allowed=True)
    url = local_server.serve("/gone", b"", status=410)
    with allow_loopback_http(), pytest.raises(NetworkError, match="HTTP status 410"):
        fetch(url, allowed=True)


def test_redirects_within_the_scheme_are_followed(local_server: LocalServer) -> None:
    local_server.serve("/final", b"here")
    local_server.serve("/hop", status=302, headers={"Location": "/final"})
    with allow_loopback_http():
        got = fetch(local_server.url("/hop"), allowed=True)
    assert (got.body, got.url) == (b"here", local_server.url("/final"))


def test_more_than_three_redirects_are_refused(local_server: LocalServer) -> None:
    for n in range(5):
        local_server.serve(f"/r{n}", status=301, headers={"Location": f"/r{n + 1}"})
    local_server.serve("/r5", b"never reached")
    with allow_loopback_http(), pytest.raises(NetworkError, match="more than 3 times"):
        fetch(local_server.url("/r0"), allowed=True)
    assert [path for path, _ in local_server.requests] == ["/r0", "/r1", "/r2", "/r3"]


def test_redirect_to_another_scheme_is_refused(
    local_server: LocalServer, connections: list[Any]
) -> None:
    secure = f"https://127.0.0.1:{local_server.port}/x"
    local_server.serve("/to-https", status=302, headers={"Location": secure})
    local_server.serve("/to-file", status=307, headers={"Location": "file:///list.json"})
    with allow_loopback_http(), pytest.raises(NetworkError, match="from http to https"):
        fetch(local_server.url("/to-https"), allowed=True)
    with allow_loopback_http(), pytest.raises(NetworkError, match="from http to file"):
        fetch(local_server.url("/to-file"), allowed=True)
    # one connection each, none to the redirect target
    assert len(connections) == 2


# --- TLS ---------------------------------------------------------------------------------


@pytest.fixture
def self_signed_https_server(tmp_path: Path) -> Iterator[int]:
    """A real TLS server on 127.0.0.1 whose certificate no authority vouches for."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    httpd.timeout = 2
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)

    def serve_one() -> None:
        with contextlib.suppress(OSError):
            httpd.handle_request()

    thread = threading.Thread(target=serve_one, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        thread.join(timeout=5)
        httpd.server_close()


def test_tls_certificates_are_verified(self_signed_https_server: int) -> None:
    # GIVEN an https server with a self-signed certificate
    url = f"https://127.0.0.1:{self_signed_https_server}/status"
    # WHEN fetched THEN the handshake is refused, never silently accepted
    with pytest.raises(NetworkError, match="could not be verified"):
        fetch(url, allowed=True, timeout=3)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/ca.crl", "http://10.0.0.1/ca.crl", "http://192.168.1.1/ocsp",
    "http://[::1]/ca.crl", "http://169.254.169.254/latest", "http://localhost/ca.crl",
])
def test_signed_objects_over_http_never_reach_this_computer_or_a_private_network(
    url: str,
) -> None:
    # GIVEN a CRL or OCSP address a credential names, on a private or loopback address
    # WHEN it is fetched as a signed object (plain http allowed), outside the test switch
    # THEN it is refused before any connection
    with pytest.raises(NetworkError, match="only fetches from secure"):
        fetch(url, allowed=True, signed_object=True)
