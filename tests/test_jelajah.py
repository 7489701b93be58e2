"""Every page works for every role on every year of data: the crawler and the form fuzzer
(tests/jelajah.py) walk the product as its users do and submit every form they meet.

One walk per role, from the home page (anonymous; operator and pimpinan of each demo OPD;
verifikator; inspektorat; admin), on the demo data plus one synthetic OPD whose every name and
text is hostile (formulas, markup, control characters, very long), with the states a user meets
during a year: an LKjIP not started, draft, final, verified, and a draft revision beside its
archived final; a PK in force and its draft perubahan; an evidence file; a checked import; a
package of final reports. The walks and the submissions run in one test, in a transaction
rolled back at the end, which lists every problem found at once; the figures are printed at the
end of the run (conftest.py, pytest_terminal_summary).

What no link reaches is listed once, with its reason, in TANPA_TAUTAN (and, for the admin's
own pages, by the rule of alasan_admin).
"""

import datetime
import gc
import hashlib
import json
import os
import shutil
import time
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import TAHUN, TW, _jendela_tw
from django.conf import settings
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.template import Template
from django.test import Client, override_settings
from django.test import utils as test_utils
from django.urls import reverse
from django.utils import timezone
from jelajah import (
    NILAI,
    IzinTahun,
    bentuk_formulir,
    jelajahi,
    kirim,
    nama_pola,
    potret_aplikasi,
    semua_pola,
)
from lembar_bermusuhan import berkas_bermusuhan
from lkjip_uji import gambar, jadikan_final, siap_final
from pdf_uji import PDF, pdf_javascript

from apps.anggaran import resources
from apps.anggaran import services as anggaran_services
from apps.anggaran.models import DPA, Impor, RealisasiAnggaran, RincianDPA, SubKegiatan
from apps.core import pdf as core_pdf
from apps.core.ekspor import csv_dari
from apps.core.models import OPD, Pejabat, User
from apps.core.roles import Peran
from apps.laporan import services as laporan_services
from apps.laporan.demo.loader import load_synthetic
from apps.laporan.models import AnalisisSasaran, LaporanKinerja, PaketLKjIP
from apps.laporan.paket import paket_create
from apps.pengukuran import services as pengukuran_services
from apps.pengukuran.berkas import check_bukti
from apps.pengukuran.models import JadwalPengisian, Realisasi
from apps.perencanaan import services as perencanaan_services
from apps.perencanaan.models import IndikatorKinerja, PerjanjianKinerja, Sasaran
from apps.perencanaan.selectors import pk_berlaku, unsur_pk_jenjang

pytestmark = pytest.mark.django_db

KEC, ORG, SETDA = "7.01.01", "4.01.01.06", "4.01.01"
PERAN = [
    "anonim",
    "operator.kecamatan",
    "pimpinan.kecamatan",
    "operator.organisasi",
    "pimpinan.organisasi",
    "operator.setda",
    "pimpinan.setda",
    "verifikator",
    "inspektorat",
    "admin",
]
# Users the walk needs beside the demo's: every demo OPD has an operator and a pimpinan.
PENGGUNA_TAMBAHAN = {
    "pimpinan.organisasi": (Peran.PIMPINAN, ORG),
    "operator.setda": (Peran.OPERATOR, SETDA),
    "pimpinan.setda": (Peran.PIMPINAN, SETDA),
}
# No page may take more SQL queries than this, whatever the data: a page that loops over rows
# with a query each grows past it as the data grows.
KUERI_MAKS = 80

