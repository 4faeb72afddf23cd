"""Drafts of annotation files: a source's text in, a kb-annotation/1 draft out."""
