"""`load_demo`: the two reference OPDs as real data, users per role, synthetic OPDs.

Idempotent: every row is found by its natural key and updated, so running it twice changes
nothing and duplicates nothing.
"""

import csv
import datetime
import io
import random
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from apps.anggaran.kode import parse_kode
from apps.anggaran.models import (
    DPA,
    DPAKegiatan,
    DPAProgram,
    Kegiatan,
    Program,
    RealisasiAnggaran,
    RincianDPA,
    SubKegiatan,
)
from apps.anggaran.services import nomenklatur_upsert
from apps.core.models import OPD, Misi, Pejabat, Pemda, PeriodeRPJMD, SkalaPredikat, User
from apps.core.roles import Peran
from apps.core.services import skala_predikat_set_rentang
from apps.laporan.lke_bawaan import muat_lke_bawaan
from apps.laporan.lkjip_kabupaten import sasaran_daerah_tahun
from apps.laporan.models import AnalisisSasaran, LaporanKinerja
from apps.laporan.selectors import program_sasaran_dpa
from apps.laporan.services import sasaran_lkjip
from apps.pengukuran.models import JadwalPengisian, Realisasi
from apps.perencanaan.models import (
    PERNYATAAN_BAKU,
    DukunganSasaranDaerah,
    IndikatorDaerah,
    IndikatorKinerja,
    PerjanjianKinerja,
    PKBupati,
    PKIndikator,
    PKProgram,
    ProgramSasaran,
    RencanaProgram,
    Renstra,
    Sasaran,
    SasaranDaerah,
    TargetDaerah,
    TargetTahunan,
    Tujuan,
    TujuanDaerah,
)
from apps.perencanaan.services import pk_bupati_create, pk_signatory_snapshot, renstra_copy

from . import referensi as ref

D = Decimal


def _upsert(model, lookup: dict, values: dict):
    """Find by natural key; save only when new or changed, so a second run writes nothing
    (not even a history row)."""
    obj = model.objects.filter(**lookup).first()
    baru = obj is None
    if baru:
        obj = model(**lookup)
    berubah = list(values) if baru else [k for k, v in values.items() if getattr(obj, k) != v]
    if not baru and not berubah:
        return obj
    for k in berubah:
        setattr(obj, k, values[k])
    obj.full_clean()
    obj.save()
    return obj


def load_master():
    skala = {}
    for s in ref.SKALA:
        obj = _upsert(
            SkalaPredikat, {"nama": s["nama"]}, {"sumber": s["sumber"], "tepi": s["tepi"]}
        )
        skala_predikat_set_rentang(
            skala=obj,
            rentang=[
                {
                    "label": label,
                    "batas_bawah": None if lo is None else D(lo),
                    "batas_atas": None if hi is None else D(hi),
                    "warna": warna,
                }
                for label, lo, hi, warna in s["rentang"]
            ],
        )
        skala[s["nama"]] = obj
    periode = _upsert(
        PeriodeRPJMD,
        {"tahun_awal": ref.RPJMD["tahun_awal"], "tahun_akhir": ref.RPJMD["tahun_akhir"]},
        {"nama": ref.RPJMD["nama"], "visi": ref.RPJMD["visi"]},
    )
    for i, uraian in enumerate(ref.RPJMD["misi"], start=1):
        _upsert(Misi, {"periode": periode, "nomor": i}, {"uraian": uraian})
    opd = {}
    for o in ref.OPD:
        values = {k: v for k, v in o.items() if k not in ("kode", "induk", "skala")}
        values["induk"] = opd.get(o["induk"])
        values["skala_predikat"] = skala.get(o.get("skala"))
        opd[o["kode"]] = _upsert(OPD, {"kode": o["kode"]}, values)
    pejabat = {}
    for p in ref.PEJABAT:
        values = {k: v for k, v in p.items() if k not in ("kunci", "nama", "opd")}
        values["opd"] = opd.get(p["opd"])
        pejabat[p["kunci"]] = _upsert(Pejabat, {"nama": p["nama"]}, values)
    _upsert(
        Pemda,
        {"kunci": "pemda"},
        {
            **ref.PEMDA,
            "kepala_daerah": pejabat["pj_bupati"],
            "skala_predikat": skala[ref.SKALA_BAWAAN],
        },
    )
    return periode, opd, pejabat


def _renstra(opd, periode, data):
    awal, akhir = data["renstra"]
    renstra = _upsert(
        Renstra, {"opd": opd, "tahun_awal": awal}, {"tahun_akhir": akhir, "periode_rpjmd": periode}
    )
    tujuan = _upsert(Tujuan, {"renstra": renstra, "nomor": 1}, {"uraian": data["tujuan"]})
    misi = Misi.objects.get(periode=periode, nomor=data["misi"])
    return renstra, tujuan, misi


def _pk(opd, tahun, versi, values, targets, programs):
    """A signed PK as the document shows it: final, with its signature snapshot. (The loader
    records history; the admin keeps a final PK read-only.)"""
    values = {"pernyataan": PERNYATAAN_BAKU, **values, "status": PerjanjianKinerja.Status.FINAL}
    for pihak in ("pihak_pertama", "pihak_kedua"):
        if values.get(pihak) is not None:
            values.update(pk_signatory_snapshot(pihak=pihak, pejabat=values[pihak]))
    pk = _upsert(PerjanjianKinerja, {"opd": opd, "tahun": tahun, "versi": versi}, values)
    for indikator, target in targets:
        _upsert(PKIndikator, {"pk_dokumen": pk, "indikator": indikator}, {"target": D(target)})
    for program, anggaran in programs:
        _upsert(PKProgram, {"pk_dokumen": pk, "program": program}, {"anggaran": D(anggaran)})
    return pk