# Patterns no link leads to, and why. Everything else must be reached by some role.
TANPA_TAUTAN = {
    "core:sehat": "pemeriksaan kesehatan untuk orkestrator kontainer (docker compose), "
    "bukan halaman pengguna",
    "pengukuran:pratinjau": "JSON yang diminta skrip halaman pengisian saat mengetik",
    "laporan:lkjip_pratinjau": "JSON (POST) yang diminta skrip halaman LKjIP saat mengetik",
    "laporan:lkjip_draf": "halaman tunggu draf PDF, hanya selama pekerja latar menyusunnya; "
    "tanpa pekerja (uji, make run) PDF langsung dikirim",
    "laporan:lkjip_finalisasi": "halaman tunggu finalisasi LKjIP, hanya selama pekerja latar "
    "menyusun PDF final (ditautkan dari halaman LKjIP selama itu); tanpa pekerja (uji, make run) "
    "finalisasi selesai dalam permintaannya",
    "admin:login": "login admin Django; pengguna masuk lewat /masuk/ (LOGIN_URL)",
    "admin:jsi18n": "skrip terjemahan yang dimuat halaman admin, bukan tautan",
    "admin:autocomplete": "JSON pencarian yang diminta skrip admin",
    "admin:password_change_done": "hanya sesudah kata sandi berhasil diganti",
}


def alasan_admin(pola: str) -> str | None:
    """Why an admin page of a model is out of reach, from the ModelAdmins themselves: the add,
    delete or change pages of a model that no role may add, delete or change (read-only in the
    admin, or at most one row, like Pemda), and the page of one past version (reached from the
    history of an object that has one)."""
    nama = pola.removeprefix("admin:")
    for model, ma in admin.site._registry.items():
        awal = f"{model._meta.app_label}_{model._meta.model_name}_"
        if not nama.startswith(awal):
            continue
        jenis = nama[len(awal) :]
        if jenis == "simple_history":
            return "satu versi lampau dari riwayat objek; dibuka dari halaman riwayat"
        pengguna = User(peran=Peran.ADMIN, is_superuser=True)
        permintaan = type("Permintaan", (), {"user": pengguna})()
        if jenis == "add" and not ma.has_add_permission(permintaan):
            return "tidak ada peran yang boleh menambah data ini di admin"
        if jenis == "delete" and not ma.has_delete_permission(permintaan):
            return "tidak ada peran yang boleh menghapus data ini di admin"
    return None


# --- the data --------------------------------------------------------------------------------

BERMUSUHAN = {
    "opd": 'Dinas Sintetis <script>alert("opd")</script> =HYPERLINK("http://contoh.test")',
    "sasaran": '=HYPERLINK("http://contoh.test","klik") sasaran\x01 dengan kendali',
    "indikator": [
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(A1:A9) <b>tebal</b>",
        "\t=1+1 " + "x" * 250,
        "+62 351 895221 Indikator ٠١٢",
    ],
    "sub": "=cmd|' /C notepad'!A0 <img src=x onerror=alert(1)> " + "panjang " * 30,
    "keterangan": "-2+3+cmd|' /C calc'!A0",
}


def _bermusuhan(opd: OPD) -> None:
    """Every name and text of the synthetic OPD becomes hostile, as forms and imports accept
    them: what a page, an export or a PDF must show without running it or failing."""
    OPD.objects.filter(pk=opd.pk).update(nama=BERMUSUHAN["opd"], singkatan="<i>DS</i>=1")
    Sasaran.objects.filter(tujuan__renstra__opd=opd).update(uraian=BERMUSUHAN["sasaran"])
    for i, ind in enumerate(
        IndikatorKinerja.objects.filter(sasaran__tujuan__renstra__opd=opd).order_by("pk")
    ):
        ind.nama = BERMUSUHAN["indikator"][i % len(BERMUSUHAN["indikator"])][:300]
        ind.save(update_fields=["nama"])
    SubKegiatan.objects.filter(rincian__dpa__opd=opd).update(nama=BERMUSUHAN["sub"][:300])
    RealisasiAnggaran.objects.filter(rincian__dpa__opd=opd, bulan=1).update(
        keterangan=BERMUSUHAN["keterangan"]
    )
    Realisasi.objects.filter(indikator__sasaran__tujuan__renstra__opd=opd).update(
        analisis="<script>alert('analisis')</script>", solusi="=1+1"
    )


