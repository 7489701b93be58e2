"""Stored files that follow their rows: a write that stores a file before saving its row
removes the file when the save fails, and a row that is dropped takes its file along only
once that has committed (a rollback keeps both). One place for what the LKjIP's final file,
the final LHE and every evidence file do."""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def hapus_bila_gagal(berkas: list):
    """Around the save of rows whose files are already stored: when the block raises, every
    FieldFile of `berkas` (a list the block may extend as it stores more) is removed from
    storage, then the error goes on."""
    try:
        yield berkas
    except Exception:
        for f in berkas:
            if f:
                f.storage.delete(f.name)
        raise


def hapus_setelah_commit(storage, nama: str) -> None:
    """Remove a stored file once the current transaction commits (its row was dropped or
    now points to another file)."""
    if nama:
        transaction.on_commit(lambda: storage.delete(nama))
