"""QR codes for posters, drawn on the server as SVG (segno): sharp at any print size, no script,
no style attribute, nothing loaded from elsewhere."""

from __future__ import annotations

import io


def qr_svg(data: str, title: str = "") -> bytes:
    """An SVG QR code for `data` (a web address). Error correction 'M' at least (segno raises it
    when that costs no size), so a folded or slightly dirty poster still scans. The SVG has a
    viewBox and no fixed size: the page decides how big it prints."""
    import segno  # only an officer printing a poster needs it, not every worker

    code = segno.make_qr(data, error="m")
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, border=4, xmldecl=False, omitsize=True, dark="#000000", light="#ffffff",
              title=title or None, svgclass="qr", lineclass=None)
    return out.getvalue()


def public_link(path: str, *, public_url: str | None, host_url: str, script_root: str = "") -> str:
    """The full address residents open for `path` (as url_for builds it, script root included).

    `public_url` (the PUBLIC_URL setting: the portal's home page as the public reaches it, e.g.
    https://portal.example.org) wins over `host_url`, the address this request came in on: a
    forged Host header must never end up on a printed poster, a QR code or a calendar feed."""
    if public_url:
        if script_root and path.startswith(script_root):
            path = path[len(script_root):]
        return public_url.rstrip("/") + path
    return host_url.rstrip("/") + path
