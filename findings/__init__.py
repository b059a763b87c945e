"""Shared pieces of `findings`: settings, errors and the plain data types every step passes on."""

__version__ = "0.1.0"
