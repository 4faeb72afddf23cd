"""Route defaults that tell a view whether its `<target_id>` is a claim or a causal link."""

from __future__ import annotations

from kb.models import TargetKind

CLAIM: dict[str, TargetKind] = {"kind": "claim"}
CAUSAL_LINK: dict[str, TargetKind] = {"kind": "causal_link"}
