"""The API's orjson provider answers what Flask's default did: same values, schema order."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from flask import Flask

from api.fast_json import FastJSONProvider


def test_responses_keep_field_order_and_encode_what_flask_did() -> None:
    app = Flask(__name__)
    app.json = FastJSONProvider(app)
    body = {"z": 1, "a": "é", "when": dt.date(2026, 1, 2), "n": Decimal("1.5"), "list": [None]}
    with app.app_context():
        response = app.json.response(body)
        text = response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    assert list(json.loads(text)) == ["z", "a", "when", "n", "list"]
    assert json.loads(text) == {
        "z": 1,
        "a": "é",
        "when": "Fri, 02 Jan 2026 00:00:00 GMT",
        "n": "1.5",
        "list": [None],
    }
    assert app.json.loads(app.json.dumps(body)) == json.loads(text)
