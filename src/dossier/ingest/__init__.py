"""Stage 1, ingest: find the input, read it safely, and hand on every captured original."""

from .files import InputFile, Inputs, find_inputs, read_input

__all__ = ["InputFile", "Inputs", "find_inputs", "read_input"]