def siapkan_data() -> dict:
    """The data set of the walk (see the module's docstring); returns the users by name."""
    verifikator = User.objects.get(username="verifikator")
    load_synthetic(1, None, verifikator)
    sintetis = OPD.objects.get(kode="SIN-001")
    _bermusuhan(sintetis)
    pengguna = {u.username: u for u in User.objects.filter(username__in=PERAN)}
    for nama, (peran, kode) in PENGGUNA_TAMBAHAN.items():
        pengguna[nama] = User.objects.create(
            username=nama, peran=peran, opd=OPD.objects.get(kode=kode)
        )
    kec, org = OPD.objects.get(kode=KEC), OPD.objects.get(kode=ORG)
    operator = pengguna["operator.kecamatan"]

    # The running year's triwulan open, a draft value with its evidence file.
    _jendela_tw(-10, 10)
    pk = pk_berlaku(kec.pk, TAHUN)
    ind = (
        pk.indikator.select_related("indikator")
        .order_by("indikator__sasaran__nomor", "indikator__nomor")[0]
        .indikator
    )
    pengukuran_services.realisasi_triwulan_save(
        opd=kec,
        tahun=TAHUN,
        triwulan=TW,
        user=operator,
        isian=[
            pengukuran_services.Isian(
                indikator_id=ind.pk,
                nilai=Decimal("50"),
                analisis="Survei belum selesai.",
                solusi="Survei susulan.",
            )
        ],
    )
    pengukuran_services.bukti_add(
        realisasi=Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=TW),
        berkas=check_bukti(SimpleUploadedFile("survei.pdf", PDF)),
        user=operator,
    )

    # Triwulan IV open too, every indicator entered and submitted but not verified yet: its
    # entry page offers "Tarik kembali pengajuan", whose form is then submitted like the rest.
    hari_ini = timezone.localdate()
    JadwalPengisian.objects.update_or_create(
        tahun=TAHUN,
        triwulan=4,
        defaults={
            "dibuka": hari_ini - datetime.timedelta(days=10),
            "ditutup": hari_ini + datetime.timedelta(days=10),
        },
    )
    pengukuran_services.realisasi_triwulan_save(
        opd=kec,
        tahun=TAHUN,
        triwulan=4,
        user=operator,
        isian=[
            pengukuran_services.Isian(
                indikator_id=p.indikator_id,
                nilai=Decimal("60"),
                analisis="Survei triwulan IV.",
                solusi="Percepatan layanan.",
            )
            for p in pk.indikator.all()
        ],
    )
    pengukuran_services.realisasi_triwulan_submit(opd=kec, tahun=TAHUN, triwulan=4, user=operator)

    # The PK in force and its draft perubahan.
    perencanaan_services.pk_perubahan_create(
        pk=pk, alasan=PerjanjianKinerja.Alasan.STRATEGI, keterangan="Pergeseran anggaran."
    )
    # PK berjenjang 2023: a Sekretaris Kecamatan's final PK and a Kasubag's draft.
    sekcam = Pejabat.objects.create(opd=kec, nama="Sekcam Jelajah", jabatan="Sekretaris Kecamatan")
    kasubag = Pejabat.objects.create(opd=kec, nama="Kasubag Jelajah", jabatan="Kasubag Umum")
    camat = Pejabat.objects.filter(opd=kec).exclude(pk__in=[sekcam.pk, kasubag.pk]).first()
    pkj = perencanaan_services.pk_jenjang_create(
        opd=kec,
        tahun=2023,
        tingkat="administrator",
        pihak_pertama=sekcam,
        pihak_kedua=camat,
        pilihan=[unsur_pk_jenjang(kec.pk, 2023, "administrator")[0].kunci],
    )
    perencanaan_services.pk_jenjang_save(
        pk=pkj, tempat="Magetan", tanggal=datetime.date(2023, 1, 2), target={}
    )
    perencanaan_services.pk_jenjang_finalize(pk=pkj, user=verifikator)
    perencanaan_services.pk_jenjang_create(
        opd=kec,
        tahun=2023,
        tingkat="pengawas",
        pihak_pertama=kasubag,
        pihak_kedua=sekcam,
        pilihan=[unsur_pk_jenjang(kec.pk, 2023, "pengawas")[0].kunci],
    )

    # Evaluasi AKIP: the Kecamatan's 2023 approved, with a recommendation followed up with
    # its evidence (the LHE, the follow-up forms and the evidence are linked from it); the
    # Bagian Organisasi's 2019 started (its forms are posted).
    from pdf_uji import pdf_polos

    from apps.laporan import evaluasi as ev_svc
    from apps.laporan.forms import TindakLanjutForm
    from apps.laporan.lke import susunan_kuesioner

    inspektorat = User.objects.get(username="inspektorat")
    ev = ev_svc.evaluasi_mulai(opd=kec, tahun=2023, user=inspektorat)
    ev_svc.jawaban_simpan(
        evaluasi=ev,
        user=inspektorat,
        pihak="evaluator",
        isian={
            kr.pk: ("Y" if kr.jenis == "yt" else "B", "Sesuai.")
            for k in susunan_kuesioner(ev.kuesioner)
            for sub in k.sub.all()
            for kr in sub.kriteria.all()
        },
    )
    k1 = ev.kuesioner.komponen.get(nomor=1)
    ev_svc.temuan_simpan(
        evaluasi=ev, user=inspektorat, isian={k1.pk: ("Temuan uji.", "Rekomendasi uji.")}
    )
    ev_svc.evaluasi_ajukan(evaluasi=ev, user=inspektorat)
    ev_svc.evaluasi_setujui(evaluasi=ev, user=User.objects.get(username="admin"))
    f = TindakLanjutForm(
        {"tindakan": "Sudah diselaraskan.", "tanggal": "2 Februari 2024"},
        {"bukti": SimpleUploadedFile("tindak.pdf", pdf_polos("Tindak"), "application/pdf")},
    )
    assert f.is_valid(), f.errors
    ev_svc.tindak_lanjut_simpan(
        rekomendasi=ev.rekomendasi.get(),
        user=operator,
        tindakan=f.cleaned_data["tindakan"],
        tanggal=f.cleaned_data["tanggal"],
        bukti=f.cleaned_data["bukti"],
    )
    ev_org = ev_svc.evaluasi_mulai(opd=org, tahun=2019, user=inspektorat)
    # the Bagian's self-assessment with an evidence file (its download is linked)
    kr = ev_org.kuesioner.komponen.get(nomor=1).sub.get(nomor=1).kriteria.get(nomor=1)
    ev_svc.penilaian_mandiri_simpan(
        evaluasi=ev_org,
        user=User.objects.get(username="operator.organisasi"),
        isian={kr.pk: ("Y", "Renstra 2019-2023 ditetapkan.")},
        bukti={kr.pk: [check_bukti(SimpleUploadedFile("sk.pdf", pdf_polos("SK")))]},
    )
    # a sheet no evaluation has started yet: editable and deletable in the admin
    from apps.laporan.lke_bawaan import muat_lke_bawaan

    muat_lke_bawaan(2025)

    # LKjIP: Kecamatan 2023 final then verified (with its organisation chart), Bagian
    # Organisasi 2019 final with a draft revision, the synthetic OPD's 2025 final.
    lap = siap_final()
    lap.struktur_organisasi.save("bagan.png", gambar(), save=True)
    AnalisisSasaran.objects.filter(
        laporan=lap, sasaran=laporan_services.sasaran_lkjip(kec, 2023)[0]
    ).update(uraian="Capaian sasaran sesuai target.")
    laporan_services.laporan_verify(laporan=jadikan_final(lap), user=verifikator)
    lama = jadikan_final(LaporanKinerja.objects.get(opd=org, tahun=2019, revisi=0))
    laporan_services.laporan_revisi_create(
        laporan=lama, user=verifikator, alasan="Koreksi data capaian."
    )
    jadikan_final(LaporanKinerja.objects.create(opd=sintetis, tahun=2025))

    # The Kecamatan's 2023 DPA exported and imported back as its DPPA (so the DPA has a
    # perubahan to compare with), once more only checked; a package of the final reports.
    dpa = DPA.objects.get(opd=kec, tahun=2023)
    isi = csv_dari(resources.ekspor("dpa", dpa, csv=True)).encode()
    for jenis_dpa, konfirmasi in ((DPA.Jenis.PERUBAHAN, True), (DPA.Jenis.MURNI, False)):
        obj = anggaran_services.impor_create(
            berkas=SimpleUploadedFile("dpa-2023.csv", isi),
            nama="dpa-2023.csv",
            jenis=Impor.Jenis.DPA,
            user=operator,
            opd=kec,
            tahun=2023,
            jenis_dpa=jenis_dpa,
        )
        if konfirmasi:
            anggaran_services.impor_confirm(obj=obj, user=operator)
    dppa = DPA.objects.get(opd=kec, tahun=2023, jenis=DPA.Jenis.PERUBAHAN)
    baris = RincianDPA.objects.filter(dpa=dppa).order_by("pk").first()
    RincianDPA.objects.filter(pk=baris.pk).update(pagu=baris.pagu + 1_000_000)
    paket_create(user=verifikator, tahun=2023, jenis=PaketLKjIP.Jenis.FINAL)
    # Login attempts for the admin's axes pages: one refused, one accepted.
    # (a correct password clears the failures before it: AXES_RESET_ON_SUCCESS).
    for sandi in (settings.SAKIP_DEMO_PASSWORD, "salah-sekali"):
        Client().post(reverse("login"), {"username": "operator.kecamatan", "password": sandi})
    assert RincianDPA.objects.filter(dpa__opd=sintetis).exists()
    return pengguna


