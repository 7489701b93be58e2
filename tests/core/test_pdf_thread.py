"""Documents rendered from two threads of one web process (gunicorn runs threads): WeasyPrint
lays out one document at a time per process, and each thread gets its own, whole PDF."""

import gc
import threading
import time

import pytest

from apps.core import pdf


def test_two_threads_never_lay_out_at_the_same_time(monkeypatch):
    sekarang, paling_banyak = [0], [0]
    hitung = threading.Lock()
    asli = pdf.HTML.write_pdf

    def tulis_pelan(self, *args, **kwargs):
        with hitung:
            sekarang[0] += 1
            paling_banyak[0] = max(paling_banyak[0], sekarang[0])
        try:
            time.sleep(0.2)  # long enough for the other thread to arrive meanwhile
            return asli(self, *args, **kwargs)
        finally:
            with hitung:
                sekarang[0] -= 1

    monkeypatch.setattr(pdf.HTML, "write_pdf", tulis_pelan)
    hasil = {}

    def cetak(nama):
        # The base of every printed document, with a DRAF mark to lay out.
        hasil[nama] = pdf.render_pdf("pdf/dokumen.html", {"draf": True, "nama": nama})

    utas = [threading.Thread(target=cetak, args=(f"Dokumen {i}",)) for i in range(2)]
    for u in utas:
        u.start()
    for u in utas:
        u.join(timeout=60)
    assert paling_banyak[0] == 1
    assert set(hasil) == {"Dokumen 0", "Dokumen 1"}
    assert all(isi.startswith(b"%PDF") for isi in hasil.values())


def test_the_garbage_collector_is_paused_during_layout_and_resumes_even_after_a_failure(
    monkeypatch,
):
    """render_pdf pauses Python's cyclic collector while WeasyPrint runs (a quarter of a long
    report's time, benchmarks/pdf.py) and never leaves it off: a process whose collector
    stayed off would grow without bound."""
    asli = pdf.HTML.write_pdf
    selama = []

    def tulis(self, *args, **kwargs):
        selama.append(gc.isenabled())
        return asli(self, *args, **kwargs)

    monkeypatch.setattr(pdf.HTML, "write_pdf", tulis)
    assert gc.isenabled()
    assert pdf.render_pdf("pdf/dokumen.html", {"draf": True}).startswith(b"%PDF")
    assert selama == [False] and gc.isenabled()

    def rusak(self, *args, **kwargs):
        raise RuntimeError("tata letak gagal")

    monkeypatch.setattr(pdf.HTML, "write_pdf", rusak)
    with pytest.raises(RuntimeError):
        pdf.render_pdf("pdf/dokumen.html", {"draf": True})
    assert gc.isenabled()
    # a caller that had paused it itself finds it still paused
    gc.disable()
    try:
        monkeypatch.setattr(pdf.HTML, "write_pdf", tulis)
        pdf.render_pdf("pdf/dokumen.html", {"draf": True})
        assert not gc.isenabled()
    finally:
        gc.enable()
