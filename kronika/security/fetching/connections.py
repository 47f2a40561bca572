"""Connections pinned to the address the guard checked, and the cut at its deadline."""

import contextlib
import http.client
import socket
import ssl


class PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to the vetted address, never to whatever the name resolves to now."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to the vetted address; SNI and the certificate check use the name."""

    def __init__(
        self, host: str, port: int, address: str, timeout: float, context: ssl.SSLContext
    ):
        super().__init__(host, port, timeout=timeout, context=context)
        self.address = address
        self.tls = context

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        try:
            self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise


def cut_connection(connection: http.client.HTTPConnection):
    sock = connection.sock
    if sock is not None:
        # The plain socket's shutdown, also under TLS: it ends a read blocked
        # in another thread without touching the TLS state that thread uses.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


def failure_reason(error: BaseException | None) -> str:
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"its certificate is not valid for it ({error.verify_message})"
    if isinstance(error, TimeoutError):
        return "it did not answer in time"
    if isinstance(error, ConnectionRefusedError):
        return "the connection was refused"
    return str(error) or type(error).__name__
