"""/api/v1/stats: the public statistics of one quarter, exactly as /stats shows them."""

from __future__ import annotations

from flask import abort

from portal.api import schemas
from portal.api.blueprint import bp
from portal.api.views import errors
from portal.extensions import db
from portal.services.statistics import public


@bp.route("/stats")
@bp.arguments(schemas.StatsArgs, location="query")
@bp.response(200, schemas.StatsSchema)
@errors(400, 404, 429)
def stats(args):
    """Public statistics

    Messages from residents by town and topic, how fast they were answered, how people felt
    treated, and public activities by type, for one calendar quarter that has ended. Small counts
    are hidden (null) so that nobody can be recognised or worked out from the rest; a quarter's
    figures never change once published.
    """
    quarters = public.available()
    chosen = public.parse_quarter(args["quarter"]) if args.get("quarter") else quarters[0]
    if chosen not in quarters:
        abort(404, description="No statistics are published for this quarter: it has not ended, or it is older than "
                               "the quarters listed at /api/v1/stats.")
    document = public.document(chosen, public.release(chosen), public.names())
    db.session.commit()  # stored the first time anyone asks, then never changed
    return document | {"quarters": [public.quarter_id(q) for q in quarters]}
