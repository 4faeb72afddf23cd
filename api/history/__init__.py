"""The history resource: every evidence and slot event on a claim or causal link."""
