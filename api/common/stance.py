"""The stance fields every appearance of a claim carries, in one schema (docs/model.md)."""

from __future__ import annotations

from marshmallow import Schema, fields

STANCE_DESCRIPTION = (
    "How the source stands to the claim: `asserts`, `presupposes` (commit it), `rejects` "
    "(commits it to the negation) or `reports` (commits only the `speaker`)."
)


class StanceSchema(Schema):
    """`stance` and, for `reports`, the speaker, the speaker's own stance and the words."""

    stance = fields.String(metadata={"description": STANCE_DESCRIPTION})
    speaker = fields.String(
        allow_none=True, metadata={"description": "`reports`: the actor id of the speaker."}
    )
    speaker_stance = fields.String(
        allow_none=True, metadata={"description": "`reports`: `asserts` or `rejects`."}
    )
    reporting = fields.String(
        allow_none=True, metadata={"description": '`reports`: the reporting words ("said").'}
    )
