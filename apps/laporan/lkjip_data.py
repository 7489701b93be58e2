"""The numbers of an LKjIP's tables as data, embedded in the final PDF (PDF/A-3 allows it) as
JSON and as xlsx, so a reader, an auditor or another system takes the figures without
copying them off the page.

Every value is read from the same DokumenLKjIP the PDF is printed from (apps.laporan.lkjip),
rounded as the PDF prints it (half-up, 2 decimals; DOMAIN.md "Computations"), so the data and
the page cannot disagree. A value that cannot be computed is null with its reason in the
row's "Keterangan".
"""

import io
import json
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook

from apps.core.angka import bulatkan
from apps.core.ekspor import isi_sel, lembar_dari, sel_persen
from apps.pengukuran import capaian as engine

from .lkjip import DokumenLKjIP
from .lkjip_kabupaten import DokumenLKjIPKabupaten
from .pohon import pohon_tabel

JUMLAH = "JUMLAH"


@dataclass
class TabelLKjIP:
    """One table of the report: its caption as printed, its column labels and its rows."""

    judul: str
    kolom: list[str]
    baris: list[list] = field(default_factory=list)


def _dua_desimal(nilai) -> Decimal | None:
    return None if nilai is None else bulatkan(Decimal(nilai), 2)


def _alasan(*hasil: engine.Hasil | None) -> str:
    return "; ".join(
        f"tidak dapat dihitung ({h.alasan})"
        for h in hasil
        if h is not None and not h.ada and h.alasan
    )


def _realisasi(hasil: engine.CapaianIndikator | None):
    """The annual value as a number, or the text value of a text indicator, or None."""
    if hasil is None:
        return None
    return _dua_desimal(hasil.tahunan.nilai) if hasil.tahunan.ada else (hasil.tahunan_teks or None)


def _predikat(p) -> str:
    return p.label if p is not None else ""


def _rp(r) -> list:
    return [
        _dua_desimal(r.pagu),
        _dua_desimal(r.realisasi),
        sel_persen(r.serapan, kosong=None),
        _dua_desimal(r.sisa),
        sel_persen(r.efisiensi, kosong=None),
        r.melebihi_pagu,
    ]


KOLOM_RP = [
    "Pagu (Rp)",
    "Realisasi (Rp)",
    "Serapan (%)",
    "Sisa (Rp)",
    "Efisiensi (%)",
    "Melebihi Pagu",
]


