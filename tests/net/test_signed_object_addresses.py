"""Signed objects (CRLs, OCSP answers, CA certificates) may come over plain http, but never
from this computer or a private network: the name is resolved once, and the connection goes
to the address that was checked (no DNS rebinding between the check and the connection).

No real DNS and no real outside host: a scripted resolver stands in for the name service, and
the test's own "network" routes one public address to a server on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
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
from wallet.errors import NetworkError
from wallet.net import allow_loopback_http, fetch

# A public address (example.com's); no packet ever goes there: the test network routes it.
PUBLIC = "93.184.216.34"


@dataclass
class ScriptedNetwork:
    """A name service that answers from a script, one answer per lookup (the last repeats),
    and a router that sends connections for ``PUBLIC`` to a port on 127.0.0.1."""

    answers: dict[str, list[list[str]]] = field(default_factory=dict)
    routes: dict[tuple[str, int], int] = field(default_factory=dict)
    lookups: list[str] = field(default_factory=list)  # names, not address literals
    connections: list[Any] = field(default_factory=list)

    def resolve(self, host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        script = self.answers.get(host)
        if script is None:  # an address literal: answered as the system would
            return _real_getaddrinfo(host, port, *args, **kwargs)
        self.lookups.append(host)
        addresses = script.pop(0) if len(script) > 1 else script[0]
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (a, int(port)))
                for a in addresses]


_real_getaddrinfo = socket.getaddrinfo


@pytest.fixture
def network(monkeypatch: pytest.MonkeyPatch) -> ScriptedNetwork:
    made = ScriptedNetwork()
    guarded = socket.socket.connect  # the suite's guard: loopback only

    def routed(sock: socket.socket, address: Any) -> None:
        made.connections.append(address)
        target = made.routes.get((address[0], address[1]))
        if target is not None:
            address = ("127.0.0.1", target)
        guarded(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", made.resolve)
    monkeypatch.setattr(socket.socket, "connect", routed)
    return made


def test_a_name_that_rebinds_to_loopback_never_reaches_this_computer(
    local_server: LocalServer, network: ScriptedNetwork
) -> None:
    # GIVEN a server on this computer that must never be reached from a credential's address,
    # and a public server (routed) on the same port number
    local_server.serve("/ca.crl", b"this computer's secret")
    public = LocalServer().start()
    try:
        public.serve("/ca.crl", b"the public CRL")
        network.routes[(PUBLIC, local_server.port)] = public.port
        # AND a name that answers a public address first and 127.0.0.1 ever after
        network.answers["rebind.example"] = [[PUBLIC], ["127.0.0.1"]]
        url = f"http://rebind.example:{local_server.port}/ca.crl"
        # WHEN the CRL is fetched as a signed object
        got = fetch(url, allowed=True, signed_object=True)
        # THEN the checked public address was the one connected to, the name looked up once
        assert got.body == b"the public CRL"
        assert network.connections == [(PUBLIC, local_server.port)]
        assert network.lookups == ["rebind.example"]
        assert local_server.requests == []
        # AND the request still named the host
        assert public.requests[0][1]["Host"] == f"rebind.example:{local_server.port}"
    finally:
        public.stop()


def test_a_name_with_any_private_address_is_refused_before_connecting(
    network: ScriptedNetwork,
) -> None:
    # GIVEN a name that answers a public and a private address together
    network.answers["mixed.example"] = [[PUBLIC, "10.0.0.5"]]
    # WHEN a CRL there is fetched THEN it is refused, with no connection at all
    with pytest.raises(NetworkError, match="this computer or a private network"):
        fetch("http://mixed.example/ca.crl", allowed=True, signed_object=True)
    assert network.connections == []


def test_the_loopback_switch_still_covers_only_loopback_names(
    local_server: LocalServer, network: ScriptedNetwork
) -> None:
    # GIVEN a test server on 127.0.0.1 and a name that resolves to it
    url = local_server.serve("/ca.crl", b"crl")
    network.answers["inside.example"] = [["127.0.0.1"]]
    with allow_loopback_http():
        # WHEN fetched by its address under the test switch THEN it answers, as before
        assert fetch(url, allowed=True, signed_object=True).body == b"crl"
        # AND a name pointing at it is still refused, switch or not
        with pytest.raises(NetworkError, match="this computer or a private network"):
            fetch(f"http://inside.example:{local_server.port}/ca.crl", allowed=True,
                  signed_object=True)
    assert [path for path, _ in local_server.requests] == ["/ca.crl"]


# --- https: the address is pinned, the host name still verified ---------------------------


@dataclass
class TlsServer:
    port: int
    server_names: list[str | None]


def _tls_material(tmp_path: Path, dns_name: str) -> tuple[Path, Path, Path]:
    """A test CA (written as a trust file) and a server certificate for ``dns_name``."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kredo test TLS CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    server = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, dns_name)]))
        .issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(dns_name)]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    ca_file, cert_file, key_file = (tmp_path / n for n in ("ca.pem", "cert.pem", "key.pem"))
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return ca_file, cert_file, key_file


@contextlib.contextmanager
def _tls_server(cert_file: Path, key_file: Path) -> Iterator[TlsServer]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "3")
            self.end_headers()
            self.wfile.write(b"crl")

        def log_message(self, format: str, *args: object) -> None:
            pass

    names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)

    def remember_name(_sock: ssl.SSLObject, name: str, _context: ssl.SSLContext) -> None:
        names.append(name)

    context.sni_callback = remember_name
    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    httpd.timeout = 3
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)

    def serve_one() -> None:
        with contextlib.suppress(OSError):
            httpd.handle_request()

    thread = threading.Thread(target=serve_one, daemon=True)
    thread.start()
    try:
        yield TlsServer(httpd.server_address[1], names)
    finally:
        thread.join(timeout=5)
        httpd.server_close()


@pytest.mark.parametrize(("certified_name", "verified"), [
    ("status.example", True), ("other.example", False),
])
def test_https_connects_to_the_checked_address_and_verifies_the_host_name(
    tmp_path: Path, network: ScriptedNetwork, monkeypatch: pytest.MonkeyPatch,
    certified_name: str, verified: bool,
) -> None:
    # GIVEN a TLS server (routed from the public address) whose certificate a test CA issued
    # for ``certified_name``, and that CA trusted as the platform's
    ca_file, cert_file, key_file = _tls_material(tmp_path, certified_name)
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    network.answers["status.example"] = [[PUBLIC], ["127.0.0.1"]]
    with _tls_server(cert_file, key_file) as server:
        network.routes[(PUBLIC, server.port)] = server.port
        url = f"https://status.example:{server.port}/ca.crl"
        # WHEN a signed object is fetched from status.example
        if verified:
            assert fetch(url, allowed=True, signed_object=True, timeout=3).body == b"crl"
        else:
            with pytest.raises(NetworkError, match="could not be verified"):
                fetch(url, allowed=True, signed_object=True, timeout=3)
    # THEN the connection went to the checked address, the server was told the host name
    # (SNI), and the certificate was checked against that name, not the address
    assert network.connections == [(PUBLIC, server.port)]
    assert server.server_names == ["status.example"]