def _realisasi(indikator, tahun, nilai, user, triwulan=4):
    obj = _upsert(
        Realisasi,
        {"indikator": indikator, "tahun": tahun, "triwulan": triwulan},
        {
            "nilai": D(nilai),
            "status": Realisasi.Status.DIVERIFIKASI,
            "diisi_oleh": user,
            "diverifikasi_oleh": user,
        },
    )
    return obj


def _isi_lkjip(laporan: LaporanKinerja, analisis: dict, bagan: dict) -> None:
    """The words of BAB III for every sasaran of a demo report (`analisis` keyed by the
    sasaran's uraian; a sasaran without its words is an error of the demo data), analysis
    7's judgement of each of its programs, and its
    organisation chart. A report no longer a draft is a signed document: left as it is."""
    if laporan.status != LaporanKinerja.Status.DRAFT:
        return
    sasaran = sasaran_lkjip(laporan.opd, laporan.tahun)
    program = program_sasaran_dpa(laporan.opd_id, laporan.tahun, sasaran)
    for s in sasaran:
        if s.uraian not in analisis:
            raise ValueError(f"Analisis demo untuk sasaran “{s.uraian}” tidak ada.")
        nilai = dict(analisis[s.uraian])
        # Analysis 7: as both reference reports judge theirs, every program of the DPA that
        # supports a sasaran is judged menunjang unless the demo names it otherwise.
        tidak = set(nilai.pop("tidak_menunjang", ()))
        nilai["dukungan_program"] = {str(p.pk): p.kode not in tidak for p in program[s.pk]}
        _upsert(AnalisisSasaran, {"laporan": laporan, "sasaran": s}, nilai)
    _struktur(laporan, bagan)


def _struktur(laporan: LaporanKinerja, bagan: dict) -> None:
    """Draw the report's organisation chart once: kept while its file is there (also one a
    user uploaded instead). The file name is fixed per report, so loading the demo into a
    new database reuses an identical file rather than adding one more."""
    berkas = laporan.struktur_organisasi
    if berkas and berkas.storage.exists(berkas.name):
        return
    isi = gambar_struktur(bagan)
    nama = f"demo-{laporan.opd.kode}-{laporan.tahun}.png"
    tersimpan = f"struktur/{nama}"
    if berkas.storage.exists(tersimpan):
        with berkas.storage.open(tersimpan, "rb") as f:
            sama = f.read() == isi
        if sama:
            laporan.struktur_organisasi.name = tersimpan
            laporan.save(update_fields=["struktur_organisasi"])
            return
    laporan.struktur_organisasi.save(nama, ContentFile(isi), save=True)


# The organisation chart: the text column of an A4 page at about 220 dpi, in the report's
# colours.
_FONT = Path("/usr/share/fonts/truetype/liberation")
_BIRU, _MUDA, _ABU = (31, 78, 121), (233, 241, 249), (110, 110, 110)


def _font(tebal: bool, ukuran: int):
    nama = "LiberationSans-Bold.ttf" if tebal else "LiberationSans-Regular.ttf"
    try:
        return ImageFont.truetype(str(_FONT / nama), ukuran)
    except OSError:
        return ImageFont.load_default(size=ukuran)


def _baris_teks(draw, teks: str, font, lebar: int) -> list[str]:
    """`teks` broken into lines no wider than `lebar` pixels (a longer word stays whole)."""
    baris, kini = [], ""
    for kata in teks.split():
        coba = f"{kini} {kata}".strip()
        if kini and draw.textlength(coba, font=font) > lebar:
            baris.append(kini)
            kini = kata
        else:
            kini = coba
    return baris + [kini] if kini else baris


