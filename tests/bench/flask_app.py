"""The same page as `bare_app` from the smallest Flask app: what the framework itself costs a
request, the floor under every page of portal (which adds sessions, CSRF, rate limits, headers and a
database on top)."""

from bare_app import BODY
from flask import Flask

app = Flask("hello")


@app.get("/")
def index():
    return BODY, 200, {"Content-Type": "text/html; charset=utf-8"}