class _PdfHemat:
    """WeasyPrint's layout, where it adds nothing, is skipped: the template of every PDF is
    still rendered on every request (where a template error or a crash on data would be),
    and its HTML is laid out by WeasyPrint the first time it is met in this process, for the
    first TATA_LETAK documents and for every document holding the hostile OPD's texts. Other
    documents are laid out by their own tests (test_lkjip_pdf, test_pk_pdf, test_grafik);
    laying out 30 drafts of some 30 pages on ordinary data, for each role that opens them,
    took more time than the rest of the walk."""

    TATA_LETAK = 4

    def __init__(self):
        self.asli = core_pdf.HTML
        self.simpanan: dict = {}
        self.dilewati = 0

    def __call__(self, *args, string, **kwargs):
        dokumen = self.asli(*args, string=string, **kwargs)
        induk = self

        class _Dokumen:
            def write_pdf(self_, *a, **kw):
                kunci = hashlib.sha256(string.encode()).hexdigest()
                if kunci in induk.simpanan and not kw.get("attachments"):
                    return induk.simpanan[kunci]
                if (
                    len(induk.simpanan) < induk.TATA_LETAK
                    or "Dinas Sintetis" in string
                    or kw.get("attachments")
                ):
                    induk.simpanan[kunci] = dokumen.write_pdf(*a, **kw)
                    return induk.simpanan[kunci]
                induk.dilewati += 1
                return b"%PDF-1.7\n% tata letak dilewati oleh tests/test_jelajah.py\n"

        return _Dokumen()