def tabel_lkjip(dok: DokumenLKjIP) -> dict[str, TabelLKjIP]:
    """Every numeric table the LKjIP prints: the measurement of the year (Tabel 3.2), the
    capaian of each sasaran and of the organisation, the comparison with the two earlier
    years (seed 003 Tabel 3.2), the progress to the Renstra end target (Tabel 3.3), the
    budget per program, per program/kegiatan/sub kegiatan and per sasaran, the programs
    judged menunjang or not per sasaran (analysis 7), every version of
    the PK printed in the lampiran, and the Renstra matrix."""
    t = dok.tahun
    pengukuran = TabelLKjIP(
        dok.tabel["pengukuran"].label,
        [
            "No Sasaran",
            "Sasaran Strategis",
            "Indikator Kinerja",
            "Satuan",
            "Polaritas",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Predikat",
            "Keterangan",
        ],
    )
    sasaran = TabelLKjIP(
        f"Capaian Kinerja per Sasaran Tahun {t}",
        [
            "No Sasaran",
            "Sasaran Strategis",
            "Jumlah Indikator",
            "Capaian (%)",
            "Predikat",
            "Keterangan",
        ],
    )
    banding = TabelLKjIP(
        f"Perbandingan Realisasi dan Capaian {dok.tahun_banding[0]}-{t}",
        [
            "No Sasaran",
            "Indikator Kinerja",
            "Tahun",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Keterangan",
        ],
    )
    kemajuan = TabelLKjIP(
        "Realisasi terhadap Target Akhir Renstra",
        [
            "No Sasaran",
            "Indikator Kinerja",
            f"Realisasi {t}",
            "Target Akhir Renstra",
            "Tingkat Kemajuan (%)",
            "Keterangan",
        ],
    )
    for s in dok.sasaran:
        for i in s.indikator:
            d = i.data
            pengukuran.baris.append(
                [
                    s.nomor,
                    s.sasaran.uraian,
                    i.indikator.nama,
                    i.indikator.satuan,
                    i.indikator.polaritas,
                    _dua_desimal(d.target) if d.target is not None else (d.target_teks or None),
                    _realisasi(i.hasil),
                    sel_persen(i.hasil.capaian, kosong=None),
                    _predikat(i.hasil.predikat),
                    _alasan(i.hasil.capaian),
                ]
            )
            for b in i.banding:
                h = b.hasil.capaian if b.hasil else None
                banding.baris.append(
                    [
                        s.nomor,
                        i.indikator.nama,
                        b.tahun,
                        _dua_desimal(b.target),
                        _realisasi(b.hasil),
                        sel_persen(h, kosong=None),
                        _alasan(h),
                    ]
                )
            kemajuan.baris.append(
                [
                    s.nomor,
                    i.indikator.nama,
                    _realisasi(i.hasil),
                    _dua_desimal(i.target_akhir)
                    if i.target_akhir is not None
                    else (i.indikator.target_akhir_teks or None),
                    sel_persen(i.kemajuan, kosong=None),
                    _alasan(i.kemajuan),
                ]
            )
        sasaran.baris.append(
            [
                s.nomor,
                s.sasaran.uraian,
                len(s.indikator),
                sel_persen(s.data.capaian, kosong=None),
                _predikat(s.data.predikat),
                _alasan(s.data.capaian),
            ]
        )
    # Analysis 7 (seed 003, Tabel 3.6): each program of a sasaran with its DPA indicator and
    # the OPD's judgement, beside the sasaran's capaian.
    dukungan = TabelLKjIP(
        f"Program Pendukung per Sasaran Tahun {t}",
        [
            "No Sasaran",
            "Sasaran Strategis",
            "Capaian Sasaran (%)",
            "Kode Program",
            "Program",
            "Indikator Program",
            "Target Program",
            "Satuan",
            "Serapan (%)",
            "Menunjang / Tidak Menunjang",
        ],
    )
    for s in dok.sasaran:
        dukungan.baris.extend(
            [
                s.nomor,
                s.sasaran.uraian,
                sel_persen(s.data.capaian, kosong=None),
                p.program.kode,
                p.program.nama,
                p.info.indikator if p.info else "",
                _dua_desimal(p.info.target) if p.info and p.info.target is not None else None,
                p.info.satuan if p.info else "",
                sel_persen(p.rekap.serapan, kosong=None),
                p.keterangan,
            ]
            for p in s.program
        )
    k = dok.kinerja
    sasaran.baris.append(
        [
            None,
            "Capaian kinerja organisasi (rata-rata capaian sasaran)",
            len(k.indikator),
            sel_persen(k.capaian, kosong=None),
            _predikat(k.predikat),
            _alasan(k.capaian),
        ]
    )

    program = TabelLKjIP(dok.tabel["anggaran_program"].label, ["Kode", "Program", *KOLOM_RP])
    rinci = TabelLKjIP(dok.tabel["anggaran_rinci"].label, ["Tingkat", "Kode", "Uraian", *KOLOM_RP])
    per_sasaran = TabelLKjIP(
        dok.tabel["anggaran_sasaran"].label,
        ["No Sasaran", "Sasaran", "Kode Program", "Program", *KOLOM_RP],
    )
    if dok.anggaran is not None:
        for p in dok.program:
            program.baris.append([p.program.kode, p.program.nama, *_rp(p.rekap)])
            rinci.baris.append(["program", p.program.kode, p.program.nama, *_rp(p.rekap)])
            for k in p.kegiatan:
                rinci.baris.append(["kegiatan", k.kegiatan.kode, k.kegiatan.nama, *_rp(k.rekap)])
                rinci.baris.extend(
                    ["sub kegiatan", r.sub_kegiatan.kode, r.sub_kegiatan.nama, *_rp(rr)]
                    for r, rr in k.baris
                    if r.sub_kegiatan
                )
        total = _rp(dok.anggaran.total)
        program.baris.append(["", JUMLAH, *total])
        rinci.baris.append(["", "", JUMLAH, *total])
        for n, a in enumerate(dok.per_sasaran, start=1):
            nomor, uraian = (
                (n, a.sasaran.uraian)
                if a.sasaran is not None
                else (None, "Program yang belum terhubung ke sasaran")
            )
            per_sasaran.baris.append([nomor, uraian, "", "", *_rp(a.total)])
            per_sasaran.baris.extend(
                [nomor, uraian, p.kode, p.nama, *_rp(rk)] for p, rk in a.program
            )
        per_sasaran.baris.append([None, "JUMLAH DPA", "", "", *total])
    return {
        "pengukuran": pengukuran,
        "capaian_sasaran": sasaran,
        "perbandingan": banding,
        "kemajuan_renstra": kemajuan,
        "anggaran_program": program,
        "anggaran_rinci": rinci,
        "anggaran_sasaran": per_sasaran,
        "program_pendukung": dukungan,
        **_tabel_pk(dok),
        "matriks_renstra": _tabel_matriks(dok),
    }


