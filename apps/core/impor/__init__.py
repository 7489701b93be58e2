"""The import framework: reading an uploaded spreadsheet (`berkas`, `xlsx`), the rows of an
import (`baris`) and the table of importers each app registers (`daftar`). Apps import the
names below, never a module's private ones.
"""

from .baris import (
    KOLOM_KODE_OPD,
    Baris,
    HasilImpor,
    Kolom,
    map_columns,
    mark_duplicates,
    normalise_header,
    read_cell,
    read_number,
    read_rows,
    read_text,
)
from .berkas import TabelUnggahan, read_potret, read_tabel, write_potret
from .daftar import Pengimpor, importer, register_importer, registered_kinds
from .xlsx import Rumus

__all__ = [
    "KOLOM_KODE_OPD",
    "Baris",
    "HasilImpor",
    "Kolom",
    "Pengimpor",
    "Rumus",
    "TabelUnggahan",
    "read_potret",
    "read_tabel",
    "importer",
    "map_columns",
    "mark_duplicates",
    "normalise_header",
    "read_cell",
    "read_number",
    "read_rows",
    "read_text",
    "register_importer",
    "registered_kinds",
    "write_potret",
]
