"""`bench/fleet`: a load generator for the ingest tier (see run.py)."""
