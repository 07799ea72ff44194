"""Whole pages kept for visitors who are not signed in: home, help, the story list.

Most requests for the common pages come from people with no session at all, and each
of them gets exactly the same bytes as the last one who asked the same way. Those
bytes (headers and compressed body included) are kept per process and served again
without running Flask, until anything they could depend on changes:

- what was asked: the method, path and query, host and scheme, every cookie (a
  visitor's language, easy read and display settings are cookies), Accept-Language,
  Accept-Encoding and every htmx header. These make the key.
- the data: any commit to the database, by any process (`database.data_generation()`),
  and the date, since stories expire by date. Either one changing empties the cache,
  so a withdrawn, expired or new story is seen by the very next visitor.
- the content files a page was read from (an operator's edit shows at once): each
  kept page remembers the files and their times, and checks them when served.

Only a view marked `@shared_page` is kept, and only when the request came with no
session cookie, the view answered 200 and left nothing in the session but, at most, a
CSRF token. A visitor whose session holds only a CSRF token (they once opened a form)
is served kept pages too, keyed by their other cookies. Anyone else with a session (a
signed-in member, a flash message, a story code, a draft) always gets a page made afresh.

A page with no form is kept as sent and served without Flask, if it set no cookie.

A visitor's page with a form (a conversation's first turn) is the same for everyone but
for its CSRF token: it is kept with the token left out, before compression, and served
without Flask too, with a token and session of the visitor's own (webapp/kept_form_page.py).
It is kept only once two renders gave the same words apart from the token: a form that
held anything else made per request (a one-time key) is never kept.
Kept pages live in memory only, never on disk. A POST that changed the data lets go
of them in its own process as it ends (a withdrawn story's words are not kept waiting
for the next visitor); other processes let go at their next request.
With `PAGE_CACHE = False` (environment: PAGE_CACHE=0) nothing is kept.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TypeVar

from flask import Flask, Response, current_app, g, has_request_context, request, session
from itsdangerous import BadSignature

from .database import data_generation, release_connection
from .kept_form_page import TOKEN_LEFT_OUT, FormPage, TokenMaker

View = TypeVar("View", bound=Callable)

# In the WSGI environ: the key and generation (for Flask's side), and whether it may keep it.
KEY = "common_ground.page_cache.key"
STORABLE = "common_ground.page_cache.storable"
FORM_PAGE = "common_ground.page_cache.form_page"  # its words with the token left out
NO_SESSION = ""  # the held token of a visitor with no session cookie
CONTENT_READ = "content_read"  # on g: the content files this request read, with their times
MAX_ENTRIES = 1000
MAX_BYTES = 32 * 1024 * 1024  # per process: a few hundred pages in each variant and language
# Request parts every kept page is keyed by, besides the cookies and htmx headers (HTTP_HX_*).
KEY_PARTS = (
    "PATH_INFO",
    "QUERY_STRING",
    "SCRIPT_NAME",
    "HTTP_HOST",
    "wsgi.url_scheme",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_ACCEPT_ENCODING",
)


def shared_page(view: View) -> View:
    """Mark a view whose page, for a visitor with no session, is the same for all of them.
    Its before-request hooks must change nothing for such a visitor: a kept page is
    served without them."""
    view.shared_page = True  # type: ignore[attr-defined]
    return view


def note_content_read(path: os.PathLike, mtime: float | None) -> None:
    """A content file this page was made from (None: looked for and not there)."""
    if has_request_context():
        g.setdefault(CONTENT_READ, []).append((path, mtime))


def _mtime(path: os.PathLike) -> float | None:
    try:
        return os.stat(path).st_mtime
    except FileNotFoundError:
        return None


def still_current(files: tuple) -> bool:
    return all(_mtime(path) == mtime for path, mtime in files)


class Kept:
    __slots__ = ("status", "headers", "body", "files")

    def __init__(self, status: str, headers: list, body: bytes, files: tuple) -> None:
        self.status, self.body, self.files = status, body, files
        self.headers = [(k, v) for k, v in headers if k.lower() != "date"]  # gunicorn's is new


class PageCache:
    """WSGI middleware in front of Flask (inside ProxyFix, so the host is the real one)."""

    def __init__(self, app: Flask, wsgi_app: Callable) -> None:
        self.app, self.wsgi_app = app, wsgi_app
        self.session_cookie = app.config["SESSION_COOKIE_NAME"] + "="
        self.pages: OrderedDict[tuple, Kept | FormPage] = OrderedDict()
        self.first_renders: dict[tuple, bytes] = {}  # form pages seen once, not yet kept
        self.found = 0  # how often a kept page was found: for tests and curious operators
        self.size = 0
        self.generation: tuple | None = None
        self.lock = threading.Lock()
        self.tokens: TokenMaker | None = None  # made at the first request: keys are set by then

    def key(self, environ: dict) -> tuple[tuple, str] | None:
        """What the page is kept under, with the raw CSRF token the visitor's session holds
        (NO_SESSION when they have none); None when nothing may be kept for them."""
        if environ["REQUEST_METHOD"] != "GET":
            return None
        cookies = environ.get("HTTP_COOKIE", "")
        held = NO_SESSION
        if self.session_cookie in cookies:
            token_only = self.without_token_only_session(cookies)
            if token_only is None:
                return None
            cookies, held = token_only
        asked = tuple(environ.get(part) for part in KEY_PARTS)
        hx = tuple(sorted(kv for kv in environ.items() if kv[0].startswith("HTTP_HX_")))
        return (*asked, cookies, *hx), held

    def without_token_only_session(self, cookies: str) -> tuple[str, str] | None:
        """The other cookies and the token, when the session holds nothing but a CSRF token
        (a visitor who once opened a form): such a session changes no page without a
        form, and a form page signs the session's own token. Any other session: None."""
        parts = [part.strip() for part in cookies.split(";") if part.strip()]
        ours = [part for part in parts if part.startswith(self.session_cookie)]
        if len(ours) != 1:
            return None
        signer = self.app.session_interface.get_signing_serializer(self.app)
        lifetime = int(self.app.permanent_session_lifetime.total_seconds())
        try:
            held = signer.loads(ours[0].removeprefix(self.session_cookie), max_age=lifetime)
        except BadSignature:
            return None
        if not isinstance(held, dict) or set(held) != {"csrf_token"}:
            return None
        if not isinstance(held["csrf_token"], str) or not held["csrf_token"]:
            return None
        return "; ".join(part for part in parts if part != ours[0]), held["csrf_token"]

    def now(self) -> tuple:
        """What every kept page was made under: the database's state and the date."""
        return (data_generation(), dt.date.today())

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        asked = self.key(environ)
        if asked is None:
            result = self.wsgi_app(environ, start_response)
            if environ["REQUEST_METHOD"] == "POST":
                # It may have written (a withdrawal): let go of what it changed at once,
                # not at the next visitor's request. Other processes let go at theirs.
                self.get(None, self.now())
                release_connection()
            return result
        key, held = asked
        generation = self.now()
        kept = self.get(key, generation)
        if kept is not None:
            release_connection()  # PostgreSQL: the check's connection goes back to its pool
            if isinstance(kept, FormPage):
                if self.tokens is None:
                    self.tokens = TokenMaker(self.app)
                return self.tokens.serve(kept, held or None, start_response)
            start_response(kept.status, kept.headers)
            return [kept.body]
        environ[KEY] = (key, generation)
        return self.make(key, generation, environ, start_response)

    def get(self, key: tuple | None, generation: tuple):
        with self.lock:
            if generation != self.generation:
                self.pages.clear()
                self.first_renders.clear()
                self.size = 0
                self.generation = generation
            kept = self.pages.get(key)
            if kept is not None:
                self.pages.move_to_end(key)
                self.found += 1
        return kept if kept is not None and still_current(kept.files) else None

    def make(self, key: tuple, generation: tuple, environ: dict, start_response: Callable):
        answer: list = []

        def remember(status, headers, exc_info=None):
            answer[:] = [status, headers]
            return start_response(status, headers, exc_info)

        result = self.wsgi_app(environ, remember)
        files = environ.pop(STORABLE, None)
        form = environ.pop(FORM_PAGE, None)
        if not answer:
            return result
        status, headers = answer
        if form is not None:
            page = FormPage.from_response(self.app, environ, status, headers, form)
            if page is not None:
                self.keep_form_page(key, generation, page)
            return result
        if files is None or any(name.lower() == "set-cookie" for name, _ in headers):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        self.keep(key, generation, Kept(status, list(headers), body, tuple(files)))
        return [body]

    def keep_form_page(self, key: tuple, generation: tuple, page: FormPage) -> None:
        """Kept on the second render that gives the same words (the token left out)."""
        with self.lock:
            first = self.first_renders.pop(key, None)
            if first != page.body:
                if len(self.first_renders) < MAX_ENTRIES:
                    self.first_renders[key] = page.body
                return
        self.keep(key, generation, page)

    def keep(self, key: tuple, generation: tuple, kept: Kept | FormPage) -> None:
        with self.lock:
            if generation != self.generation:  # the data changed while it was made
                return
            old = self.pages.pop(key, None)
            self.size += len(kept.body) - (len(old.body) if old else 0)
            self.pages[key] = kept
            while self.pages and (len(self.pages) > MAX_ENTRIES or self.size > MAX_BYTES):
                _, dropped = self.pages.popitem(last=False)
                self.size -= len(dropped.body)


