"""The actors resource."""
