"""Response headers for every console page: no inline script (CSP), no framing, no
sniffing, and no caching of pages that show tenants' details."""
from __future__ import annotations

from admin import bp

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Charts are standalone SVG documents with their own <style>; they may carry no script.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"


@bp.after_request
def security_headers(response):
    svg = response.mimetype == "image/svg+xml"
    response.headers.setdefault("Content-Security-Policy", SVG_CSP if svg else CSP)
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    if response.mimetype in ("text/html", "application/json") or response.headers.get("Content-Disposition"):
        response.headers["Cache-Control"] = "no-store"
    return response
