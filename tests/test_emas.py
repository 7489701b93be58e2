"""Every number a user sees of an indicator's year (the entry page of each triwulan, the
drill-down, the LKjIP, the dashboard, its xlsx and the recap) is the same as the golden
record taken before the three loaders of an indicator's year (pengisian_triwulan,
kinerja_opd, capaian_lintas_tahun) became the one read model (apps.pengukuran.kinerja), for
both demo OPDs, the running demo year and 100 synthetic OPDs (tests/emas/potret.py)."""

import datetime
import json
import os
import pathlib

import pytest
from django.utils import timezone
from emas import potret

from apps.core.models import OPD, PeriodeRPJMD, User
from apps.laporan.demo.loader import load_synthetic

SEKARANG = datetime.datetime(2026, 12, 6, 10, 0, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_angka_sama_dengan_rekaman_emas(client, monkeypatch, request):
    monkeypatch.setattr(timezone, "now", lambda: SEKARANG)
    verifikator = User.objects.get(username="verifikator")
    assert load_synthetic(100, PeriodeRPJMD.objects.order_by("tahun_awal").first(), verifikator)
    client.force_login(verifikator)
    opds = list(OPD.objects.order_by("kode"))
    halaman = potret.ambil(client, opds)
    if tujuan := os.environ.get("SAKIP_EMAS_TEKS"):  # the texts themselves, to read a change
        pathlib.Path(tujuan).write_text(json.dumps(halaman, ensure_ascii=False, indent=1))
    ringkasan = potret.ringkas(halaman)
    if request.config.getoption("perbarui_emas"):
        potret.simpan(ringkasan)
    emas = potret.muat()
    assert sorted(ringkasan) == sorted(emas)
    beda_angka, beda_teks = [], []
    for nama, x in ringkasan.items():
        if x["angka"] != emas[nama]["angka"]:
            pasangan = zip(emas[nama]["angka"], x["angka"], strict=False)
            beda_angka.append(
                (nama, len(emas[nama]["angka"]), len(x["angka"]))
                + tuple((a, b) for a, b in pasangan if a != b)[:5]
            )
        elif x["sha256"] != emas[nama]["sha256"]:
            beda_teks.append(nama)
    assert not beda_angka, f"{len(beda_angka)} halaman berbeda angkanya: {beda_angka[:10]}"
    assert not beda_teks, f"{len(beda_teks)} halaman berbeda teksnya: {beda_teks[:10]}"
    # The record covers what it claims: 102 OPDs with a PK, each page with numbers.
    assert sum(1 for n in ringkasan if n.endswith(" lkjip")) >= 102
    assert all(x["angka"] for x in ringkasan.values())
