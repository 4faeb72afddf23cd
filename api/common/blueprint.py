"""The blueprint every resource uses: flask-smorest's, with strict query arguments.

webargs ignores unknown query parameters by default, so a typo such as
`?stauts=refuted` would silently return every claim. With `unknown=None` the
parser defers to each schema's own `unknown = RAISE` (`StrictSchema`), and an
unknown parameter is a 422 that names it.
"""

from __future__ import annotations

import flask_smorest
from webargs.flaskparser import FlaskParser


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = FlaskParser(unknown=None)
