"""What the planning page tests share (tests/perencanaan/test_permissions_perencanaan.py and
tests/perencanaan/test_input_salah_perencanaan.py): the Kecamatan's planning objects, the
forms of a page as a browser sends them (checkboxes, radio buttons and multiple choices
included), the messages of a request, and a snapshot of every planning table with its history
(to show a refused post changed nothing)."""

from django.contrib.messages import get_messages
from django.test import Client
from realisasi_uji import formulir

from apps.core.models import OPD, User
from apps.perencanaan import services
from apps.perencanaan.models import (
    IndikatorKinerja,
    PerjanjianKinerja,
    PKIndikator,
    PKProgram,
    ProgramSasaran,
    Renstra,
    Sasaran,
    TargetTahunan,
    Tujuan,
)

KEC = "Kecamatan Magetan"
ORG = "Bagian Organisasi Sekretariat Daerah Kabupaten Magetan"


def opd_organisasi() -> OPD:
    return OPD.objects.get(nama=ORG)


def user(username: str) -> User:
    return User.objects.get(username=username)


def renstra_kec(tahun_awal: int) -> Renstra:
    """The Kecamatan's Renstra 2018-2023 (2018) or 2024-2026 (2024)."""
    return Renstra.objects.get(opd__nama=KEC, tahun_awal=tahun_awal)


def pk_kec(tahun: int, versi: int = 0) -> PerjanjianKinerja:
    return PerjanjianKinerja.objects.get(opd__nama=KEC, tahun=tahun, versi=versi)


def draf_2026(**ubah) -> PerjanjianKinerja:
    """Perubahan 1 of the Kecamatan's PK 2026, a draft copied from the final induk (4 targets,
    no program, no date); `ubah` is written on it directly."""
    draf = services.pk_perubahan_create(
        pk=pk_kec(2026), alasan="strategi", keterangan="Refocusing anggaran."
    )
    if ubah:
        PerjanjianKinerja.objects.filter(pk=draf.pk).update(**ubah)
        draf.refresh_from_db()
    return draf


def draf_2023(**ubah) -> PerjanjianKinerja:
    """Perubahan 2 of the Kecamatan's PK 2023, a draft copied from the final perubahan 1
    (4 targets, 5 programs with their budgets, no date)."""
    draf = services.pk_perubahan_create(
        pk=pk_kec(2023, 1), alasan="prioritas", keterangan="Asumsi berubah."
    )
    if ubah:
        PerjanjianKinerja.objects.filter(pk=draf.pk).update(**ubah)
        draf.refresh_from_db()
    return draf


def indikator_lepas(renstra: Renstra, nama="Indikator uji tanpa PK") -> IndikatorKinerja:
    """A new indicator on the first sasaran of a Renstra that nothing depends on (it may be
    deleted)."""
    sasaran = (
        Sasaran.objects.filter(tujuan__renstra=renstra).order_by("tujuan__nomor", "nomor").first()
    )
    return services.indikator_create(sasaran=sasaran, nama=nama, satuan="%")


def indikator_renstra(renstra: Renstra) -> list[IndikatorKinerja]:
    return list(
        IndikatorKinerja.objects.filter(sasaran__tujuan__renstra=renstra).order_by(
            "sasaran__tujuan__nomor", "sasaran__nomor", "nomor"
        )
    )


# --- what a browser sends --------------------------------------------------------------------


def formulir_dari(url: str, form_id: str, username: str = "operator.kecamatan") -> dict:
    """Open `url` as `username` (in a client of its own) and read one of its forms."""
    c = Client()
    c.force_login(user(username))
    resp = c.get(url)
    assert resp.status_code == 200, url
    return formulir(resp.content.decode(), form_id)


def pesan(resp) -> list[str]:
    """The messages of the request that produced `resp` (after a redirect: of the last one)."""
    return [str(m) for m in get_messages(resp.wsgi_request)]


# --- nothing changed -------------------------------------------------------------------------

MODEL_POTRET = (
    PerjanjianKinerja,
    PKIndikator,
    PKProgram,
    Renstra,
    Tujuan,
    Sasaran,
    IndikatorKinerja,
    TargetTahunan,
    ProgramSasaran,
)


def _isi(model) -> list[tuple]:
    kolom = [f.attname for f in model._meta.concrete_fields]
    return list(model.objects.order_by("pk").values_list(*kolom))


def potret() -> dict:
    """Every row and every value of the planning tables a post could change, and of their
    history tables (ProgramSasaran has none)."""
    hasil = {}
    for model in MODEL_POTRET:
        hasil[model._meta.label] = _isi(model)
        if hasattr(model, "history"):
            hasil[f"{model._meta.label} (riwayat)"] = _isi(model.history.model)
    return hasil