def berkas_fuzzer() -> dict:
    """The files the value sets upload, by what a file input accepts."""
    xlsx = berkas_bermusuhan()
    return {
        ("gambar", "tipikal"): ("bagan.png", gambar().read()),
        ("gambar", "digit-html"): ("bagan.png", b"<html><script>alert(1)</script></html>"),
        ("gambar", "panjang-kendali"): ("bagan\x01.png", gambar(5000, 10).read()),
        ("pdf", "tipikal"): ("bukti.pdf", PDF),
        ("pdf", "digit-html"): ("bukti.pdf", pdf_javascript()),
        ("pdf", "panjang-kendali"): ("bukti\x01.pdf", b"%PDF-1.7 bukan PDF"),
        ("lembar", "tipikal"): ("nomenklatur.csv", b"Kode;Nama\r\n"),
        ("lembar", "panjang-kendali"): ("dimensi.xlsx", xlsx["dimensi"]),
        ("lembar", "digit-html"): ("entitas.xlsx", xlsx["entitas"]),
        ("lembar", "rumus-ekstrem"): ("sel-besar.xlsx", xlsx["sel_besar"]),
    }


# --- the walk --------------------------------------------------------------------------------


def _fuzz(client, user, peran, hasil, berkas, dilihat: set) -> list:
    """Every distinct form the walk met (bentuk_formulir), submitted with every value set;
    the values the form shows once per submit button. A form is submitted once for the data
    it is about: by the first role that meets it among those who see the same OPDs (an
    operator and their pimpinan see the same forms of the same OPD, and the verifikator,
    inspektorat and admin those of every OPD; a form only one of them may use is met by that
    one only). An admin form is submitted once, by the first role that meets it. The logout
    is left out (it would end the walk); it is reached as a form."""
    kiriman = []
    sebelum = potret_aplikasi()  # every submission is rolled back: each finds this
    lingkup = (
        "anonim" if user is None else ("semua" if user.kemampuan.sees_all_opd else user.opd_id)
    )
    for halaman, form in hasil.formulir:
        bentuk = bentuk_formulir(halaman, form)
        # The admin's forms are Django's over our ModelAdmins, whoever opens them.
        bentuk = (None if bentuk[0].startswith("admin:") else lingkup, *bentuk)
        if bentuk in dilihat or bentuk[1] in ("logout", "admin:logout"):
            continue
        dilihat.add(bentuk)
        tombol = [t for t in form.tombol if t[0]] or [None]
        for himpunan in NILAI:
            for t in tombol if himpunan == "tampil" else tombol[:1]:
                kiriman.append(kirim(client, peran, halaman, form, himpunan, berkas, t, sebelum))
    return kiriman


