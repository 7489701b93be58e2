"""Reading an HTML page as a browser sees it, for the tests, the crawler (tests/jelajah.py) and
the load test (benchmarks/beban.py): its links and its forms with every field, and the fields a
browser sends for one form. Plain Python, no Django, so the load generator can import it too."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Isian:
    """One field of a form as the page shows it."""

    nama: str
    tag: str  # input, textarea, select
    jenis: str  # the input's type ("text", "hidden", "file", ...), or the tag
    nilai: str = ""  # value shown (a select: its option chosen as a browser would)
    dicentang: bool = False  # checkbox or radio checked
    pilihan: list = field(default_factory=list)  # a select's option values
    atribut: dict = field(default_factory=dict)


@dataclass
class Formulir:
    """One form: where and how it is sent, its fields in page order, its submit buttons."""

    id: str
    method: str  # "get" or "post"
    action: str  # as written in the page ("" = the page itself)
    enctype: str
    isian: list = field(default_factory=list)
    tombol: list = field(default_factory=list)  # (name, value) of named submit buttons

    def data(self) -> list[tuple[str, str]]:
        """What a browser sends with no button named: disabled fields and buttons are not
        sent, an unchecked checkbox or radio button is not sent, a checked one without value
        sends "on", a select without a selected option sends its first option, a textarea
        drops the one newline that follows its opening tag; file inputs send no file."""
        hasil = []
        for i in self.isian:
            if "disabled" in i.atribut or i.jenis in ("file", "submit", "button", "reset", "image"):
                continue
            if i.jenis in ("checkbox", "radio"):
                if i.dicentang:
                    hasil.append((i.nama, i.atribut.get("value") or "on"))
                continue
            if i.tag == "select" and not i.pilihan:
                continue
            hasil.append((i.nama, i.nilai))
        return hasil


@dataclass
class Halaman:
    tautan: list = field(default_factory=list)  # every a[href] and img[src], in page order
    formulir: list = field(default_factory=list)


class _Pembaca(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.halaman = Halaman()
        self.form: Formulir | None = None
        self._milik_lain: list = []  # (form id, "isian" or "tombol", item): a form="…" owner
        self._textarea: Isian | None = None
        self._awal_textarea = False
        self._select: Isian | None = None
        self._select_dipilih: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "a" and "href" in a:
            self.halaman.tautan.append(a["href"])
            return
        if tag == "img" and "src" in a:  # a picture the page shows must exist too
            self.halaman.tautan.append(a["src"])
            return
        if tag == "form":
            if self.form is not None:  # a browser ignores a form inside a form
                return
            self.form = Formulir(
                id=a.get("id", ""),
                method=(a.get("method") or "get").lower(),
                action=a.get("action", ""),
                enctype=a.get("enctype", "application/x-www-form-urlencoded"),
            )
            self.halaman.formulir.append(self.form)
            return
        if self.form is None and "form" not in a:
            return
        if tag == "option" and self._select is not None:
            nilai = a.get("value", "")
            self._select.pilihan.append(nilai)
            if "selected" in a:
                self._select_dipilih = nilai
            return
        nama = a.get("name")
        if tag == "button" or (tag == "input" and a.get("type") in ("submit", "image")):
            if (a.get("type") or "submit") == "submit" and "disabled" not in a:
                self._tambah(a, "tombol", (nama or "", a.get("value", "")))
            return
        if not nama:
            return
        if tag == "input":
            jenis = (a.get("type") or "text").lower()
            self._tambah(
                a,
                "isian",
                Isian(nama, tag, jenis, a.get("value", ""), dicentang="checked" in a, atribut=a),
            )
        elif tag == "textarea":
            self._textarea = Isian(nama, tag, "textarea", "", atribut=a)
            self._awal_textarea = True
            self._tambah(a, "isian", self._textarea)
        elif tag == "select":
            self._select = Isian(nama, tag, "select", "", atribut=a)
            self._select_dipilih = None
            self._tambah(a, "isian", self._select)

    def _tambah(self, a: dict, jenis: str, item) -> None:
        """A field or button belongs to the form its `form` attribute names, else to the
        form it is in."""
        if "form" in a:
            self._milik_lain.append((a["form"], jenis, item))
        elif self.form is not None:
            getattr(self.form, jenis).append(item)

    def handle_data(self, data):
        if self._textarea is not None:
            if self._awal_textarea and data.startswith("\n"):
                data = data[1:]
            self._awal_textarea = False
            self._textarea.nilai += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None:
            s = self._select
            s.nilai = (
                self._select_dipilih
                if self._select_dipilih is not None
                else (s.pilihan[0] if s.pilihan else "")
            )
            self._select = None


def baca_halaman(page: str) -> Halaman:
    """Every link and every form of a page."""
    p = _Pembaca()
    p.feed(page)
    p.close()
    per_id = {f.id: f for f in reversed(p.halaman.formulir) if f.id}
    for form_id, jenis, item in p._milik_lain:
        if form_id in per_id:
            getattr(per_id[form_id], jenis).append(item)
    return p.halaman


def isian(page: str, form_id: str) -> list[tuple[str, str]]:
    """Every (name, value) pair the browser would send for the form `form_id` of `page`, in
    page order, the CSRF token included."""
    for f in baca_halaman(page).formulir:
        if f.id == form_id:
            return f.data()
    return []