def _tabel_pk(dok: DokumenLKjIP) -> dict[str, TabelLKjIP]:
    """Every version of the year's PK the report prints (Lampiran), its targets and its
    program budgets, as signed (the document's own copies of names and figures)."""
    target = TabelLKjIP(
        f"Target Perjanjian Kinerja Tahun {dok.tahun} (setiap versi)",
        ["Versi", "Status", "Tanggal", "No Sasaran", "Sasaran", "Indikator", "Satuan", "Target"],
    )
    anggaran = TabelLKjIP(
        f"Anggaran Program Perjanjian Kinerja Tahun {dok.tahun} (setiap versi)",
        ["Versi", "Status", "Kode Program", "Program", "Anggaran (Rp)", "Keterangan"],
    )
    for d in dok.pk:
        pk = d.pk
        versi, status = pk.judul, pk.get_status_display()
        tanggal = pk.tanggal.isoformat() if pk.tanggal else None
        target.baris.extend(
            [versi, status, tanggal, t.nomor, t.sasaran, t.indikator, t.satuan, t.target]
            for t in d.target
        )
        anggaran.baris.extend(
            [versi, status, p.kode, p.program, _dua_desimal(p.anggaran), p.keterangan]
            for p in d.program
        )
        anggaran.baris.append([versi, status, "", JUMLAH, _dua_desimal(d.total_anggaran), ""])
    return {"pk_target": target, "pk_anggaran": anggaran}


def _tabel_matriks(dok: DokumenLKjIP) -> TabelLKjIP:
    """The Renstra matrix (program, kegiatan, sub kegiatan with their targets and funding per
    period) as the report's lampiran prints it, rupiah summed from the lowest rows."""
    tabel = TabelLKjIP(
        "Matriks Renstra: Program, Kegiatan dan Pendanaan",
        [
            "Periode",
            "Tingkat",
            "Kode",
            "Uraian",
            "Indikator",
            "Satuan",
            "Target (K)",
            "Target (Rp)",
            "Realisasi (K)",
            "Realisasi (Rp)",
            "Serapan (%)",
            "Melebihi Pagu",
        ],
    )
    for blok in dok.matriks:
        for b in blok.baris:
            r = b.baris
            tabel.baris.append(
                _baris_matriks(
                    blok.periode,
                    (r.get_tingkat_display(), b.kode or r.kode, r.uraian, r.indikator, r.satuan),
                    (r.target_k, b.target_rp, r.realisasi_k, b.realisasi_rp),
                    b.serapan,
                    b.melebihi_pagu,
                )
            )
        tabel.baris.append(
            _baris_matriks(
                blok.periode,
                ("", "", JUMLAH, "", ""),
                (None, blok.target_rp, None, blok.realisasi_rp),
                blok.serapan,
                blok.melebihi_pagu,
            )
        )
    return tabel


def _baris_matriks(periode, uraian: tuple, angka: tuple, serapan, melebihi: bool) -> list:
    """One row of the matrix sheet, a line or a block's JUMLAH: the period, the five words
    (level, code, name, indicator, unit), the four figures (target K and Rp, realisasi K
    and Rp) to two decimals, the absorption and whether it is above the ceiling."""
    return [
        periode,
        *uraian,
        *(_dua_desimal(x) for x in angka),
        sel_persen(serapan, kosong=None),
        melebihi,
    ]