def jalani_semua(media) -> dict:
    """Every role's walk and submissions, in a transaction rolled back at the end."""
    hasil = {}
    pdf = _PdfHemat()
    asal = Path(settings.MEDIA_ROOT)
    with override_settings(MEDIA_ROOT=media):
        # The demo's organisation charts were stored under the session's media folder when the
        # demo was loaded; the walk's folder gets the same files, as a restored server would.
        if (asal / "struktur").is_dir():
            shutil.copytree(asal / "struktur", Path(media) / "struktur", dirs_exist_ok=True)
        core_pdf.HTML = pdf
        # The test client's template instrumentation copies every context of every template
        # rendered (a widget is a template) for assertions this walk does not make.
        Template._render = test_utils._TestState.saved_data.template_render
        # The draft job collects garbage after each draft (WeasyPrint's reference cycles, in a
        # worker process); the test process's heap is far larger than a worker's, so what
        # exists now is set aside from those collections.
        gc.freeze()
        try:
            with transaction.atomic():
                pengguna = siapkan_data()
                izin = IzinTahun(OPD.objects.values_list("pk", flat=True))
                berkas = berkas_fuzzer()
                dikirim = set()
                for peran in PERAN:
                    client, user = Client(), pengguna.get(peran)
                    if user is not None:
                        client.force_login(user)
                    h = jelajahi(client, peran, izin, lewati={"logout", "admin:logout"})
                    mulai = time.perf_counter()
                    h.kiriman = _fuzz(client, user, peran, h, berkas, dikirim)
                    h.detik_kirim = time.perf_counter() - mulai
                    hasil[peran] = h
                    gc.collect()
                    gc.freeze()  # what this walk keeps is not scanned again by the next
                _tulis_ringkasan(hasil)
                transaction.set_rollback(True)
        finally:
            gc.unfreeze()
            core_pdf.HTML = pdf.asli
            Template._render = test_utils.instrumented_test_render
    return hasil


