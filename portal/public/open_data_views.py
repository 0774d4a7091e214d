"""/open-data: what the portal publishes as files, under which licence, and what each column
means; and the files themselves, /open-data/<dataset>.csv and .json, for every dataset listed in
`portal.services.catalogue.open_data.DATASETS`. Public and read-only; the files hold published
content only."""

from __future__ import annotations

import json

from flask import Response, abort, render_template, url_for

from portal.extensions import db
from portal.public.blueprint import bp
from portal.services.catalogue import open_data


def _dataset_or_404(key: str) -> open_data.Dataset:
    found = open_data.dataset(key)
    if found is None:
        abort(404)
    return found


def _download(body: str, mimetype: str, filename: str, licence_url: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Link"] = f'<{url_for("public.open_data")}>; rel="describedby", <{licence_url}>; rel="license"'
    return response


@bp.route("/open-data", endpoint="open_data")
def open_data_page():
    return render_template("public/published_open_data.html", datasets=open_data.DATASETS)


@bp.route("/open-data/<key>.csv")
def open_data_csv(key: str):
    dataset = _dataset_or_404(key)
    body = dataset.build_csv()
    db.session.commit()  # a quarter's public figures are stored the first time anyone asks
    return _download(body, "text/csv", f"{dataset.key}.csv", dataset.licence_url)


@bp.route("/open-data/<key>.json")
def open_data_json(key: str):
    dataset = _dataset_or_404(key)
    document = dataset.build_json(url_for("public.open_data", _external=True))
    db.session.commit()
    return _download(json.dumps(document, ensure_ascii=False, indent=1), "application/json", f"{dataset.key}.json",
                     dataset.licence_url)
