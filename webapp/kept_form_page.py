"""A visitor's first look at a form (a conversation's first turn), served without Flask.

The page is the same for every visitor but for its CSRF token, so it is kept with the
token left out (webapp/page_cache.py decides when). Serving it again needs only what
Flask-WTF and Flask's session would have added, made with their own settings:

- a token: Flask-WTF's raw token (random hex, kept in the session) signed by its
  serializer, with its salt and secret. For a visitor whose session already holds a
  raw token, that token is signed again, as Flask-WTF would;
- for a visitor with no session yet, the session cookie holding that raw token, made
  by the app's own session interface (Flask's save_session, so its name, signature and
  attributes are Flask's own);
- the body compressed. When the visitor accepts gzip (every browser does), the page's
  fixed parts were compressed once, when it was kept, and only the token is added per
  visitor (GzipInParts); otherwise as the kept response was (Flask-Compress's settings).

Flask-WTF's validate_csrf then accepts the token like any other: the tests post with it.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import struct
import zlib

import brotli
import flask_wtf.csrf
from flask import Flask
from flask.sessions import SecureCookieSession
from werkzeug.http import parse_accept_header
from werkzeug.wrappers import Response

TOKEN_LEFT_OUT = "\x00csrf-token\x00"  # noqa: S105 (a stand-in; pages hold no NUL)
CSRF_SALT = "wtf-csrf-token"  # Flask-WTF's, fixed in generate_csrf and validate_csrf
# Headers made again for each visitor (gunicorn adds its own Date).
MADE_PER_VISITOR = {"set-cookie", "content-length", "date"}


def compress(app: Flask, body: bytes, encoding: str | None) -> bytes:
    """As Flask-Compress would, with the app's levels (the two encodings it is set to use)."""
    if encoding == "br":
        return brotli.compress(body, mode=brotli.MODE_TEXT, quality=app.config["COMPRESS_BR_LEVEL"])
    if encoding == "gzip":
        return gzip.compress(body, compresslevel=app.config["COMPRESS_LEVEL"], mtime=0)
    return body


class GzipInParts:
    """One gzip member for a page whose only change per visitor is one string of a known
    length (a CSRF token: its length is fixed by its format).

    The page is compressed once, as one deflate stream, with NUL bytes of that length in
    the string's place, each run between two sync flushes (which end a block byte-aligned).
    Per visitor, the bytes made for each run are swapped for a stored (uncompressed)
    block holding their string. Everything else refers back only to text that is the same
    for every visitor: a page holds no NUL, so no later match can reach into a run. So it
    compresses as well as the page in one piece, for the cost of a checksum."""

    HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # no name, no time, unknown OS

    def __init__(self, body: bytes, stand_in: bytes, level: int, width: int) -> None:
        self.parts, self.width = body.split(stand_in), width
        if any(b"\x00" in part for part in self.parts) or not 0 < width <= 0xFFFF:
            raise ValueError("a page with NUL bytes, or a string no stored block holds")
        deflate = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
        self.compressed = []
        for number, part in enumerate(self.parts):
            if number:  # the run's own bytes are dropped: a stored block goes there
                deflate.compress(b"\x00" * width)
                deflate.flush(zlib.Z_SYNC_FLUSH)
            last = number == len(self.parts) - 1
            compressed = deflate.compress(part)
            compressed += deflate.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)
            self.compressed.append(compressed)

    @staticmethod
    def stored(data: bytes) -> bytes:
        """A stored block: not the last, byte-aligned, then its length and its complement."""
        return b"\x00" + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data

    def with_(self, value: bytes) -> bytes | None:
        """The gzip member with value in each run; None if it is not of the run's length."""
        if len(value) != self.width:
            return None
        crc, size, out = 0, 0, [self.HEADER]
        for number, (part, compressed) in enumerate(zip(self.parts, self.compressed, strict=True)):
            if number:
                crc, size = zlib.crc32(value, crc), size + len(value)
                out.append(self.stored(value))
            crc, size = zlib.crc32(part, crc), size + len(part)
            out.append(compressed)
        out.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
        return b"".join(out)


class FormPage:
    """A form page's status, headers and words (the token left out, not compressed)."""

    __slots__ = ("status", "headers", "body", "files", "encoding", "gzipped")

    def __init__(
        self,
        status: str,
        headers: list,
        body: bytes,
        files: tuple,
        gzip_level: int | None,
        token_width: int,
    ) -> None:
        self.status, self.body, self.files = status, body, files
        self.headers = [(k, v) for k, v in headers if k.lower() not in MADE_PER_VISITOR]
        self.encoding = next((v for k, v in headers if k.lower() == "content-encoding"), None)
        self.gzipped = None
        if self.encoding is not None and gzip_level is not None:
            try:
                self.gzipped = GzipInParts(body, TOKEN_LEFT_OUT.encode(), gzip_level, token_width)
            except ValueError:  # never for a page made here; if so, compressed per visitor
                return
            self.encoding = "gzip"
            self.headers = [
                (k, "gzip" if k.lower() == "content-encoding" else v) for k, v in self.headers
            ]

    @classmethod
    def from_response(cls, app: Flask, environ: dict, status: str, headers: list, made: tuple):
        """None when the response holds what cannot be made again here: a cookie other
        than the session's (a language chosen by ?lang=), or an encoding not known."""
        session_cookie = app.config["SESSION_COOKIE_NAME"] + "="
        cookies = [v for k, v in headers if k.lower() == "set-cookie"]
        if any(not cookie.startswith(session_cookie) for cookie in cookies):
            return None
        accepted = parse_accept_header(environ.get("HTTP_ACCEPT_ENCODING"))
        gzip_level = app.config["COMPRESS_LEVEL"] if accepted.quality("gzip") > 0 else None
        words, files, token_width = made
        page = cls(status, headers, words.encode(), files, gzip_level, token_width)
        return page if page.encoding in (None, "br", "gzip") else None


class TokenMaker:
    """Flask-WTF's tokens and Flask's session cookie, for one app."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.field = app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
        secret = app.config.get("WTF_CSRF_SECRET_KEY") or app.secret_key
        # The class Flask-WTF itself uses (webapp/signing.py may have replaced it).
        self.signer = flask_wtf.csrf.URLSafeTimedSerializer(secret, salt=CSRF_SALT)

    def session_cookie(self, raw_token: str) -> str:
        session = SecureCookieSession()
        session[self.field] = raw_token
        response = Response()
        self.app.session_interface.save_session(self.app, session, response)
        return response.headers["Set-Cookie"]

    def serve(self, page: FormPage, raw_token: str | None, start_response):
        """The page for one visitor: raw_token is their session's, or None for a new one."""
        headers = list(page.headers)
        if raw_token is None:
            raw_token = hashlib.sha1(os.urandom(64)).hexdigest()  # noqa: S324 (Flask-WTF's own)
            headers.append(("Set-Cookie", self.session_cookie(raw_token)))
        token = self.signer.dumps(raw_token).encode()
        body = page.gzipped.with_(token) if page.gzipped is not None else None
        if body is None:
            body = page.body.replace(TOKEN_LEFT_OUT.encode(), token)
            body = compress(self.app, body, page.encoding)
        headers.append(("Content-Length", str(len(body))))
        start_response(page.status, headers)
        return [body]
