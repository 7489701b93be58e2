"""Analysis 7 of each sasaran judges every program of the year's DPA that supports it as
menunjang or tidak menunjang (seed 003, Tabel 3.6, issue 18): chosen on the LKjIP's editing
page, printed in the program table of the report and its attached data, copied into a
revision, and required before the report is finalised."""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from lkjip_uji import jadikan_final, laporan_kec, potret, siap_final, url_ubah
from perencanaan_uji import formulir_dari, pesan
from realisasi_uji import opd_kecamatan, teks_halaman

from apps.laporan import services
from apps.laporan.lkjip import dokumen_lkjip
from apps.laporan.lkjip_data import tabel_lkjip
from apps.laporan.models import AnalisisSasaran
from apps.laporan.selectors import program_sasaran_dpa

pytestmark = pytest.mark.django_db


def _sasaran_dengan_program():
    """The first sasaran of the Kecamatan's 2023 report with a program in its DPA, and those
    programs."""
    opd = opd_kecamatan()
    sasaran = services.sasaran_lkjip(opd, 2023)
    program = program_sasaran_dpa(opd.pk, 2023, sasaran)
    s = next(s for s in sasaran if program[s.pk])
    return s, program[s.pk]


def _analisis(lap, s) -> AnalisisSasaran:
    return AnalisisSasaran.objects.get(laporan=lap, sasaran=s)


def test_the_page_offers_each_program_and_saves_the_choice_the_report_prints(client, login):
    login("operator.kecamatan")
    s, program = _sasaran_dengan_program()
    p = program[0]
    halaman = client.get(url_ubah())
    html = halaman.content.decode()
    assert f'id="bagian-s{s.pk}-dukungan"' in html
    assert f'name="s{s.pk}-dukungan_{p.pk}"' in html
    # the demo judged every program menunjang, as both reference reports do
    assert _analisis(laporan_kec(), s).menunjang(p.pk) is True

    data = formulir_dari(url_ubah(), "form-lkjip")
    assert data[f"s{s.pk}-dukungan_{p.pk}"] == "1"
    data[f"s{s.pk}-dukungan_{p.pk}"] = "0"
    resp = client.post(url_ubah(), data)
    assert "LKjIP Kecamatan Magetan 2023 tersimpan (1 perubahan)." in pesan(resp)
    lap = laporan_kec()
    a = _analisis(lap, s)
    assert a.dukungan_program[str(p.pk)] is False
    riwayat = a.history.first()
    assert riwayat.history_user.username == "operator.kecamatan"
    assert [c.field for c in riwayat.diff_against(riwayat.prev_record).changes] == [
        "dukungan_program"
    ]
    assert formulir_dari(url_ubah(), "form-lkjip")[f"s{s.pk}-dukungan_{p.pk}"] == "0"

    dok = dokumen_lkjip(opd=lap.opd, tahun=lap.tahun, laporan=lap)
    baris = next(x for x in dok.sasaran if x.sasaran == s).program[0]
    assert (baris.program, baris.keterangan) == (p, "Tidak menunjang")
    cetak = render_to_string("laporan/lkjip_pdf.html", {"dok": dok, "draf": True})
    assert f'<td class="kode">{p.kode}</td>' in cetak
    assert ">Tidak menunjang</td></tr>" in cetak
    tabel = tabel_lkjip(dok)["program_pendukung"]
    assert tabel.kolom[-1] == "Menunjang / Tidak Menunjang"
    ekspor = [b for b in tabel.baris if b[3] == p.kode and b[1] == s.uraian]
    assert [b[-1] for b in ekspor] == ["Tidak menunjang"]


def test_a_choice_outside_the_list_is_refused_with_its_program_named(client, login):
    login("operator.kecamatan")
    s, program = _sasaran_dengan_program()
    p = program[0]
    data = formulir_dari(url_ubah(), "form-lkjip")
    data[f"s{s.pk}-dukungan_{p.pk}"] = "ya"
    data["kesimpulan"] = "Teks yang tidak boleh tersimpan."
    sebelum = potret()
    resp = client.post(url_ubah(), data)
    assert resp.status_code == 200
    assert (
        f"Sasaran {s.tujuan.nomor}.{s.nomor} · Program {p.kode} {p.nama}: pilih Menunjang atau "
        "Tidak menunjang." in teks_halaman(resp)
    )
    assert potret() == sebelum


