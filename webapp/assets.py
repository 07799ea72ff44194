"""Static files: minified, content-hashed, precompressed, and served by WhiteNoise.

At start-up each process builds webapp/static into STATIC_BUILD_DIR:
- CSS and our own JS are minified (rcssmin, rjsmin);
- every file is written twice, as css/site.css and as css/site.<hash>.css;
- text files get .br and .gz beside them, so nothing is compressed per request.

url_for('static', filename='css/site.css') then gives the hashed name, which is
cached for a year and never revalidated: a change makes a new name. WhiteNoise
answers /static/ before Flask runs, so a static file reads no session, opens no
database connection and gets no `Vary: Cookie`.

Writing is idempotent (a hashed name is its content) and atomic (temp file, then
rename), so several workers starting at once can all build without harm.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

import rcssmin
import rjsmin
from flask import Flask
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

from .security import CONTENT_SECURITY_POLICY

HASH_LENGTH = 12
HASHED_NAME = re.compile(rf"\.[0-9a-f]{{{HASH_LENGTH}}}\.\w+$")
ONE_YEAR = 60 * 60 * 24 * 365
# Names without a hash (an old bookmark, a stray link) may change: cache them briefly.
UNHASHED_MAX_AGE = 300
COMPRESSIBLE = {".css", ".js", ".svg", ".md", ".txt", ".json", ".html"}


def minified(name: str, data: bytes) -> bytes:
    if name.endswith(".css"):
        return rcssmin.cssmin(data.decode()).encode()
    if name.endswith(".js") and not name.endswith(".min.js"):
        return rjsmin.jsmin(data.decode()).encode()
    return data


def hashed_name(name: str, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{digest}.{ext}" if dot else f"{name}.{digest}"


def _write(path: Path, data: bytes) -> None:
    """Write atomically, so another worker never serves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(temp, 0o644)
    os.replace(temp, path)


def _write_with_compressed(path: Path, data: bytes) -> None:
    _write(path, data)
    if path.suffix not in COMPRESSIBLE:
        return
    # WhiteNoise sends these when the client accepts them; skip what would not shrink.
    for suffix, packed in (
        (".br", Compressor.compress_brotli(data)),
        (".gz", Compressor.compress_gzip(data)),
    ):
        beside = path.with_name(path.name + suffix)
        if len(packed) < 0.95 * len(data):
            _write(beside, packed)
        else:  # never leave an older version's compressed copy beside a new file
            beside.unlink(missing_ok=True)


def build(source: Path, target: Path) -> dict[str, str]:
    """Build source into target; return {name: hashed name} for url_for."""
    manifest = {}
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(source).as_posix()
        data = minified(name, path.read_bytes())
        manifest[name] = hashed_name(name, data)
        for built in (target / manifest[name], target / name):
            # Compressing is the slow part: skip it when this content is already there.
            if not (built.exists() and built.read_bytes() == data):
                _write_with_compressed(built, data)
    return manifest


def _static_headers(headers, path: str, url: str) -> None:
    if HASHED_NAME.search(url):
        headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY


def init_app(app: Flask) -> None:
    if not app.config.get("STATIC_HASHED", True):
        return  # development: Flask serves webapp/static as it is, so edits show at once
    target = Path(app.config["STATIC_BUILD_DIR"])
    manifest = build(Path(app.static_folder), target)

    @app.url_defaults
    def hashed_static_url(endpoint: str, values: dict) -> None:
        if endpoint == "static" and values.get("filename") in manifest:
            values["filename"] = manifest[values["filename"]]

    app.wsgi_app = WhiteNoise(
        app.wsgi_app,
        root=str(target),
        prefix=app.static_url_path,
        max_age=UNHASHED_MAX_AGE,
        immutable_file_test=lambda path, url: bool(HASHED_NAME.search(url)),
        add_headers_function=_static_headers,
        allow_all_origins=False,  # only our own pages use these files
    )
