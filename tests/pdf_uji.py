"""PDF files for the tests, made with pikepdf: a well-formed one-page PDF, and the same with
active content a reader could run (apps.pengukuran.berkas.konten_aktif_pdf)."""

import io

import pikepdf


def _simpan(pdf, **kwargs) -> bytes:
    buf = io.BytesIO()
    pdf.save(buf, **kwargs)
    return buf.getvalue()


def pdf_polos(judul: str = "") -> bytes:
    """A small, well-formed PDF of one blank page, the same bytes for the same `judul`; a
    `judul` (its title) makes its content, and so its hash, different from another's (the
    same file attached twice is kept once)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    if judul:
        pdf.docinfo["/Title"] = judul
    # The trailer /ID pikepdf writes changes with the clock: the same judul gives the same
    # bytes only with an ID computed from the content.
    return _simpan(pdf, deterministic_id=True)


def _aksi(jenis: str, **isi) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name(jenis), **isi))
    # In a compressed object stream: invisible to a search of the raw bytes.
    return _simpan(pdf, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def pdf_javascript() -> bytes:
    return _aksi("/JavaScript", JS=pikepdf.String("app.alert('bukti')"))


def pdf_launch() -> bytes:
    return _aksi("/Launch", F=pikepdf.String("cmd.exe"))


def pdf_berkas_tersemat() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.attachments["program.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00")
    return _simpan(pdf)


def pdf_buka_halaman() -> bytes:
    """An /OpenAction that only opens the first page, fitted: ordinary, not active."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.OpenAction = pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.Fit])
    return _simpan(pdf)


PDF = pdf_polos()