def tabel_kabupaten(dok: DokumenLKjIPKabupaten) -> dict[str, TabelLKjIP]:
    """Every numeric table of the Pemerintah Kabupaten's LKjIP, from the same document the
    PDF prints: the IKU Pemda of the year, each sasaran daerah's capaian, the comparison
    with the earlier years, the progress to the RPJMD end target, the OPD sasaran and the
    programs supporting each sasaran daerah, every OPD's capaian, predikat and budget, the
    budget per program, the PK Bupati's targets and the pohon kinerja."""
    t = dok.tahun
    pengukuran = TabelLKjIP(
        dok.tabel["pengukuran"].label,
        [
            "No Sasaran",
            "Sasaran Daerah",
            "IKU",
            "Satuan",
            "Polaritas",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Predikat",
            "Sumber Realisasi",
            "Keterangan",
        ],
    )
    sasaran = TabelLKjIP(
        f"Capaian Kinerja per Sasaran Daerah Tahun {t}",
        ["No Sasaran", "Sasaran Daerah", "Jumlah IKU", "Capaian (%)", "Predikat", "Keterangan"],
    )
    banding = TabelLKjIP(
        f"Perbandingan Realisasi dan Capaian IKU {dok.tahun_banding[0]}-{t}",
        ["No Sasaran", "IKU", "Tahun", "Target", "Realisasi", "Capaian (%)", "Keterangan"],
    )
    kemajuan = TabelLKjIP(
        "Realisasi terhadap Target Akhir RPJMD",
        [
            "No Sasaran",
            "IKU",
            f"Realisasi {t}",
            "Target Akhir RPJMD",
            "Tingkat Kemajuan (%)",
            "Keterangan",
        ],
    )
    pendukung = TabelLKjIP(
        f"Sasaran Perangkat Daerah dan Program Pendukung Tahun {t}",
        [
            "No Sasaran",
            "Tingkat",
            "Kode OPD",
            "OPD",
            "Kode",
            "Uraian",
            "Capaian (%)",
            "Predikat",
            *KOLOM_RP,
        ],
    )
    for s in dok.sasaran:
        for i in s.indikator:
            pengukuran.baris.append(
                [
                    s.nomor,
                    s.sasaran.uraian,
                    i.indikator.nama,
                    i.indikator.satuan,
                    i.indikator.polaritas,
                    _dua_desimal(i.data.target),
                    _realisasi(i.hasil),
                    sel_persen(i.hasil.capaian, kosong=None),
                    _predikat(i.hasil.predikat),
                    i.data.sumber,
                    _alasan(i.hasil.capaian),
                ]
            )
            for b in i.banding:
                h = b.hasil.capaian if b.hasil else None
                banding.baris.append(
                    [
                        s.nomor,
                        i.indikator.nama,
                        b.tahun,
                        _dua_desimal(b.target),
                        _realisasi(b.hasil),
                        sel_persen(h, kosong=None),
                        _alasan(h),
                    ]
                )
            kemajuan.baris.append(
                [
                    s.nomor,
                    i.indikator.nama,
                    _realisasi(i.hasil),
                    _dua_desimal(i.indikator.target_akhir),
                    sel_persen(i.kemajuan, kosong=None),
                    _alasan(i.kemajuan),
                ]
            )
        sasaran.baris.append(
            [
                s.nomor,
                s.sasaran.uraian,
                len(s.indikator),
                sel_persen(s.capaian, kosong=None),
                _predikat(s.predikat),
                _alasan(s.capaian),
            ]
        )
        for so in s.pendukung:
            pendukung.baris.append(
                [
                    s.nomor,
                    "sasaran OPD",
                    so.opd.kode,
                    so.opd.nama,
                    so.kode,
                    so.nama,
                    sel_persen(so.capaian, kosong=None),
                    _predikat(so.predikat),
                    *([None] * len(KOLOM_RP)),
                ]
            )
        for p in s.program:
            pendukung.baris.append(
                [
                    s.nomor,
                    "program",
                    p.opd.kode,
                    p.opd.nama,
                    p.simpul.kode,
                    p.simpul.nama,
                    sel_persen(p.simpul.capaian, kosong=None),
                    _predikat(p.simpul.predikat),
                    *(_rp(p.anggaran) if p.anggaran else [None] * len(KOLOM_RP)),
                ]
            )
    sasaran.baris.append(
        [
            None,
            "Capaian kinerja Pemerintah Daerah (rata-rata capaian sasaran daerah)",
            dok.jumlah_indikator,
            sel_persen(dok.capaian, kosong=None),
            _predikat(dok.predikat),
            _alasan(dok.capaian),
        ]
    )
    opd = TabelLKjIP(
        dok.tabel["opd"].label,
        [
            "Kode",
            "Perangkat Daerah",
            "Jumlah Sasaran",
            "Jumlah Indikator",
            "Capaian (%)",
            "Predikat",
            *KOLOM_RP,
        ],
    )
    for b in dok.opd:
        opd.baris.append(
            [
                b.opd.kode,
                b.opd.nama,
                b.jumlah_sasaran,
                b.jumlah_indikator,
                sel_persen(b.capaian, kosong=None),
                _predikat(b.predikat),
                *(_rp(b.anggaran) if b.anggaran else [None] * len(KOLOM_RP)),
            ]
        )
    total = dok.total_anggaran
    opd.baris.append(
        [
            "",
            "RATA-RATA / JUMLAH KABUPATEN",
            None,
            None,
            sel_persen(dok.rata_opd, kosong=None),
            "",
            *(_rp(total) if total else [None] * len(KOLOM_RP)),
        ]
    )
    program = TabelLKjIP(
        dok.tabel["anggaran_program"].label, ["Kode", "Program", "Jumlah OPD", *KOLOM_RP]
    )
    for p in dok.program:
        program.baris.append([p.program.kode, p.program.nama, len(p.opd), *_rp(p.rekap)])
    if total:
        program.baris.append(["", JUMLAH, None, *_rp(total)])
    pk = TabelLKjIP(
        f"Target Perjanjian Kinerja Bupati Tahun {t}",
        ["Versi", "Status", "No Sasaran", "Sasaran", "IKU", "Satuan", "Target"],
    )
    if dok.pk_bupati:
        d = dok.pk_bupati
        pk.baris.extend(
            [
                d.pk.judul,
                d.pk.get_status_display(),
                b.nomor,
                b.sasaran,
                b.indikator,
                b.satuan,
                _dua_desimal(b.target),
            ]
            for b in d.baris
        )
    data = pohon_tabel(dok.pohon)
    pohon = TabelLKjIP(f"Pohon Kinerja Tahun {t}", list(data.headers), [list(r) for r in data])
    return {
        "pengukuran": pengukuran,
        "capaian_sasaran": sasaran,
        "perbandingan": banding,
        "kemajuan_rpjmd": kemajuan,
        "pendukung": pendukung,
        "capaian_opd": opd,
        "anggaran_program": program,
        "pk_bupati": pk,
        "pohon_kinerja": pohon,
    }