def _tercapai(hasil) -> set[str]:
    """URL patterns reached: pages visited, and actions of the forms met (a POST-only action
    is reached through the form that posts to it)."""
    pola = set()
    for h in hasil.values():
        pola |= h.pola() | h.aksi
    return pola


def _tulis_ringkasan(hasil) -> None:
    """The figures pytest_terminal_summary prints (conftest.py)."""
    ringkasan = {
        "basis_data": connection.vendor,
        "peran": {
            p: {
                "halaman": len(h.kunjungan),
                "formulir": len(h.formulir),
                "kiriman": len(h.kiriman),
                "detik": round(h.detik, 1),
                "detik_kirim": round(h.detik_kirim, 1),
            }
            for p, h in hasil.items()
        },
        "pola_tercapai": len(_tercapai(hasil) & semua_pola()),
        "pola_semua": len(semua_pola()),
        "kueri_terbanyak": max(
            ((k.kueri, k.nama) for h in hasil.values() for k in h.kunjungan), default=(0, "")
        ),
        "galat_server": sum(len(h.gagal()) for h in hasil.values())
        + sum(k.status >= 500 for h in hasil.values() for k in h.kiriman),
        "ditolak": sum(k.tampak_galat for h in hasil.values() for k in h.kiriman),
        "ditolak_mengubah": sum(bool(k.tabel_berubah) for h in hasil.values() for k in h.kiriman),
        "tanpa_tautan": sorted(
            [
                (p, TANPA_TAUTAN.get(p) or alasan_admin(p))
                for p in semua_pola() - _tercapai(hasil)
                if p in TANPA_TAUTAN or alasan_admin(p)
            ]
        ),
    }
    folder = settings.VAR_DIR / "jelajah"
    folder.mkdir(exist_ok=True)
    sesi = os.environ.get("SAKIP_UJI_SESI", os.getpid())  # set by tests/conftest.py
    (folder / f"ringkasan-{sesi}.json").write_text(json.dumps(ringkasan))


# --- what the walk must show -----------------------------------------------------------------


def test_every_page_and_every_form_of_every_role(tmp_path):
    """One test, so that one xdist worker walks while the other runs the rest of the suite
    (conftest.py puts it first); every kind of problem it can find is listed at once."""
    hasil = jalani_semua(tmp_path)
    masalah = {
        "galat server pada halaman": [
            f"{p}: {k.url} (dari {k.dari}): {k.galat}" for p, h in hasil.items() for k in h.gagal()
        ],
        "tautan ke halaman yang tidak ada": [
            f"{p}: {k.url} (tautan di {k.dari})" for p, h in hasil.items() for k in h.rusak()
        ],
        f"halaman dengan lebih dari {KUERI_MAKS} kueri SQL": sorted(
            {
                f"{k.kueri} {k.nama} {k.url}"
                for h in hasil.values()
                for k in h.kunjungan
                if k.kueri > KUERI_MAKS
            }
        ),
        "galat server pada kiriman formulir": [
            f"{k.peran} {k.himpunan} {k.aksi} (halaman {k.halaman}): {k.galat}"
            for h in hasil.values()
            for k in h.kiriman
            if k.status >= 500
        ],
        "kiriman yang ditolak tetapi mengubah data": [
            f"{k.peran} {k.himpunan} {k.aksi}: {k.tabel_berubah}"
            for h in hasil.values()
            for k in h.kiriman
            if k.tabel_berubah
        ],
        **cek_pola(hasil),
        **cek_cakupan(hasil),
        **cek_fuzzer(hasil),
    }
    assert not any(masalah.values()), "\n".join(
        f"{judul}:\n  " + "\n  ".join(map(str, isi)) for judul, isi in masalah.items() if isi
    )