def mark_storable(response: Response) -> Response:
    """After the view: may everyone who asks the same way get this response?"""
    view = current_app.view_functions.get(request.endpoint or "")
    asked = request.environ.get(KEY)
    if (
        asked is None
        or not getattr(view, "shared_page", False)
        or response.status_code != 200
        or response.is_streamed
        or g.get("member") is not None
    ):
        return response
    files = tuple(g.get(CONTENT_READ, ()))
    token = g.get("csrf_token")
    if not token and not session:
        request.environ[STORABLE] = files  # kept whole by PageCache.make, if it sets no cookie
    elif token and set(session) == {"csrf_token"}:
        words = response.get_data(as_text=True)
        if token in words:  # kept by PageCache.make, with the headers the other hooks add
            request.environ[FORM_PAGE] = (words.replace(token, TOKEN_LEFT_OUT), files, len(token))
    return response


def init_app(app: Flask) -> None:
    """Call before ProxyFix wraps the app, so that the key sees the real host and scheme."""
    url = str(app.config["DATABASE_URL"])
    watchable = url.startswith(("sqlite:///", "postgres")) and ":memory:" not in url
    if not app.config.get("PAGE_CACHE", True) or not watchable:
        return
    app.wsgi_app = app.extensions["page_cache"] = PageCache(app, app.wsgi_app)


def init_hooks(app: Flask) -> None:
    """Call last: the response is marked before any other after-request hook (compression
    and headers) runs."""
    if "page_cache" in app.extensions:
        app.after_request(mark_storable)
