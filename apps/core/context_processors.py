from dataclasses import fields

from django.urls import reverse

from .models import Pemda
from .roles import Kemampuan


def pemda(request):
    """The kabupaten's name for the page header (one small query, cached per request)."""
    return {"pemda": Pemda.objects.only("nama").first()}


def notifikasi(request):
    """The number of unread messages for the header (one query, only when logged in)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notifikasi_belum_dibaca": user.notifikasi.filter(dibaca_pada__isnull=True).count()}


# The header's menu: (section, label, URL name, who sees it). A page belongs to the section of
# its URL namespace, except the names listed in BAGIAN_KHUSUS.
MENU = (
    ("beranda", "Beranda", "core:beranda", None),
    ("perencanaan", "Perencanaan", "perencanaan:beranda", None),
    ("realisasi", "Realisasi", "pengukuran:beranda", "!sees_all_opd"),
    ("anggaran", "Anggaran", "anggaran:beranda", None),
    ("lkjip", "LKjIP", "laporan:lkjip_daftar", None),
    ("evaluasi", "Evaluasi AKIP", "laporan:evaluasi_daftar", None),
    ("dasbor", "Dasbor", "laporan:dasbor", None),
    ("verifikasi", "Verifikasi", "pengukuran:antrean", "sees_all_opd"),
    ("jadwal", "Jadwal", "pengukuran:jadwal", "sees_all_opd"),
)
assert {s.lstrip("!") for *_, s in MENU if s} <= {f.name for f in fields(Kemampuan)}, (
    "kemampuan salah ketik"
)
# An OPD's realisasi pages, opened by a role that sees every OPD (its menu has no
# "Realisasi": its start there is the verification queue), belong to "Verifikasi".
BAGIAN_PENGGANTI = {"realisasi": "verifikasi"}
BAGIAN_NAMESPACE = {
    "perencanaan": "perencanaan",
    "pengukuran": "realisasi",
    "anggaran": "anggaran",
    "laporan": "dasbor",
}
BAGIAN_KHUSUS = {
    "core:beranda": "beranda",
    "core:notifikasi": "notifikasi",
    "core:pejabat": "perencanaan",
    "core:pejabat_ubah": "perencanaan",
    "pengukuran:antrean": "verifikasi",
    "pengukuran:tinjau": "verifikasi",
    "pengukuran:jadwal": "jadwal",
    "laporan:pohon": "perencanaan",
    "laporan:pohon_unduh": "perencanaan",
    "laporan:pohon_opd": "perencanaan",
    "laporan:pohon_opd_unduh": "perencanaan",
    **{
        f"laporan:{n}": "evaluasi"
        for n in (
            "evaluasi_daftar",
            "evaluasi",
            "evaluasi_rekap",
            "evaluasi_riwayat",
            "lke_buat",
            "lhe_pdf",
            "bukti_lke",
            "tindak_lanjut",
            "tindak_lanjut_bukti",
        )
    },
    **{
        f"laporan:{n}": "lkjip"
        for n in (
            "lkjip_pdf",
            "lkjip_draf",
            "lkjip_finalisasi",
            "lkjip_daftar",
            "lkjip_ubah",
            "lkjip_kabupaten",
            "lkjip_kabupaten_pdf",
            "lkjip_pratinjau",
            "lkjip_struktur",
            "lkjip_finalkan",
            "lkjip_final_pdf",
            "lkjip_revisi",
            "lkjip_diverifikasi",
            "paket_daftar",
            "paket",
            "paket_unduh",
        )
    },
}


def bagian(request) -> str:
    """The menu section the current page belongs to ("" outside the menu)."""
    cocok = getattr(request, "resolver_match", None)
    if cocok is None:
        return ""
    if cocok.view_name in BAGIAN_KHUSUS:
        return BAGIAN_KHUSUS[cocok.view_name]
    return BAGIAN_NAMESPACE.get(cocok.namespace, "")


def menu(request):
    """The header's menu for the logged-in user, the current section marked."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    kemampuan = user.kemampuan
    tampil = [
        (b, label, nama)
        for b, label, nama, syarat in MENU
        if syarat is None or getattr(kemampuan, syarat.lstrip("!")) != syarat.startswith("!")
    ]
    sekarang = bagian(request)
    if sekarang not in {b for b, *_ in tampil}:
        sekarang = BAGIAN_PENGGANTI.get(sekarang, sekarang)
    return {
        "menu": [
            {"bagian": b, "label": label, "url": reverse(nama), "aktif": b == sekarang}
            for b, label, nama in tampil
        ],
        "bagian_aktif": sekarang,
    }
