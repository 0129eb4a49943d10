"""Data First warehouse: synthetic source extracts, linkage and evaluation tools."""

__version__ = "0.1.0"
