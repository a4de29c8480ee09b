"""Reads a workbook the way a non-recalculating reader does (openpyxl, data_only=True) and prints, as JSON,
every score sheet's total per product (found by the hidden anchors in column A) and chosen cells."""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = {"totals": {}, "cells": {}}
for ws in wb.worksheets:
    if ws.title.startswith("Phiếu "):
        codes = {}
        sheet = {}
        for row in ws.iter_rows():
            anchor = row[0].value
            if anchor == "#cols":
                codes = {c.column: c.value for c in row[4:] if c.value is not None}
            elif anchor == "#total":
                for c in row[4:]:
                    if c.column in codes:
                        sheet[codes[c.column]] = c.value
        out["totals"][ws.title] = sheet
for spec in sys.argv[2:]:
    name, ref = spec.rsplit("!", 1)
    out["cells"][spec] = wb[name][ref].value if name in wb.sheetnames else None
print(json.dumps(out, ensure_ascii=False))
