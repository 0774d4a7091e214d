"""The yardstick: the smallest WSGI app, served by the same gunicorn, to compare portal against."""

BODY = b"<!doctype html><html lang=en><title>bare</title><h1>bare</h1></html>"


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))])
    return [BODY]

