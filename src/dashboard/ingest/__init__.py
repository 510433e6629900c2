"""Ingest: one module per source, each turning a raw file or response into tidy tables."""
