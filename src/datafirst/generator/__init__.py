"""Simulate a population, its journeys through the justice system, and the raw
extract each source system would hold about it (errors and all), keeping the
true identities aside.

The public surface is :func:`generate` and :class:`GeneratorConfig`.
"""

from datafirst.generator.config import PROFILES, ErrorProfile, GeneratorConfig
from datafirst.generator.run import generate

__all__ = ["PROFILES", "ErrorProfile", "GeneratorConfig", "generate"]
