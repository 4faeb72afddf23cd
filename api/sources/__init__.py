"""The sources resource."""
