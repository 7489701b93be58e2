"""Reading an HTML form as a browser sends it, for the tests and the load test
(benchmarks/beban.py): plain Python, no Django, so the load generator can import it too."""

from html.parser import HTMLParser


class Formulir(HTMLParser):
    """The fields a browser sends for one form of a page: disabled fields and buttons are not
    sent, an unchecked checkbox or radio button is not sent, a checked one without value sends
    "on", a select without a selected option sends its first option, a textarea drops the one
    newline that follows its opening tag."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.dalam, self.data = form_id, False, []
        self._textarea = None
        self._select = None  # [name, first option value, chosen value]
        self._awal_textarea = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.dalam = a.get("id") == self.form_id
            return
        if not self.dalam:
            return
        if tag == "option" and self._select is not None:
            nilai = a.get("value", "")
            if self._select[1] is None:
                self._select[1] = nilai
            if "selected" in a:
                self._select[2] = nilai
            return
        nama = a.get("name")
        if not nama or "disabled" in a:
            return
        if tag == "input":
            jenis = a.get("type", "text")
            if jenis in ("file", "submit", "button", "reset", "image"):
                return
            if jenis in ("checkbox", "radio"):
                if "checked" in a:
                    self.data.append((nama, a.get("value") or "on"))
                return
            self.data.append((nama, a.get("value") or ""))
        elif tag == "textarea":
            self._textarea = [nama, ""]
            self._awal_textarea = True
        elif tag == "select":
            self._select = [nama, None, None]

    def handle_data(self, data):
        if self._textarea is not None:
            if self._awal_textarea and data.startswith("\n"):
                data = data[1:]
            self._awal_textarea = False
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.dalam = False
        elif tag == "textarea" and self._textarea is not None:
            self.data.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            nama, pertama, dipilih = self._select
            nilai = dipilih if dipilih is not None else pertama
            if nilai is not None:
                self.data.append((nama, nilai))
            self._select = None


def isian(page: str, form_id: str) -> list[tuple[str, str]]:
    """Every (name, value) pair the browser would send for the form `form_id` of `page`, in
    page order, the CSRF token included."""
    p = Formulir(form_id)
    p.feed(page)
    return p.data