def _json_nilai(nilai):
    if isinstance(nilai, Decimal):
        return int(nilai) if nilai == nilai.to_integral_value() else float(nilai)
    raise TypeError(type(nilai))


def lkjip_json(dok: DokumenLKjIP, tabel: dict[str, TabelLKjIP], *, kode: str = "") -> bytes:
    """The tables as UTF-8 JSON: the report's identity and, per table, its caption, columns
    and rows (numbers as JSON numbers, rounded as printed)."""
    isi = {
        ("pemda" if dok.kabupaten else "opd"): {"kode": dok.identitas[0], "nama": dok.identitas[1]},
        "tahun": dok.tahun,
        "revisi": dok.laporan.revisi if dok.laporan else 0,
        "kode_verifikasi": kode,
        "tabel": {
            k: {"judul": v.judul, "kolom": v.kolom, "baris": v.baris} for k, v in tabel.items()
        },
    }
    return json.dumps(isi, ensure_ascii=False, indent=1, default=_json_nilai).encode()


def lkjip_xlsx(dok: DokumenLKjIP, tabel: dict[str, TabelLKjIP], *, kode: str = "") -> bytes:
    """The same tables as an xlsx workbook: a first sheet naming the report and each table's
    caption, then one sheet per table (header row, then the rows), every text neutralised
    against formula injection (apps.core.ekspor)."""
    wb = Workbook()
    info = wb.active
    info.title = "Keterangan"
    revisi = dok.laporan.revisi if dok.laporan else 0
    for i, baris in enumerate(
        (
            ["Pemda" if dok.kabupaten else "OPD", " ".join(dok.identitas)],
            ["Tahun", dok.tahun],
            ["Revisi", revisi],
            ["Kode verifikasi", kode],
            [],
            ["Lembar", "TabelLKjIP"],
            *([k, v.judul] for k, v in tabel.items()),
        ),
        1,
    ):
        for j, nilai in enumerate(baris, 1):
            isi_sel(info.cell(row=i, column=j), nilai)
    for kunci, t in tabel.items():
        lembar_dari(wb.create_sheet(kunci), t.kolom, t.baris)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
