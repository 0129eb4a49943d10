"""The variable list a researcher attaches to an application: one workbook
(XLSX), a sheet per dataset (and one for the linking tables and one for
access), a row per published variable with its table, type, description,
code list and completeness, and two columns for the researcher to fill in:
whether they request it, and why.

It is written from dbt's manifest (the published tables, their columns,
descriptions and code lists, chosen as the researchers' catalogue chooses
them) and the column profile of the build, so it says what the catalogue
says.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from datafirst.catalogue.researcher import (
    FIVE_SAFES,
    Figures,
    code_lists,
    dataset_access,
    published_models,
)

HEADER = (
    "table",
    "variable",
    "type",
    "description",
    "code list",
    "completeness",
    "completeness by year",
    "breaks in the series",
    "requested (yes/no)",
    "why it is needed",
)
WIDTHS = (24, 30, 12, 80, 22, 13, 60, 30, 18, 50)
_FILL = PatternFill("solid", fgColor="DDEBF7")


def _plain(text: str) -> str:
    """A description without its Markdown."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\s+", " ", text.replace("**", "").replace("`", "")).strip()


def variable_rows(manifest: dict, figures: Figures) -> dict[str, list[tuple]]:
    """Per dataset (the published tables' folder), one row per variable."""
    decoded_by = code_lists(manifest)
    sheets: dict[str, list[tuple]] = {}
    for uid, node in sorted(published_models(manifest).items(), key=lambda item: item[1]["name"]):
        rows = sheets.setdefault(Path(node["original_file_path"]).parent.name, [])
        for name, column in node["columns"].items():
            profile = figures.profile.get((node["name"], name), [])
            overall = next((r for r in profile if r["period"] == "all"), None)
            years = [r for r in profile if r["period"] not in ("all", "not_recorded")]
            rows.append(
                (
                    node["name"],
                    name,
                    column.get("data_type") or "",
                    _plain(column.get("description") or ""),
                    decoded_by.get((uid, name), ""),
                    overall["completeness"] if overall else None,
                    ", ".join(
                        f"{r['period']}: {100 * r['completeness']:.0f}%"
                        for r in years
                        if r["completeness"] is not None
                    ),
                    ", ".join(r["period"] for r in years if r["is_series_break"]),
                    "",
                    "",
                )
            )
    return sheets


def write_workbook(manifest: dict, figures: Figures, out: Path) -> Path:
    book = Workbook()
    about = book.active
    about.title = "access"
    about.append(("dataset", "coverage", "held at", "approved by", "linkage", "caveats"))
    for code, (access, linked_by) in dataset_access().items():
        about.append(
            (
                code,
                access.coverage,
                access.held_at,
                access.approved_by,
                linked_by,
                " ".join(access.caveats),
            )
        )
    about.append(())
    about.append(("The Five Safes",))
    for name, what in FIVE_SAFES:
        about.append((name, what))
    for cell in about[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEF", (18, 40, 40, 45, 40, 90), strict=True):
        about.column_dimensions[column].width = width

    for dataset, rows in variable_rows(manifest, figures).items():
        sheet = book.create_sheet(dataset[:31])
        sheet.append(HEADER)
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = _FILL
        for index, width in enumerate(WIDTHS):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        for cell in sheet["F"][1:]:
            cell.number_format = "0.0%"
        for cell in sheet["D"][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "C2"
        sheet.auto_filter.ref = sheet.dimensions
        choice = DataValidation(type="list", formula1='"yes,no"', allow_blank=True)
        sheet.add_data_validation(choice)
        choice.add(f"I2:I{len(rows) + 1}")
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out
