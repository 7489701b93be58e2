"""The narrative's Markdown rendered for the page and the PDF: what users mean keeps its
form, what could run or load anything is gone, broken Markdown is text."""

import pytest

from apps.laporan.markdown import render_markdown


@pytest.mark.parametrize(
    "teks,ada,tiada",
    [
        ("**Tebal** dan *miring*", ["<strong>Tebal</strong>", "<em>miring</em>"], []),
        ("- satu\n- dua", ["<ul>", "<li>satu</li>"], []),
        ("| a | b |\n|---|---|\n| 1 | 2 |", ["<table>", "<td>1</td>"], []),
        ("<script>alert(1)</script>Teks", ["Teks"], ["<script", "alert(1)"]),
        ("<style>body{color:red}</style>x", ["x"], ["<style", "color:red"]),
        ('<p onclick="alert(1)">klik</p>', ["klik"], ["onclick"]),
        ("[tautan](javascript:alert(1))", ["tautan"], ["javascript:"]),
        ("![gambar](http://contoh.test/x.png)", [], ["<img", "contoh.test"]),
        ('<iframe src="http://contoh.test"></iframe>', [], ["<iframe"]),
        ("# Judul bab palsu", ["Judul bab palsu"], ["<h1"]),
        ("*tidak ditutup **juga", ["*tidak ditutup"], []),
        ("", [], ["<"]),
    ],
)
def test_markdown_keeps_form_and_drops_what_could_run(teks, ada, tiada):
    html = render_markdown(teks)
    for x in ada:
        assert x in html, (teks, html)
    for x in tiada:
        assert x not in html, (teks, html)


def test_a_typed_figure_keeps_its_unit_on_its_line():
    """ "113,16 ⏎ %" and "Rp ⏎ 864.918.744" in the printed report: the space between a typed
    figure and its unit does not break (issue 18, item 3)."""
    html = render_markdown("Capaian **113,16 %** dari pagu Rp 864.918.744 dan 5 % sisa.")
    assert "113,16&nbsp;%" in html and "Rp&nbsp;864.918.744" in html and "5&nbsp;%" in html
    assert "dari pagu" in html  # other spaces are left alone