def test_a_forged_program_of_another_sasaran_or_opd_is_not_stored(client, login):
    login("operator.kecamatan")
    s, program = _sasaran_dengan_program()
    data = formulir_dari(url_ubah(), "form-lkjip")
    data[f"s{s.pk}-dukungan_999999"] = "0"
    client.post(url_ubah(), data)
    assert "999999" not in _analisis(laporan_kec(), s).dukungan_program


def test_the_final_waits_for_every_program_to_be_judged_and_links_to_the_choice(client, login):
    lap = siap_final()
    s, program = _sasaran_dengan_program()
    a = _analisis(lap, s)
    a.dukungan_program = {}
    a.save()
    dok = dokumen_lkjip(opd=lap.opd, tahun=lap.tahun, laporan=lap)
    nomor = next(x.nomor for x in dok.sasaran if x.sasaran == s)
    kurang = {k.teks: k.tautan for k in services.syarat_final(lap, dok)}
    daftar = "; ".join(f"{p.kode} {p.nama}" for p in program)
    assert kurang == {
        f"Sasaran {nomor} ({s.uraian}): program belum dinilai menunjang atau tidak "
        f"menunjang: {daftar}.": f"#bagian-s{s.pk}-dukungan"
    }
    # the draft says so in the table instead of leaving the cell empty
    cetak = render_to_string("laporan/lkjip_pdf.html", {"dok": dok, "draf": True})
    assert ">Belum dinilai</td>" in cetak
    with pytest.raises(services.SyaratBelumLengkap):
        services.laporan_finalize(laporan=lap, user=None)
    # the link leads to the choices on the editing page
    login("operator.kecamatan")
    assert f'id="bagian-s{s.pk}-dukungan"' in client.get(url_ubah()).content.decode()


def test_a_revision_keeps_the_judgements(login):
    lap = siap_final()
    s, program = _sasaran_dengan_program()
    a = _analisis(lap, s)
    a.dukungan_program = {str(program[0].pk): False}
    a.save()
    jadikan_final(lap)
    baru = services.laporan_revisi_create(
        laporan=lap, user=login("verifikator"), alasan="Perbaikan angka."
    )
    assert _analisis(baru, s).dukungan_program == {str(program[0].pk): False}


@pytest.mark.parametrize(
    "nilai", [{"7": "ya"}, {"abc": True}, ["7"], {"7": 1}], ids=["teks", "kunci", "daftar", "angka"]
)
def test_a_judgement_other_than_true_or_false_is_refused(nilai):
    s, _ = _sasaran_dengan_program()
    a = AnalisisSasaran(laporan=laporan_kec(), sasaran=s, dukungan_program=nilai)
    with pytest.raises(ValidationError) as e:
        a.full_clean(exclude=["laporan", "sasaran"], validate_unique=False)
    assert e.value.message_dict["dukungan_program"] == [
        'Program menunjang / tidak menunjang: tiap program ditulis sebagai {"<id program>": '
        "true atau false}."
    ]


@pytest.mark.parametrize(("kode", "tahun"), [("7.01.01", 2023), ("4.01.01.06", 2019)])
def test_the_editing_page_offers_exactly_the_programs_the_report_prints(kode, tahun):
    """The programs judged on the page (program_sasaran_dpa, read without the DPA's totals)
    and those analysis 7 prints (from the DPA's tree) are the same, per sasaran, in order."""
    from apps.core.models import OPD

    opd = OPD.objects.get(kode=kode)
    sasaran = services.sasaran_lkjip(opd, tahun)
    halaman = program_sasaran_dpa(opd.pk, tahun, sasaran)
    dok = dokumen_lkjip(opd=opd, tahun=tahun)
    dicetak = {x.sasaran.pk: [p.program for p in x.program] for x in dok.sasaran}
    assert halaman == dicetak
    assert any(halaman.values())


def test_a_final_report_shows_each_judgement_read_only_in_the_words_the_pdf_prints(client, login):
    lap = siap_final()
    s, program = _sasaran_dengan_program()
    a = _analisis(lap, s)
    a.dukungan_program = {str(program[0].pk): False}
    a.save()
    jadikan_final(lap)
    login("operator.kecamatan")
    resp = client.get(url_ubah())
    teks = teks_halaman(resp)
    assert f"{program[0].kode} {program[0].nama}: Tidak menunjang" in teks
    assert f'name="s{s.pk}-dukungan_' not in resp.content.decode()  # no select on a final
