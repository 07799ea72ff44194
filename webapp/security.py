"""Security headers on every response."""

from __future__ import annotations

from flask import Flask, Response, request

# No inline script or style anywhere, so the policy needs no 'unsafe-inline'.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ]
)

PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "interest-cohort=(), browsing-topics=()"
)


EVERY_RESPONSE = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", PERMISSIONS_POLICY),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    add = headers.add if "Content-Security-Policy" not in headers else headers.set
    for name, value in EVERY_RESPONSE:  # only this hook sets them: add, without a search each
        add(name, value)
    if request.endpoint != "static":
        # Pages may hold what someone typed: keep them out of every cache.
        headers["Cache-Control"] = "no-store"
        # One merged Vary header: Flask's session and Flask-Compress each rewrite the first
        # Vary header they find, so a second one would be lost.
        response.vary.update(("HX-Request", "Cookie"))
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
