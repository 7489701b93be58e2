"""The words users write (LKjIP narrative, analyses) as Markdown, turned into HTML that is
safe to put in a page and in the PDF: Python-Markdown renders it, nh3 keeps only the tags a
report needs (paragraphs, emphasis, lists, tables, headings below the chapter's own) and
drops every script, style, event handler, link target outside http(s)/mailto and image (a
report's figures come from the data or from the uploaded struktur organisasi, never from a
URL in the text, which the PDF renderer would not fetch anyway).
"""

import re

import markdown as md
import nh3
from django.utils.safestring import SafeString, mark_safe

TAG = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "h3",
    "h4",
    "h5",
    "code",
    "pre",
    "hr",
    "a",
}
ATRIBUT = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}


_ANGKA_SATUAN = re.compile(r"\d %|Rp \d")


def render_markdown(teks: str) -> SafeString:
    """Markdown to sanitised HTML (tables and lists as in GitHub-style text; any raw HTML in
    the text is cleaned by the same rules). Broken Markdown never raises: whatever cannot be
    read as Markdown is shown as text."""
    html = md.markdown(teks or "", extensions=["tables", "sane_lists"], output_format="html")
    bersih = nh3.clean(
        html,
        tags=TAG,
        attributes=ATRIBUT,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    # A typed figure keeps its unit on its line ("113,16 %", "Rp 864.918.744"), in print too.
    bersih = _ANGKA_SATUAN.sub(lambda m: m.group(0).replace(" ", "&nbsp;"), bersih)
    return mark_safe(bersih)  # noqa: S308 - cleaned by nh3 just above
