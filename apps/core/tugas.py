"""Starting a background job (Celery) from a request or a service, and giving up on one whose
worker died.

With CELERY_TASK_ALWAYS_EAGER (`make run`, the tests) the job runs at once, inside the
caller's transaction, so its result is there when the page is drawn. With a worker it is
sent only after the caller's transaction commits: the worker must see the rows the request
wrote (ATOMIC_REQUESTS), and a request that fails sends nothing.

A job writes its progress on its own row (status, rows or OPDs done), and every such write
sets the row's `diperbarui`. A worker killed mid-job (out of memory, a restart during a
deploy) writes nothing more, and its row would say "sedang ..." for ever. So a row in one of
its running states whose `diperbarui` is older than SAKIP_TUGAS_BATAS_MENIT is taken for
dead: `tugas_terhenti_fail` gives it the status its model names for that case, with a message
saying what happened, and the user can start again.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string

PESAN_TERHENTI = (
    "Pekerjaan terhenti: tidak ada kemajuan selama {menit} menit (pekerja latar "
    "mati atau dimulai ulang). Silakan ulangi."
)


def tugas_start(nama_task: str, *args) -> None:
    """Run a job by its Celery name (the dotted path of its task): at once when
    CELERY_TASK_ALWAYS_EAGER (make run, the tests), else after the transaction commits. By
    name, so a service that starts a job does not import the module of its job, which
    imports the service."""
    task = import_string(nama_task)
    if settings.CELERY_TASK_ALWAYS_EAGER:
        task.apply(args=args, throw=True)
    else:
        transaction.on_commit(lambda: task.delay(*args))


def tugas_terhenti_fail(qs: QuerySet, *, sekarang: datetime | None = None) -> int:
    """Mark the rows of `qs` whose job stopped making progress: a row in a running state (a
    key of its model's `TUGAS_TERHENTI`) not updated (`diperbarui`) for
    SAKIP_TUGAS_BATAS_MENIT minutes takes the status that maps to, with PESAN_TERHENTI in
    its `pesan`. Rows still progressing, or finished, are not touched. Returns how many rows
    were marked.

    A row locked by a live transaction is skipped (SKIP LOCKED, PostgreSQL): a job that holds
    its row (the budget import does, for its one transaction) is alive, whatever the age of
    its last visible write. SQLite locks the whole database for a writer: while one writes,
    nothing is marked."""
    model = qs.model
    sekarang = sekarang or timezone.now()
    menit = settings.SAKIP_TUGAS_BATAS_MENIT
    terhenti = model.TUGAS_TERHENTI
    try:
        ke = _tandai_terhenti(qs, terhenti, sekarang, menit)
    except OperationalError as e:
        if connection.vendor != "sqlite" or "locked" not in str(e):
            raise
        # SQLite locks the whole database, not a row: a job writing in its one transaction
        # (the budget import) holds it, so it is alive, and nothing can be marked now.
        return 0
    return sum(len(pks) for pks in ke.values())


def _tandai_terhenti(qs, terhenti, sekarang, menit) -> dict[str, list[int]]:
    model = qs.model
    with transaction.atomic():
        baris = (
            qs.filter(status__in=list(terhenti), diperbarui__lt=sekarang - timedelta(minutes=menit))
            .select_related(None)
            .order_by()
            .select_for_update(skip_locked=True)
            .values_list("pk", "status")
        )
        ke: dict[str, list[int]] = defaultdict(list)
        for pk, status in baris:
            ke[terhenti[status]].append(pk)
        for status, pks in ke.items():
            model.objects.filter(pk__in=pks).update(
                status=status, pesan=PESAN_TERHENTI.format(menit=menit), diperbarui=sekarang
            )
    return ke


def tugas_terhenti_fail_all(*, sekarang: datetime | None = None) -> dict[str, int]:
    """tugas_terhenti_fail on every model that declares `TUGAS_TERHENTI`: how many rows were
    marked, by the model's plural name (for the periodic job and `manage.py bersihkan_tugas`)."""
    return {
        str(model._meta.verbose_name_plural): tugas_terhenti_fail(
            model.objects.all(), sekarang=sekarang
        )
        for model in apps.get_models()
        if hasattr(model, "TUGAS_TERHENTI")
    }


@dataclass(frozen=True)
class Kemajuan:
    """How far a running job is, as its waiting page says it: the seconds since it was asked
    for, and how long the last finished jobs of its kind took from request to end (their
    median, over `contoh` of them), when there are any. A job that cannot count its own steps
    (one PDF rendered by WeasyPrint) is measured against its predecessors, never guessed."""

    detik: int
    perkiraan: int | None
    contoh: int

    @property
    def persen(self) -> int | None:
        """Share of the usual duration already spent, held at 95 % until the job says it is
        done (a job slower than usual must not read 100 % while it still runs)."""
        if not self.perkiraan:
            return None
        return min(95, round(100 * self.detik / self.perkiraan))

    @property
    def sisa(self) -> int | None:
        if not self.perkiraan:
            return None
        return max(self.perkiraan - self.detik, 0)


def kemajuan_tugas(obj, selesai: QuerySet, *, sekarang: datetime | None = None) -> Kemajuan:
    """The Kemajuan of the running job `obj` (a row with `dibuat`), against the finished rows
    `selesai` of its kind (their `diperbarui` is when they finished): the last 10 of them."""
    sekarang = sekarang or timezone.now()
    durasi = [
        (akhir - awal).total_seconds()
        for awal, akhir in selesai.order_by("-diperbarui").values_list("dibuat", "diperbarui")[:10]
    ]
    return Kemajuan(
        detik=max(round((sekarang - obj.dibuat).total_seconds()), 0),
        perkiraan=max(round(statistics.median(durasi)), 1) if durasi else None,
        contoh=len(durasi),
    )
