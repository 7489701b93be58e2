"""History records of many rows at once, written by the database.

simple-history's bulk_create_with_history builds one Python history object per row and
inserts it through the ORM: for a 10.000-row import that costs more than the import's own
rows. `catat_riwayat` writes the same records (the tracked model's columns, history_date,
history_type, history_user; history_change_reason left empty) with one
INSERT ... SELECT (on PostgreSQL one for all rows, the keys passed as one array), copying
the rows as they now are in the table. Used
after a bulk write whose rows are known by primary key; the result is what simple-history
itself would have recorded, and the history pages read it the same way.
"""

from django.db import connection
from django.utils import timezone

POTONG = 1000


def catat_riwayat(model, pks: list, *, history_type: str, user=None) -> None:
    """Record the current state of `model` rows `pks` in its simple-history table, as
    created ("+") or changed ("~"), by `user` (may be None), now."""
    if not pks:
        return
    riwayat = model.history.model
    kolom_model = {f.column for f in model._meta.concrete_fields}
    q = connection.ops.quote_name
    tujuan = [f.column for f in riwayat._meta.concrete_fields
              if f.column in kolom_model]
    sumber = [q(k) for k in tujuan]
    tujuan = [q(k) for k in tujuan] + [q("history_date"), q("history_type"),
                                       q("history_user_id"), q("history_change_reason")]
    sumber += ["%s", "%s", "%s", "NULL"]
    sekarang = connection.ops.adapt_datetimefield_value(timezone.now())
    sql = (f"INSERT INTO {q(riwayat._meta.db_table)} ({', '.join(tujuan)}) "
           f"SELECT {', '.join(sumber)} FROM {q(model._meta.db_table)} "
           f"WHERE {q(model._meta.pk.column)} ")
    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            # One array parameter: a thousand placeholders cost psycopg more to parse
            # than the database takes to copy the rows.
            c.execute(sql + "= ANY(%s)", [sekarang, history_type, getattr(user, "pk", None),
                                          list(pks)])
            return
        for i in range(0, len(pks), POTONG):
            potong = pks[i:i + POTONG]
            c.execute(sql + f"IN ({', '.join(['%s'] * len(potong))})",
                      [sekarang, history_type, getattr(user, "pk", None), *potong])