class _Bagan:
    """Boxes and connecting lines on a white canvas, cropped to what was drawn."""

    LEBAR = 1400
    TEPI = 50

    def __init__(self):
        self.img = Image.new("RGB", (self.LEBAR, 3000), "white")
        self.draw = ImageDraw.Draw(self.img)
        self.bawah = 0
        self.teks_font = _font(False, 24)
        self.kepala_font = _font(True, 27)

    def tinggi_kotak(self, teks: str, lebar: int, *, kepala: bool = False) -> int:
        font = self.kepala_font if kepala else self.teks_font
        return max(80, 30 + 31 * len(_baris_teks(self.draw, teks, font, lebar - 44)))

    def kotak(self, x: int, y: int, lebar: int, teks: str, *, kepala=False, tinggi=None):
        """A box with its text centred; its (left, top, right, bottom)."""
        font = self.kepala_font if kepala else self.teks_font
        baris = _baris_teks(self.draw, teks, font, lebar - 44)
        tinggi = tinggi or self.tinggi_kotak(teks, lebar, kepala=kepala)
        isi, garis = (_BIRU, "white") if kepala else (_MUDA, _BIRU)
        self.draw.rectangle((x, y, x + lebar, y + tinggi), fill=isi, outline=_BIRU, width=3)
        ty = y + (tinggi - 31 * len(baris)) // 2
        for b in baris:
            tx = x + (lebar - self.draw.textlength(b, font=font)) / 2
            self.draw.text((tx, ty), b, fill=garis, font=font)
            ty += 31
        self.bawah = max(self.bawah, y + tinggi)
        return x, y, x + lebar, y + tinggi

    def garis(self, titik: list[tuple[int, int]], *, putus: bool = False):
        for (x1, y1), (x2, y2) in zip(titik, titik[1:], strict=False):
            if not putus:
                self.draw.line((x1, y1, x2, y2), fill=_BIRU, width=3)
                continue
            panjang = max(abs(x2 - x1), abs(y2 - y1))
            for m in range(0, panjang, 18):
                n = min(m + 10, panjang)
                self.draw.line(
                    (
                        x1 + (x2 - x1) * m // panjang,
                        y1 + (y2 - y1) * m // panjang,
                        x1 + (x2 - x1) * n // panjang,
                        y1 + (y2 - y1) * n // panjang,
                    ),
                    fill=_BIRU,
                    width=3,
                )

    def deret(self, y: int, x_kiri: int, x_kanan: int, nama: list[str], bus: int) -> None:
        """A row of equal boxes between two x, hung from a horizontal line at y = bus."""
        jarak = 26
        lebar = (x_kanan - x_kiri - jarak * (len(nama) - 1)) // len(nama)
        tinggi = max(self.tinggi_kotak(n, lebar) for n in nama)
        tengah = [x_kiri + i * (lebar + jarak) + lebar // 2 for i in range(len(nama))]
        self.garis([(tengah[0], bus), (tengah[-1], bus)])
        for t, n in zip(tengah, nama, strict=True):
            self.garis([(t, bus), (t, y)])
            self.kotak(t - lebar // 2, y, lebar, n, tinggi=tinggi)

    def png(self, catatan: str) -> bytes:
        font = _font(False, 19)
        y = self.bawah + 34
        self.draw.text((self.TEPI, y), catatan, fill=_ABU, font=font)
        img = self.img.crop((0, 0, self.LEBAR, y + 44))
        buf = io.BytesIO()
        img.save(buf, "PNG", optimize=True)
        return buf.getvalue()


def gambar_struktur(bagan: dict) -> bytes:
    """A clean organisation chart as PNG bytes from a description in referensi.py
    (STRUKTUR_*): an optional superior, the head, an optional functional group (dashed, on
    the left) and secretariat with its subbagian (on the right), the row of units, and an
    optional unit under the head below them."""
    b = _Bagan()
    w, tepi = b.LEBAR, b.TEPI
    tengah = w // 2
    judul = _font(True, 32)
    y = tepi
    for baris in _baris_teks(b.draw, bagan["judul"], judul, w - 2 * tepi):
        b.draw.text(
            ((w - b.draw.textlength(baris, font=judul)) / 2, y), baris, fill=_BIRU, font=judul
        )
        y += 42
    y += 30
    if bagan.get("atasan"):
        atas = b.kotak(tengah - 230, y, 460, bagan["atasan"])
        y = atas[3] + 70
        b.garis([(tengah, atas[3]), (tengah, y)], putus=True)
        if catatan := bagan.get("atasan_catatan"):
            b.draw.text((tengah + 16, atas[3] + 20), catatan, fill=_ABU, font=_font(False, 20))
    kepala = b.kotak(tengah - 240, y, 480, bagan["pimpinan"], kepala=True)
    y = kepala[3] + 50
    # The functional group and the secretariat on one level, as tall as each other.
    samping = [bagan[k] for k in ("fungsional", "sekretariat") if bagan.get(k)]
    tinggi = max((b.tinggi_kotak(n, 380) for n in samping), default=0)
    if bagan.get("fungsional"):
        f = b.kotak(tepi, y, 380, bagan["fungsional"], tinggi=tinggi)
        b.garis([(f[2], y + tinggi // 2), (tengah, y + tinggi // 2)], putus=True)
    if bagan.get("sekretariat"):
        kiri = tengah + 100
        s = b.kotak(kiri + 120, y, 380, bagan["sekretariat"], tinggi=tinggi)
        b.garis([(tengah, y + tinggi // 2), (s[0], y + tinggi // 2)])
        sub = bagan.get("subbagian") or []
        if sub:
            bus = s[3] + 26
            b.garis([((s[0] + s[2]) // 2, s[3]), ((s[0] + s[2]) // 2, bus)])
            b.deret(bus + 26, kiri, w - tepi, sub, bus)
    if bagan.get("fungsional") or bagan.get("sekretariat"):
        y = b.bawah + 50
    bus = y
    b.garis([(tengah, kepala[3]), (tengah, bus)])
    b.deret(bus + 34, tepi, w - tepi, bagan["unit"], bus)
    if bagan.get("bawah"):
        y = b.bawah + 50
        b.garis([(tengah, bus), (tengah, y)])
        b.kotak(tengah - 200, y, 400, bagan["bawah"])
    return b.png(f"Sumber: {bagan['sumber']}" if bagan.get("sumber") else "")


def load_organisasi_2019(periode, opd, pejabat, verifikator):
    data = ref.ORGANISASI_2019
    unit = opd[data["opd"]]
    renstra, tujuan, misi = _renstra(unit, periode, data)
    targets, sasaran_list = [], []
    for i, (uraian, indikator) in enumerate(data["sasaran"], start=1):
        sasaran = _upsert(Sasaran, {"tujuan": tujuan, "nomor": i}, {"uraian": uraian, "misi": misi})
        sasaran_list.append(sasaran)
        for j, (nama, satuan, target, realisasi) in enumerate(indikator, start=1):
            ind = _upsert(
                IndikatorKinerja,
                {"sasaran": sasaran, "nomor": j},
                {
                    "nama": nama,
                    "satuan": satuan,
                    "is_iku": True,
                    "agregasi": IndikatorKinerja.Agregasi.NILAI_AKHIR,
                },
            )
            targets.append((ind, target))
            _realisasi(ind, 2019, realisasi, verifikator)
    pk_data = data["pk"]
    dpa = _upsert(DPA, {"opd": unit, "tahun": 2019, "jenis": DPA.Jenis.MURNI}, {})
    programs = []
    for kode_p, nama_p, no_sasaran, kegiatan in data["program"]:
        program = nomenklatur_upsert(kode=kode_p, nama=nama_p)
        _upsert(ProgramSasaran, {"sasaran": sasaran_list[no_sasaran - 1], "program": program}, {})
        total = D(0)
        for kode_k, nama_k, pagu, realisasi in kegiatan:
            keg = nomenklatur_upsert(kode=kode_k, nama=nama_k)
            rincian = _upsert(
                RincianDPA, {"dpa": dpa, "kegiatan": keg, "sub_kegiatan": None}, {"pagu": D(pagu)}
            )
            _upsert(
                RealisasiAnggaran,
                {"rincian": rincian, "bulan": 12},
                {"realisasi": D(realisasi), "keterangan": ref.KETERANGAN_REALISASI_TAHUNAN},
            )
            total += D(pagu)
        programs.append((program, total))
    _pk(
        unit,
        2019,
        0,
        {
            "tanggal": datetime.date.fromisoformat(pk_data["tanggal"]),
            "tanggal_lengkap": pk_data["tanggal_lengkap"],
            "tempat": "Magetan",
            "pihak_pertama": pejabat[pk_data["pihak_pertama"]],
            "pihak_kedua_jabatan": pk_data["pihak_kedua_jabatan"],
        },
        targets,
        programs,
    )
    laporan = _upsert(
        LaporanKinerja,
        {"opd": unit, "tahun": 2019, "revisi": 0},
        {
            **ref.NARASI_ORGANISASI_2019,
            "tempat": "Magetan",
            "penandatangan": pejabat["kabag_organisasi"],
        },
    )
    _isi_lkjip(laporan, ref.ANALISIS_ORGANISASI_2019, ref.STRUKTUR_ORGANISASI_2019)


def load_kecamatan_2023(periode, opd, pejabat, verifikator):
    data = ref.KECAMATAN_2023
    unit = opd[data["opd"]]
    bidang = unit.kode_bidang
    renstra, tujuan, misi = _renstra(unit, periode, data)
    sasaran_by_nama, pk_targets = {}, {"induk": [], "perubahan": []}
    for i, (uraian, indikator) in enumerate(data["sasaran"], start=1):
        sasaran = _upsert(Sasaran, {"tujuan": tujuan, "nomor": i}, {"uraian": uraian, "misi": misi})
        sasaran_by_nama[uraian] = sasaran
        for j, (nama, satuan, iku, target, akhir, realisasi, pk_t) in enumerate(indikator, 1):
            extra = ref.IKU_PREDIKAT if iku else {}
            ind = _upsert(
                IndikatorKinerja,
                {"sasaran": sasaran, "nomor": j},
                {
                    "nama": nama,
                    "satuan": satuan,
                    "is_iku": iku,
                    "agregasi": IndikatorKinerja.Agregasi.NILAI_AKHIR,
                    "target_akhir": D(akhir) if akhir else None,
                    **extra,
                },
            )
            for tahun, t in target.items():
                _upsert(TargetTahunan, {"indikator": ind, "tahun": tahun}, {"target": D(t)})
            for tahun, r in realisasi.items():
                _realisasi(ind, tahun, r, verifikator)
            pk_targets["induk"].append((ind, pk_t["induk"]))
            pk_targets["perubahan"].append((ind, pk_t["perubahan"]))

    dpa = _upsert(DPA, {"opd": unit, "tahun": 2023, "jenis": DPA.Jenis.MURNI}, {})
    for row in ref.DPA_KECAMATAN_2023:
        kode, nama, indikator, target, satuan = row[:5]
        obj = nomenklatur_upsert(kode=kode, nama=nama, kode_bidang=bidang)
        values = {"indikator": indikator, "target": D(target), "satuan": satuan}
        if isinstance(obj, Program):
            _upsert(DPAProgram, {"dpa": dpa, "program": obj}, values)
        elif isinstance(obj, Kegiatan):
            _upsert(DPAKegiatan, {"dpa": dpa, "kegiatan": obj}, values)
        else:
            pagu, realisasi = row[5], row[6]
            rincian = _upsert(
                RincianDPA,
                {"dpa": dpa, "sub_kegiatan": obj},
                {**values, "kegiatan": obj.kegiatan, "pagu": D(pagu)},
            )
            _upsert(
                RealisasiAnggaran,
                {"rincian": rincian, "bulan": 12},
                {"realisasi": D(realisasi), "keterangan": ref.KETERANGAN_REALISASI_TAHUNAN},
            )
    for kode, sasaran_names in data["program_sasaran"].items():
        program = Program.objects.get(kode=parse_kode(kode, kode_bidang=bidang).teks)
        for nama in sasaran_names:
            _upsert(ProgramSasaran, {"sasaran": sasaran_by_nama[nama], "program": program}, {})

    for pk_data in data["pk"]:
        versi = pk_data["versi"]
        programs = [
            (Program.objects.get(kode=parse_kode(k, kode_bidang=bidang).teks), v)
            for k, v in pk_data["program"].items()
        ]
        values = {
            "tanggal": datetime.date.fromisoformat(pk_data["tanggal"]),
            "tanggal_lengkap": pk_data["tanggal_lengkap"],
            "tempat": "Magetan",
            "pihak_pertama": pejabat[pk_data["pihak_pertama"]],
            "pihak_kedua": pejabat[pk_data["pihak_kedua"]],
            "alasan_perubahan": pk_data.get("alasan", ""),
            "keterangan_perubahan": pk_data.get("keterangan", ""),
        }
        _pk(unit, 2023, versi, values, pk_targets["perubahan" if versi else "induk"], programs)
    laporan = _upsert(
        LaporanKinerja,
        {"opd": unit, "tahun": 2023, "revisi": 0},
        {**ref.NARASI_KECAMATAN_2023, "tempat": "Magetan", "penandatangan": pejabat["camat"]},
    )
    _isi_lkjip(laporan, ref.ANALISIS_KECAMATAN_2023, ref.STRUKTUR_KECAMATAN_2023)
    load_matriks(renstra, sasaran_by_nama.get("Meningkatnya Kinerja Kecamatan"))
    _realisasi_indikator_dpa(dpa, bidang)


DATA = Path(__file__).resolve().parent / "data"


def baca_matriks() -> list[dict]:
    """The rows of the Renstra matrix of Kecamatan Magetan, transcribed from its LKjIP 2023
    (data/matriks_kecamatan_magetan.csv; how it was transcribed: data/README.md)."""
    with open(DATA / "matriks_kecamatan_magetan.csv", encoding="utf-8", newline="") as f:
        baris = list(csv.DictReader(f))
    for b in baris:
        b["tahun_awal"], b["tahun_akhir"] = int(b["tahun_awal"]), int(b["tahun_akhir"])
    return baris


def load_matriks(renstra, sasaran):
    """The Renstra matrix of Kecamatan Magetan (lampiran of its LKjIP), row values only."""
    matriks = baca_matriks()
    for urutan, row in enumerate(matriks, start=1):

        def dec(v):
            return None if v in (None, "") else D(v)

        _upsert(
            RencanaProgram,
            {"renstra": renstra, "tahun_awal": row["tahun_awal"], "urutan": urutan},
            {
                "periode": row["periode"],
                "tahun_akhir": row["tahun_akhir"],
                "tingkat": row["tingkat"],
                "kode": row["kode"],
                "uraian": row["uraian"][:300],
                "indikator": row["indikator"][:400],
                "target_k": dec(row["target_k"]),
                "satuan": row["satuan"][:50],
                "target_rp": dec(row["target_rp"]),
                "realisasi_k": dec(row["realisasi_k"]),
                "realisasi_rp": dec(row["realisasi_rp"]),
                "unit_penanggung_jawab": row.get("unit", "")[:255],
                "sasaran": sasaran,
            },
        )


def _realisasi_indikator_dpa(dpa, bidang) -> None:
    """The year-end realisasi of the DPA's program and kegiatan indicators, as the Renstra
    matrix of the same LKjIP states them for the DPA's year (its "realisasi K" column), on
    the rows whose code and target are the DPA's own (program 7.01.03 has two indicators in
    the matrix; the one with the DPA's target is the DPA's). Taken as the document writes
    them: some (100 against 315 Bulan, 400 against 80 Nilai) read like percentages typed in
    the K column, and the pohon kinerja shows the capaian they give. The sub kegiatan rows
    of that column say 100 on every line whatever the unit, so no physical output is loaded
    for them (the demo's monthly entries carry rupiah only, as the reference's budget
    tables do)."""
    info = {
        **{(x.program.kode, x.target): x for x in DPAProgram.objects.filter(dpa=dpa)},
        **{(x.kegiatan.kode, x.target): x for x in DPAKegiatan.objects.filter(dpa=dpa)},
    }
    for row in baca_matriks():
        if (row["tahun_awal"], row["tingkat"]) not in {
            (dpa.tahun, "program"),
            (dpa.tahun, "kegiatan"),
        }:
            continue
        if not row["realisasi_k"] or not row["target_k"]:
            continue
        kode = parse_kode(row["kode"], kode_bidang=bidang).teks
        x = info.get((kode, D(row["target_k"])))
        if x is not None and x.realisasi != D(row["realisasi_k"]):
            x.realisasi = D(row["realisasi_k"])
            x.save(update_fields=["realisasi"])


DEMO_USERS = [
    ("admin", Peran.ADMIN, None, "Administrator", "Sistem"),
    ("verifikator", Peran.VERIFIKATOR, "4.01.01.06", "Verifikator", "Bagian Organisasi"),
    ("inspektorat", Peran.INSPEKTORAT, None, "Auditor", "Inspektorat"),
    # the ketua tim who approves the evaluations the auditor submits (another evaluator)
    ("ketua.inspektorat", Peran.INSPEKTORAT, None, "Ketua Tim", "Evaluasi AKIP"),
    ("operator.kecamatan", Peran.OPERATOR, "7.01.01", "Operator", "Kecamatan Magetan"),
    ("pimpinan.kecamatan", Peran.PIMPINAN, "7.01.01", "Camat", "Magetan"),
    ("operator.organisasi", Peran.OPERATOR, "4.01.01.06", "Operator", "Bagian Organisasi"),
]


def load_users(opd):
    users = {}
    for username, peran, kode_opd, first, last in DEMO_USERS:
        user = User.objects.filter(username=username).first() or User(username=username)
        values = {
            "peran": peran,
            "opd": opd.get(kode_opd),
            "first_name": first,
            "last_name": last,
            "is_superuser": peran == Peran.ADMIN,
        }
        berubah = user.pk is None or any(getattr(user, k) != v for k, v in values.items())
        for k, v in values.items():
            setattr(user, k, v)
        # Re-hashing an unchanged password would end the demo users' sessions.
        if user.pk is None or not user.check_password(settings.SAKIP_DEMO_PASSWORD):
            user.set_password(settings.SAKIP_DEMO_PASSWORD)
            berubah = True
        if berubah:
            user.full_clean()
            user.save()
        users[username] = user
    return users


# The urusan digits of the synthetic OPDs' bidang codes, 99 OPDs each.
URUSAN_SINTETIS = (8, 9, 6, 5)
BATAS_SINTETIS = 99 * len(URUSAN_SINTETIS)


def rpjmd_sintetis(tahun: int) -> tuple[PeriodeRPJMD, list[SasaranDaerah]]:
    """The RPJMD period the synthetic OPDs follow: from the year before their data's year for
    five years (2024-2028 for 2025: after the demo's 2018-2023, never overlapping it), with
    one tujuan and three sasaran daerah, each with an IKU and a target every year. Made once,
    found again afterwards."""
    periode, _ = PeriodeRPJMD.objects.get_or_create(
        tahun_awal=tahun - 1,
        tahun_akhir=tahun + 3,
        defaults={"nama": f"RPJMD Sintetis {tahun - 1}-{tahun + 3}", "visi": "Visi sintetis"},
    )
    misi, _ = Misi.objects.get_or_create(
        periode=periode, nomor=1, defaults={"uraian": "Misi sintetis"}
    )
    tujuan, _ = TujuanDaerah.objects.get_or_create(
        periode=periode, nomor=1, defaults={"uraian": "Tujuan daerah sintetis", "misi": misi}
    )
    daerah = []
    for nomor in range(1, 4):
        sd, baru = SasaranDaerah.objects.get_or_create(
            tujuan=tujuan, nomor=nomor, defaults={"uraian": f"Sasaran daerah sintetis {nomor}"}
        )
        if baru:
            ind = IndikatorDaerah.objects.create(
                sasaran=sd,
                nomor=1,
                nama=f"IKU Pemda sintetis {nomor}",
                satuan="%",
                target_akhir=D(90),
            )
            TargetDaerah.objects.bulk_create(
                TargetDaerah(indikator=ind, tahun=t, target=D(80))
                for t in range(periode.tahun_awal, periode.tahun_akhir + 1)
            )
        daerah.append(sd)
    return periode, daerah


def load_synthetic(n: int, periode, verifikator, *, tahun: int = 2025) -> int:
    """N generated OPDs with a Renstra, a final PK, four triwulan of realisasi and a DPA with
    monthly realisation, for scale tests. Codes SIN-001...; bidang 8.01-8.99, then 9.xx, 6.xx,
    5.xx (codes the demo's own OPDs do not use). Their Renstra follow the synthetic RPJMD
    (rpjmd_sintetis): sasaran s supports sasaran daerah (s - 1) mod 3 + 1, the program
    supports sasaran 1, and the DPA states the indicator, target and year-end realisasi of the
    program and each kegiatan, and an output of each sub kegiatan reported every month (the
    pohon kinerja complete at every level). The values added for the cascade are fixed
    numbers, not drawn from the OPD's random sequence, so every other figure stays as it
    was."""
    if n > BATAS_SINTETIS:
        raise ValueError(f"--synthetic paling banyak {BATAS_SINTETIS} OPD.")
    periode_sintetis, daerah = rpjmd_sintetis(tahun) if n else (None, [])
    dibuat = 0
    for i in range(1, n + 1):
        kode = f"SIN-{i:03d}"
        if OPD.objects.filter(kode=kode).exists():
            continue
        rnd = random.Random(i)
        bidang = f"{URUSAN_SINTETIS[(i - 1) // 99]}.{(i - 1) % 99 + 1:02d}"
        opd = OPD.objects.create(
            kode=kode,
            kode_bidang=bidang,
            nama=f"Dinas Sintetis {i:03d}",
            singkatan=f"DS{i:03d}",
            jenis=OPD.Jenis.DINAS,
        )
        kepala = Pejabat.objects.create(
            nama=f"Kepala Dinas Sintetis {i:03d}", jabatan=f"Kepala Dinas Sintetis {i:03d}", opd=opd
        )
        renstra = Renstra.objects.create(
            opd=opd, tahun_awal=2021, tahun_akhir=2026, periode_rpjmd=periode_sintetis
        )
        tujuan = Tujuan.objects.create(renstra=renstra, nomor=1, uraian="Tujuan sintetis")
        pk = PerjanjianKinerja.objects.create(
            opd=opd,
            tahun=tahun,
            versi=0,
            tanggal=datetime.date(tahun, 1, 2),
            tempat="Magetan",
            pihak_kedua_jabatan="Bupati Magetan",
            **pk_signatory_snapshot(pihak="pihak_pertama", pejabat=kepala),
        )
        realisasi, pk_ind = [], []
        for s in range(1, rnd.randint(2, 4) + 1):
            sasaran = Sasaran.objects.create(tujuan=tujuan, nomor=s, uraian=f"Sasaran sintetis {s}")
            DukunganSasaranDaerah.objects.create(
                sasaran=sasaran, sasaran_daerah=daerah[(s - 1) % 3]
            )
            if s == 1:
                pertama = sasaran
            for j in range(1, rnd.randint(2, 4) + 1):
                ind = IndikatorKinerja.objects.create(
                    sasaran=sasaran,
                    nomor=j,
                    nama=f"Indikator sintetis {s}.{j}",
                    satuan="%",
                    agregasi=rnd.choice(IndikatorKinerja.Agregasi.values),
                    is_iku=j == 1,
                )
                target = D(rnd.randint(60, 100))
                TargetTahunan.objects.create(indikator=ind, tahun=tahun, target=target)
                pk_ind.append(PKIndikator(pk_dokumen=pk, indikator=ind, target=target))
                for tw in range(1, 5):
                    nilai = (target * D(rnd.randint(55, 120)) / 100).quantize(D("0.01"))
                    realisasi.append(
                        Realisasi(
                            indikator=ind,
                            tahun=tahun,
                            triwulan=tw,
                            nilai=nilai,
                            status=Realisasi.Status.DIAJUKAN,
                        )
                    )
        PKIndikator.objects.bulk_create(pk_ind)
        Realisasi.objects.bulk_create(realisasi)
        dpa = DPA.objects.create(opd=opd, tahun=tahun)
        program = Program.objects.create(kode=f"{bidang}.01", nama="Program Penunjang", skema="050")
        ProgramSasaran.objects.create(sasaran=pertama, program=program)
        DPAProgram.objects.create(
            dpa=dpa,
            program=program,
            indikator="Persentase capaian program sintetis",
            target=D(100),
            satuan="%",
            realisasi=D(60 + i % 41),
        )
        rincian_baru = []
        for k in range(1, 4):
            keg = Kegiatan.objects.create(
                program=program, kode=f"{bidang}.01.2.{k:02d}", nama=f"Kegiatan sintetis {k}"
            )
            DPAKegiatan.objects.create(
                dpa=dpa,
                kegiatan=keg,
                indikator=f"Jumlah keluaran kegiatan sintetis {k}",
                target=D(12),
                satuan="Dokumen",
                realisasi=D(6 + (i + k) % 7),
            )
            for sk in range(1, rnd.randint(2, 5) + 1):
                sub = SubKegiatan.objects.create(
                    kegiatan=keg,
                    kode=f"{keg.kode}.{sk:04d}",
                    nama=f"Sub kegiatan sintetis {k}.{sk}",
                )
                rincian_baru.append(
                    RincianDPA(
                        dpa=dpa,
                        kegiatan=keg,
                        sub_kegiatan=sub,
                        pagu=D(rnd.randint(10, 900)) * 1_000_000,
                        indikator=f"Jumlah keluaran sub kegiatan sintetis {k}.{sk}",
                        target=D(12),
                        satuan="Dokumen",
                    )
                )
        RincianDPA.objects.bulk_create(rincian_baru)
        bulanan = []
        for r in RincianDPA.objects.filter(dpa=dpa):
            for bulan in range(1, 13):
                bulanan.append(
                    RealisasiAnggaran(
                        rincian=r,
                        bulan=bulan,
                        realisasi=(r.pagu * D(rnd.randint(3, 10)) / 100).quantize(D("1")),
                        fisik=D(1),
                    )
                )
        RealisasiAnggaran.objects.bulk_create(bulanan)
        PKProgram.objects.create(
            pk_dokumen=pk, program=program, anggaran=sum((r.pagu for r in rincian_baru), D(0))
        )
        pk.status = PerjanjianKinerja.Status.FINAL
        pk.save(update_fields=["status"])
        dibuat += 1
    return dibuat


def jadwal_standar(tahun: int) -> dict[int, tuple[datetime.date, datetime.date]]:
    """The usual windows: the first half of the month after each quarter; TW IV in January."""
    return {
        1: (datetime.date(tahun, 4, 1), datetime.date(tahun, 4, 15)),
        2: (datetime.date(tahun, 7, 1), datetime.date(tahun, 7, 15)),
        3: (datetime.date(tahun, 10, 1), datetime.date(tahun, 10, 15)),
        4: (datetime.date(tahun + 1, 1, 2), datetime.date(tahun + 1, 1, 31)),
    }


def load_tahun_berjalan(opd, pejabat, verifikator, operator, hari_ini: datetime.date):
    """A running year to try the entry pages on: Kecamatan Magetan's 2023 structure carried
    into a demo Renstra that covers this year, its targets, a final PK, the usual input
    windows, and the triwulan before the last one entered and verified. The window of the
    last ended triwulan stays open two more weeks from today, so `make run` always has one
    triwulan to fill in. (Demo data, not from the reference documents.)"""
    tahun = hari_ini.year
    unit = opd[ref.KECAMATAN_2023["opd"]]
    lama = Renstra.objects.get(opd=unit, tahun_awal=ref.KECAMATAN_2023["renstra"][0])
    renstra = Renstra.objects.filter(
        opd=unit, tahun_awal__lte=tahun, tahun_akhir__gte=tahun
    ).first()
    if renstra is None:
        renstra = renstra_copy(
            renstra=lama,
            tahun_awal=lama.tahun_akhir + 1,
            tahun_akhir=max(tahun, lama.tahun_akhir + 3),
        )
        renstra.keterangan = "Contoh demo: struktur Renstra 2018-2023 untuk tahun berjalan."
        renstra.save(update_fields=["keterangan"])
    indikator = list(
        IndikatorKinerja.objects.filter(sasaran__tujuan__renstra=renstra).order_by(
            "sasaran__nomor", "nomor"
        )
    )
    targets = []
    for ind in indikator:
        asal = TargetTahunan.objects.filter(
            indikator__sasaran__tujuan__renstra=lama,
            indikator__sasaran__nomor=ind.sasaran.nomor,
            indikator__nomor=ind.nomor,
            tahun=lama.tahun_akhir,
        ).first()
        target = asal.target if asal else D(80)
        _upsert(TargetTahunan, {"indikator": ind, "tahun": tahun}, {"target": target})
        targets.append((ind, target))
    _pk(
        unit,
        tahun,
        0,
        {
            "tanggal": datetime.date(tahun, 1, 2),
            "tempat": "Magetan",
            "pihak_pertama": pejabat["camat"],
            "pihak_kedua": pejabat["pj_bupati"],
        },
        targets,
        [],
    )
    standar = jadwal_standar(tahun)
    selesai = [tw for tw in range(1, 5) if standar[tw][0] <= hari_ini]
    for tw, (buka, tutup) in standar.items():
        if selesai and tw == selesai[-1]:
            tutup = max(tutup, hari_ini + datetime.timedelta(days=14))
        _upsert(
            JadwalPengisian, {"tahun": tahun, "triwulan": tw}, {"dibuka": buka, "ditutup": tutup}
        )
    for tw in selesai[:-1]:
        for ind, target in targets:
            nilai = (target * D("0.97") + D(tw)).quantize(D("0.01"))
            _upsert(
                Realisasi,
                {"indikator": ind, "tahun": tahun, "triwulan": tw},
                {
                    "nilai": nilai,
                    "status": Realisasi.Status.DIVERIFIKASI,
                    "diisi_oleh": operator,
                    "diverifikasi_oleh": verifikator,
                    "analisis": "Contoh demo.",
                    "solusi": "Contoh demo.",
                },
            )


def load_rpjmd(periode) -> dict[int, SasaranDaerah]:
    """The RPJMD's tujuan and sasaran daerah with their IKU Pemda and yearly targets
    (ref.RPJMD_TUJUAN); the sasaran daerah by number."""
    hasil = {}
    for t in ref.RPJMD_TUJUAN:
        tujuan = _upsert(
            TujuanDaerah,
            {"periode": periode, "nomor": t["nomor"]},
            {"uraian": t["uraian"], "misi": Misi.objects.get(periode=periode, nomor=t["misi"])},
        )
        for nomor, uraian, indikator in t["sasaran"]:
            sasaran = _upsert(SasaranDaerah, {"tujuan": tujuan, "nomor": nomor}, {"uraian": uraian})
            hasil[nomor] = sasaran
            for j, (nama, satuan, polaritas, target, akhir) in enumerate(indikator, start=1):
                ind = _upsert(
                    IndikatorDaerah,
                    {"sasaran": sasaran, "nomor": j},
                    {
                        "nama": nama,
                        "satuan": satuan,
                        "polaritas": polaritas,
                        "target_akhir": D(akhir),
                    },
                )
                for tahun, nilai in target.items():
                    _upsert(TargetDaerah, {"indikator": ind, "tahun": tahun}, {"target": D(nilai)})
    return hasil


def _dukungan_sasaran_daerah(periode, sasaran_daerah: dict[int, SasaranDaerah]) -> None:
    """Link every sasaran of the demo OPDs' Renstra following the period (the running
    year's copy included) to the sasaran
    daerah it supports (ref.DUKUNGAN_SASARAN_DAERAH), as a user would on the Renstra."""
    for s in Sasaran.objects.filter(tujuan__renstra__periode_rpjmd=periode).select_related(
        "tujuan__renstra"
    ):
        nomor = ref.DUKUNGAN_SASARAN_DAERAH.get(s.uraian, ref.DUKUNGAN_SASARAN_DAERAH_LAIN)
        for n in nomor:
            link = DukunganSasaranDaerah(sasaran=s, sasaran_daerah=sasaran_daerah[n])
            link.full_clean(validate_unique=False, validate_constraints=False)
            DukunganSasaranDaerah.objects.get_or_create(sasaran=s, sasaran_daerah=sasaran_daerah[n])


def _sumber_iku_pemda(periode) -> None:
    """Declare the IKU Pemda that an OPD measures (ref.SUMBER_IKU_PEMDA) as taken from that
    OPD's indicator in its Renstra following the period, as Bagian Organisasi would in the
    admin (the model's rule checked)."""
    for nama, (kode_opd, nama_sumber) in ref.SUMBER_IKU_PEMDA.items():
        iku = IndikatorDaerah.objects.get(sasaran__tujuan__periode=periode, nama=nama)
        sumber = IndikatorKinerja.objects.get(
            sasaran__tujuan__renstra__opd__kode=kode_opd,
            sasaran__tujuan__renstra__periode_rpjmd=periode,
            nama=nama_sumber,
        )
        if iku.sumber_id != sumber.pk:  # loaded again: nothing to write, no history row
            iku.sumber = sumber
            iku.full_clean()
            iku.save()


def _pk_bupati(tahun: int) -> None:
    """The Bupati's PK of the year as a draft proposed from the RPJMD's targets: neither
    reference holds the signed PK Bupati, so its date and signature are left to Bagian
    Organisasi."""
    if not PKBupati.objects.filter(tahun=tahun).exists():
        pk_bupati_create(tahun=tahun)


def _lkjip_kabupaten(tahun: int) -> None:
    """The kabupaten's LKjIP of the year as a draft: every chapter's words and both sasaran
    daerah's analyses (ref.NARASI_KABUPATEN_2023), signed by the kepala daerah of the PK
    Bupati, dated later by Bagian Organisasi. A report no longer a draft is left alone."""
    ada = LaporanKinerja.objects.filter(opd=None, tahun=tahun, revisi=0).first()
    if ada is not None and ada.status != LaporanKinerja.Status.DRAFT:
        return
    pk = PKBupati.objects.filter(tahun=tahun).order_by("-versi").first()
    laporan = _upsert(
        LaporanKinerja,
        {"opd": None, "tahun": tahun, "revisi": 0},
        {
            **ref.NARASI_KABUPATEN_2023,
            "tempat": "Magetan",
            "penandatangan": pk.bupati if pk else None,
        },
    )
    for s in sasaran_daerah_tahun(tahun):
        if s.uraian not in ref.ANALISIS_KABUPATEN_2023:
            raise ValueError(f"Analisis demo untuk sasaran daerah “{s.uraian}” tidak ada.")
        _upsert(
            AnalisisSasaran,
            {"laporan": laporan, "sasaran_daerah": s},
            ref.ANALISIS_KABUPATEN_2023[s.uraian],
        )


@transaction.atomic
def load_demo(*, synthetic: int = 0, hari_ini: datetime.date | None = None) -> dict:
    periode, opd, pejabat = load_master()
    users = load_users(opd)
    load_organisasi_2019(periode, opd, pejabat, users["verifikator"])
    load_kecamatan_2023(periode, opd, pejabat, users["verifikator"])
    load_tahun_berjalan(
        opd,
        pejabat,
        users["verifikator"],
        users["operator.kecamatan"],
        hari_ini or timezone.localdate(),
    )
    _dukungan_sasaran_daerah(periode, load_rpjmd(periode))
    _sumber_iku_pemda(periode)
    _pk_bupati(2023)
    _lkjip_kabupaten(2023)
    for tahun in (2019, 2023):  # the years of the two demo reports, evaluated the year after
        muat_lke_bawaan(tahun)
    dibuat = load_synthetic(synthetic, periode, users["verifikator"]) if synthetic else 0
    return {"users": users, "synthetic": dibuat}
