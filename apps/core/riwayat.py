"""History records: which action wrote them, and many rows at once, written by the database.

Every history record a service writes names its action in `history_change_reason`, one of
AKSI (namespaced, `realisasi.ajukan`): a save and a submit both change the row ("~"), the
action tells them apart on the history pages. `dengan_aksi(obj, kode)` marks an object
before its save() (simple-history reads `_change_reason`); `record_riwayat(..., aksi=kode)`
writes the records of a bulk write.

simple-history's bulk_create_with_history builds one Python history object per row and
inserts it through the ORM: for a 10.000-row import that costs more than the import's own
rows. `record_riwayat` writes the same records (the tracked model's columns, history_date,
history_type, history_user, history_change_reason) with one
INSERT ... SELECT (on PostgreSQL one for all rows, the keys passed as one array), copying
the rows as they now are in the table. Used
after a bulk write whose rows are known by primary key; the result is what simple-history
itself would have recorded, and the history pages read it the same way.
"""

from django.db import connection
from django.utils import timezone

POTONG = 1000

AKSI = {
    "realisasi.simpan": "Disimpan",
    "realisasi.ajukan": "Diajukan untuk diverifikasi",
    "realisasi.tarik": "Pengajuan ditarik kembali",
    "realisasi.verifikasi": "Diverifikasi",
    "realisasi.kembalikan": "Dikembalikan untuk diperbaiki",
    "realisasi.buka_kembali": "Dibuka kembali",
    "anggaran.simpan": "Realisasi anggaran disimpan",
    "anggaran.impor": "Diimpor dari berkas",
    "anggaran.indikator": "Realisasi indikator DPA disimpan",
    "perencanaan.impor": "Diimpor dari berkas",
    "pk.finalkan": "PK difinalkan",
    "lkjip.finalkan": "LKjIP difinalkan",
    "lkjip.verifikasi": "LKjIP ditandai diverifikasi",
    "evaluasi.mulai": "Evaluasi AKIP dimulai",
    "evaluasi.ajukan": "Evaluasi AKIP diajukan ke ketua tim",
    "evaluasi.setujui": "Evaluasi AKIP disetujui ketua tim",
    "evaluasi.kembalikan": "Evaluasi AKIP dikembalikan ketua tim",
}


def _periksa(kode: str) -> str:
    if kode not in AKSI:
        raise ValueError(f"Aksi riwayat tidak dikenal: {kode!r} (apps.core.riwayat.AKSI)")
    return kode


def dengan_aksi(obj, kode: str):
    """Mark `obj` so that the history record of its next save() names the action."""
    obj._change_reason = _periksa(kode)
    return obj


def label_aksi(kode: str | None) -> str | None:
    """The Indonesian label of a recorded action; None for a record without one (written
    before actions were recorded, or by the admin)."""
    return AKSI.get(kode or "")


def record_riwayat(model, pks: list, *, history_type: str, aksi: str, user=None) -> None:
    """Record the current state of `model` rows `pks` in its simple-history table, as
    created ("+") or changed ("~") by the action `aksi` (AKSI), by `user` (may be None),
    now."""
    _periksa(aksi)
    if not pks:
        return
    riwayat = model.history.model
    kolom_model = {f.column for f in model._meta.concrete_fields}
    q = connection.ops.quote_name
    tujuan = [f.column for f in riwayat._meta.concrete_fields if f.column in kolom_model]
    sumber = [q(k) for k in tujuan]
    tujuan = [q(k) for k in tujuan] + [
        q("history_date"),
        q("history_type"),
        q("history_user_id"),
        q("history_change_reason"),
    ]
    sumber += ["%s", "%s", "%s", "%s"]
    sekarang = connection.ops.adapt_datetimefield_value(timezone.now())
    sql = (
        f"INSERT INTO {q(riwayat._meta.db_table)} ({', '.join(tujuan)}) "
        f"SELECT {', '.join(sumber)} FROM {q(model._meta.db_table)} "
        f"WHERE {q(model._meta.pk.column)} "
    )
    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            # One array parameter: a thousand placeholders cost psycopg more to parse
            # than the database takes to copy the rows.
            c.execute(
                sql + "= ANY(%s)",
                [sekarang, history_type, getattr(user, "pk", None), aksi, list(pks)],
            )
            return
        for i in range(0, len(pks), POTONG):
            potong = pks[i : i + POTONG]
            c.execute(
                sql + f"IN ({', '.join(['%s'] * len(potong))})",
                [sekarang, history_type, getattr(user, "pk", None), aksi, *potong],
            )


def bulk_update_riwayat(objs: list, fields: list[str], *, aksi: str, user=None) -> None:
    """`bulk_update` of `objs` (one model) and the history record of each, as changed ("~")
    by the action `aksi`."""
    if not objs:
        return
    model = type(objs[0])
    model.objects.bulk_update(objs, fields, batch_size=POTONG)
    record_riwayat(model, [o.pk for o in objs], history_type="~", user=user, aksi=aksi)
