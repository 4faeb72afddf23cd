"""Flask's JSON through orjson: serialisation was the largest share of the API's own
time per request (docs/benchmarks/http-ceiling.md). Keys keep the schemas' order, as
before; what orjson cannot encode natively (Decimal, Neo4j's temporal types) goes
through Flask's default conversion."""

from __future__ import annotations

from typing import Any

import orjson
from flask.json.provider import DefaultJSONProvider

# Dates as Flask wrote them (its default), not orjson's ISO form: the same answers as before.
OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME


class FastJSONProvider(DefaultJSONProvider):
    """`DefaultJSONProvider` with orjson's `dumps` (and `loads`); never sorts keys."""

    sort_keys = False

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        if kwargs:  # indent, sort_keys, ...: what orjson does not offer
            return super().dumps(obj, **kwargs)
        return orjson.dumps(obj, default=_fallback, option=OPTIONS).decode()

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return orjson.loads(s) if not kwargs else super().loads(s, **kwargs)

    def response(self, *args: Any, **kwargs: Any) -> Any:
        obj = self._prepare_response_obj(args, kwargs)
        body = orjson.dumps(obj, default=_fallback, option=OPTIONS) + b"\n"
        app: Any = self._app  # a Flask app: its response class takes a body
        return app.response_class(body, mimetype=self.mimetype)


def _fallback(value: Any) -> Any:
    return DefaultJSONProvider.default(value)
