"""Pieces every resource uses: problem documents and pagination."""
