"""The admin's lists must not run one query per row: every changelist runs the same number of
queries on the demo data and after more OPDs (with all their rows) are added."""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pabrik.core import OPDFactory, UserFactory

from apps.core.models import OPD

pytestmark = pytest.mark.django_db

CHANGELISTS = sorted(
    f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist"
    for m in admin.site._registry
    if m._meta.app_label != "auth"
)


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_changelist_query_counts_do_not_grow_with_the_data(client, login):
    login("admin")  # the role that sees every list, users included
    urls = [reverse(name) for name in CHANGELISTS]
    before = {url: _queries(client, url) for url in urls}
    call_command("load_demo", synthetic=3)
    # Rows that point at other rows in the OPD and user lists too.
    induk = OPD.objects.get(kode="4.01.01")
    for _ in range(3):
        UserFactory(opd=OPDFactory(induk=induk))
    after = {url: _queries(client, url) for url in urls}
    assert after == before


def test_a_dpa_and_its_delete_pages_run_the_same_queries_with_more_lines(client, login):
    """The DPA's page looked up every line's kegiatan and sub kegiatan with queries of their
    own, and the page before a delete wrote every line and month it would take with it (115
    and 171 queries for the Kecamatan's 53 lines, more with every line). Now a fixed number:
    the same with 30 lines more as with 60 more."""
    from decimal import Decimal

    from apps.anggaran.models import DPA, Kegiatan, RealisasiAnggaran, RincianDPA, SubKegiatan

    login("admin")
    dpa = DPA.objects.get(opd__kode="7.01.01", tahun=2023)
    keg = Kegiatan.objects.get(pk=RincianDPA.objects.filter(dpa=dpa).first().kegiatan_id)
    urls = [
        reverse("admin:anggaran_dpa_change", args=[dpa.pk]),
        reverse("admin:anggaran_dpa_delete", args=[dpa.pk]),
        reverse("admin:anggaran_kegiatan_delete", args=[keg.pk]),
    ]

    def tambah(dari):
        for i in range(dari, dari + 30):
            sub = SubKegiatan.objects.create(
                kegiatan=keg, kode=f"{keg.kode}.{900 + i:04d}", nama=f"Sub kegiatan tambahan {i}"
            )
            r = RincianDPA.objects.create(
                dpa=dpa, kegiatan=keg, sub_kegiatan=sub, pagu=Decimal(1_000_000)
            )
            RealisasiAnggaran.objects.create(rincian=r, bulan=1, realisasi=Decimal(10))

    tambah(0)
    for url in urls:
        client.get(url)  # the session's first write
    sebelum = {url: _queries(client, url) for url in urls}
    tambah(30)
    assert {url: _queries(client, url) for url in urls} == sebelum
    assert max(sebelum.values()) <= 80
