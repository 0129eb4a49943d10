"""Calibration of the simulation to published England and Wales figures:
the figures (``published_figures.yml``), how each is measured on a
generated extract (:mod:`.measures`) and the report (:mod:`.report`)."""

from datafirst.generator.calibration.report import (
    Figure,
    Result,
    calibrate,
    format_report,
    load_figures,
    main,
)

__all__ = ["Figure", "Result", "calibrate", "format_report", "load_figures", "main"]
