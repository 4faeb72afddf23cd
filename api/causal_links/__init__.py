"""The causal links resource."""