def cek_pola(hasil) -> dict:
    """Every URL pattern is reached by a link, or TANPA_TAUTAN or alasan_admin says why not;
    and the list stays honest: nothing in it is reached after all."""
    tercapai, semua = _tercapai(hasil), semua_pola()
    return {
        "pola URL tanpa tautan dan tanpa alasan": sorted(
            p for p in semua - tercapai if p not in TANPA_TAUTAN and not alasan_admin(p)
        ),
        "TANPA_TAUTAN yang ternyata tercapai atau tidak ada": sorted(
            (set(TANPA_TAUTAN) & tercapai) | (set(TANPA_TAUTAN) - semua)
        ),
    }


def cek_cakupan(hasil) -> dict:
    """The pages the issue names: every month of a budget grid, every triwulan, every PK
    version, the draft LKjIP PDF, every LKjIP state's page."""
    v = hasil["verifikator"]
    dikunjungi = Counter(k.nama for k in v.kunjungan if k.status == 200)
    urls = {k.url.split("?")[0] for k in v.kunjungan if k.status < 400}
    kec, org = OPD.objects.get(kode=KEC), OPD.objects.get(kode=ORG)
    harus = [f"/anggaran/opd/{kec.pk}/2023/realisasi/{bulan}/" for bulan in range(1, 13)]
    harus += [f"/realisasi/opd/{kec.pk}/2023/tw{tw}/" for tw in range(1, 5)]
    harus += [f"/realisasi/verifikasi/{kec.pk}/2026/tw{tw}/" for tw in range(1, 5)]
    harus += [
        f"/anggaran/opd/{org.pk}/2019/",
        f"/anggaran/opd/{kec.pk}/2023/",
        f"/anggaran/opd/{kec.pk}/2023/perubahan/",
        # drafts: of a report not started, and of a draft revision
        f"/dasbor/lkjip/opd/{kec.pk}/2022/pdf/",
        f"/dasbor/lkjip/opd/{org.pk}/2019/pdf/",
    ]
    kurang = [u for u in harus if u not in urls]
    for nama, paling_sedikit in (
        ("perencanaan:pk", 4),
        ("perencanaan:pk_banding", 1),
        ("laporan:lkjip_final_pdf", 2),
        ("verifikasi", 1),
        ("laporan:lkjip_struktur", 1),
        ("anggaran:impor", 2),
        ("laporan:paket", 1),
    ):
        if dikunjungi[nama] < paling_sedikit:
            kurang.append(f"{nama}: {dikunjungi[nama]} halaman, harus {paling_sedikit}")
    return {"halaman yang harus dicapai tetapi tidak": kurang}


def cek_fuzzer(hasil) -> dict:
    """Not a fuzzer that submits nothing: every value set reaches the entry page, the Renstra
    page, the budget grid, the LKjIP page, the PK, an admin form, the import, a GET filter and
    the login, and both refusals and accepted submissions are seen."""
    per_aksi = defaultdict(set)
    for h in hasil.values():
        for k in h.kiriman:
            per_aksi[nama_pola(k.aksi.split("?")[0])[0]].add(k.himpunan)
    kurang = [
        f"{pola}: {sorted(set(NILAI) - per_aksi[pola])}"
        for pola in (
            "pengukuran:pengisian",
            "perencanaan:renstra",
            "anggaran:realisasi",
            "laporan:lkjip_ubah",
            "perencanaan:pk",
            "admin:core_pejabat_add",
            "anggaran:impor_baru",
            "laporan:dasbor",
            "login",
        )
        if per_aksi[pola] < set(NILAI)
    ]
    ditolak = sum(k.tampak_galat for h in hasil.values() for k in h.kiriman)
    diterima = sum(not k.tampak_galat for h in hasil.values() for k in h.kiriman)
    if ditolak < 100 or diterima < 100:
        kurang.append(f"{ditolak} kiriman ditolak, {diterima} diterima: terlalu sedikit")
    return {"himpunan nilai yang tidak sampai ke formulir": kurang}
