"""Reading an exported xlsx as a user's spreadsheet shows it: the header is the row frozen
at the top (a report has a title row above it), the rows follow."""

import io

from openpyxl import load_workbook


def kepala_dan_baris(isi: bytes) -> tuple[list, list[tuple]]:
    ws = load_workbook(io.BytesIO(isi)).active
    semua = list(ws.iter_rows(values_only=True))
    kepala = int(ws.freeze_panes[1:]) - 1 if ws.freeze_panes else 1  # "A4" -> row 3
    return list(semua[kepala - 1]), semua[kepala:]


def baris_xlsx(isi: bytes) -> list[dict]:
    """The rows of the first sheet as {header: value}."""
    kepala, baris = kepala_dan_baris(isi)
    return [dict(zip(kepala, b, strict=True)) for b in baris]
