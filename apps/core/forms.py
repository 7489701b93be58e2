"""Form fields that read and write numbers the Indonesian way (see apps.core.angka)."""

import datetime
import re
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from .angka import AngkaError, format_angka, format_isian, parse_angka
from .fields import RupiahField
from .models import Pejabat
from .validators import normalize_nip, validate_nip

# What every page says when a form is refused: nothing was saved, the fields say why.
TIDAK_DISIMPAN = "Tidak ada yang disimpan: periksa isian yang ditandai."


def report_galat(request, galat, akhir: str = "") -> None:
    """Every message of a refusal on top of the next page: of a service's ValidationError, or
    of an invalid form (pesan_galat: each naming its field); then `akhir` (what the refusal
    means: "Tidak ada yang berubah.") when given."""
    for pesan in pesan_galat(galat) if isinstance(galat, forms.BaseForm) else galat.messages:
        messages.error(request, pesan)
    if akhir:
        messages.error(request, akhir)


def _atribut(attrs: dict) -> SafeString:
    """A widget's attributes as django/forms/widgets/attrs.html writes them: in their
    order, True as a bare name, False left out, values escaped."""
    return mark_safe(
        "".join(
            f" {k}" if v is True else f' {k}="{conditional_escape(v)}"'
            for k, v in attrs.items()
            if v is not False
        )
    )


class InputTanpaTemplat:
    """An <input> widget drawn without its template, the same HTML as
    django/forms/widgets/input.html (as KotakTeks for a textarea)."""

    def render(self, name, value, attrs=None, renderer=None):
        nilai = self.format_value(value)
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            self.input_type,
            name,
            format_html(' value="{}"', nilai) if nilai is not None else "",
            _atribut(self.build_attrs(self.attrs, attrs)),
        )


class Tersembunyi(InputTanpaTemplat, forms.HiddenInput):
    """A hidden input (a row's version, its content hash) drawn without its template."""


class KotakTeks(forms.Textarea):
    """Django's textarea, the same HTML, drawn without its template: the entry page draws
    two per indicator and the Renstra tree page one per row, and the template renderer's
    cost per widget was a sixth of the entry page."""

    def render(self, name, value, attrs=None, renderer=None):
        return format_html(
            '<textarea name="{}"{}>\n{}</textarea>',
            name,
            _atribut(self.build_attrs(self.attrs, attrs)),
            self.format_value(value) or "",
        )


def label_baris(form, konteks: str = "") -> None:
    """Give every field of a row form (a table row of many: a Renstra node, a PK target, an
    indicator's value) an accessible name: its label and the row it belongs to ("Target
    2024 — Indikator 1.1.1"), for a screen reader and axe-core, where the table shows the
    label only once in its header."""
    for nama, field in form.fields.items():
        if not field.widget.is_hidden:
            label = str(field.label or nama)
            field.widget.attrs.setdefault(
                "aria-label", f"{label} — {konteks}" if konteks else label
            )


def teks_field(label: str, maks: int, *, baris: int = 2, wajib: bool = True, **kwargs):
    """A text of at most `maks` characters typed in a box of `baris` lines."""
    return forms.CharField(
        label=label,
        required=wajib,
        max_length=maks,
        widget=KotakTeks(attrs={"rows": baris}),
        **kwargs,
    )


class AngkaInput(InputTanpaTemplat, forms.TextInput):
    """Shows a stored number the way AngkaField reads it back. `1.500` alone is refused as
    ambiguous (one thousand five hundred, or 1,5?), so a whole number with exactly one
    thousands group is shown with its decimals written out: `1.500,00`."""

    input_type = "text"
    desimal = 2
    rupiah = False  # a dot groups thousands in a money field: 1.500 needs no ",00"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal | int):
            if self.rupiah:  # 250.000, or with its sen written out: 250.000,50
                return format_angka(value, 0 if value == int(value) else 2)
            return format_isian(value, self.desimal)
        return super().format_value(value)


class AngkaField(forms.Field):
    """A decimal typed as `1.234.567,89` or `78,2`; refuses what it cannot read unambiguously."""

    widget = AngkaInput

    def __init__(
        self,
        *,
        max_digits=18,
        decimal_places=4,
        boleh_negatif=True,
        min_value=None,
        max_value=None,
        rupiah=False,
        **kwargs,
    ):
        self.rupiah = rupiah
        self.max_digits = max_digits
        self.decimal_places = decimal_places
        self.boleh_negatif = boleh_negatif
        self.min_value = min_value
        self.max_value = max_value
        kwargs.pop("localize", None)
        super().__init__(**kwargs)
        if isinstance(self.widget, AngkaInput):
            self.widget.desimal = decimal_places
            self.widget.rupiah = rupiah

    def to_python(self, value):
        label = capfirst(str(self.label or "Nilai"))
        try:
            nilai = parse_angka(
                value,
                desimal=self.decimal_places,
                boleh_negatif=self.boleh_negatif,
                label=label,
                rupiah=self.rupiah,
            )
        except AngkaError as e:
            raise ValidationError(e.messages[0], code=e.code) from None
        if nilai is None:
            return None
        digits = len(nilai.normalize().as_tuple().digits)
        exp = nilai.normalize().as_tuple().exponent
        bulat = max(digits + exp, 0) if isinstance(exp, int) else digits
        if bulat > self.max_digits - self.decimal_places:
            raise ValidationError(
                f"{label}: terlalu besar; paling banyak {self.max_digits - self.decimal_places} "
                "angka sebelum koma.",
                code="terlalu_besar",
            )
        if self.min_value is not None and nilai < self.min_value:
            raise ValidationError(
                f"{label}: tidak boleh kurang dari {format_angka(self.min_value, None)}.",
                code="min_value",
            )
        if self.max_value is not None and nilai > self.max_value:
            raise ValidationError(
                f"{label}: tidak boleh lebih dari {format_angka(self.max_value, None)}.",
                code="max_value",
            )
        return nilai


def angka_formfield(db_field, **kwargs) -> AngkaField:
    """The AngkaField for a model DecimalField, with its digits and its lower bound; a
    RupiahField reads a dot as a thousands separator."""
    min_value = None
    for v in db_field.validators:
        if getattr(v, "code", "") == "min_value":
            min_value = v.limit_value
    return AngkaField(
        max_digits=db_field.max_digits,
        decimal_places=db_field.decimal_places,
        rupiah=isinstance(db_field, RupiahField),
        boleh_negatif=min_value is None or min_value < 0,
        min_value=min_value,
        required=not db_field.blank,
        label=kwargs.pop("label", db_field.verbose_name),
        help_text=kwargs.pop("help_text", db_field.help_text),
        **{k: v for k, v in kwargs.items() if k in ("initial", "disabled")},
    )


def tahun_field(label: str = "Tahun", *, required: bool = True) -> forms.IntegerField:
    """A year between 2000 and 2100 (the range the models' constraints accept), with messages
    that name the field."""
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": f"{label}: wajib diisi.",
            "invalid": f"{label}: tulis angka tahun, misalnya 2026.",
            "min_value": f"{label}: harus antara 2000 dan 2100.",
            "max_value": f"{label}: harus antara 2000 dan 2100.",
        },
    )


class NIPField(forms.CharField):
    """NIP typed with or without spaces ("19670227 198601 1 001"); stored as 18 digits."""

    def to_python(self, value):
        return normalize_nip(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value:
            validate_nip(value)


class PejabatOPDForm(forms.ModelForm):
    """An official of one OPD (the OPD is the page's, not chosen): who signs its PK and
    LKjIP. Also the admin's form, with the OPD added (apps.core.admin.PejabatForm)."""

    nip = NIPField(
        label="NIP",
        required=False,
        max_length=30,
        help_text="18 angka, boleh ditulis berkelompok: 19670227 198601 1 001.",
    )

    class Meta:
        model = Pejabat
        fields = ["nama", "nip", "pangkat", "jabatan", "status_jabatan", "aktif"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.nip:  # shown in its groups, as it is printed
            self.initial["nip"] = self.instance.nip_tampil


BULAN = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "pebruari": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "nopember": 11,
    "desember": 12,
    "des": 12,
}
_TANGGAL = re.compile(
    r"^\s*(?:(?P<iso>\d{4}-\d{1,2}-\d{1,2})|(?P<d>\d{1,2})[/.\- ](?P<m>\d{1,2}|[A-Za-z]+)"
    r"[/.\- ](?P<y>\d{4}))(?:[ T,]+(?P<jam>\d{1,2})[:.](?P<menit>\d{2}))?\s*$"
)


def parse_tanggal(teks: str, label: str, *, dengan_jam: bool = False):
    """`22 November 2026`, `22/11/2026`, `22-11-2026` or `2026-11-22` (what a date input
    sends); with `dengan_jam` also `… 16.00` or `2026-11-22T16:00`."""
    m = _TANGGAL.match(teks or "")
    if not m or (m["jam"] and not dengan_jam):
        raise ValidationError(
            f"{label}: “{teks}” bukan tanggal; tulis seperti 22 November 2026 atau 22/11/2026.",
            code="invalid",
        )
    try:
        if m["iso"]:
            y, mo, d = (int(x) for x in m["iso"].split("-"))
        else:
            y, d = int(m["y"]), int(m["d"])
            mo = int(m["m"]) if m["m"].isdigit() else BULAN.get(m["m"].lower())
            if mo is None:
                raise ValueError
        hasil = datetime.date(y, mo, d)
        if dengan_jam:
            jam, menit = (int(m["jam"]), int(m["menit"])) if m["jam"] else (23, 59)
            hasil = datetime.datetime(y, mo, d, jam, menit)
    except ValueError:
        raise ValidationError(
            f"{label}: tanggal “{teks}” tidak ada di kalender.", code="invalid"
        ) from None
    return hasil


class TanggalInput(forms.TextInput):
    """A text input that shows a date as Indonesians write it, whatever the browser's
    language (a browser date picker would show mm/dd/yyyy on an English system)."""

    format = "j F Y"
    contoh = "22 November 2026"

    def __init__(self, attrs=None):
        super().__init__(
            {"placeholder": f"contoh: {self.contoh}", "autocomplete": "off", **(attrs or {})}
        )

    def format_value(self, value):
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value) if timezone.is_aware(value) else value
        if isinstance(value, datetime.date):
            return date_format(value, self.format)
        return super().format_value(value)


class TanggalWaktuInput(TanggalInput):
    format = "j F Y H.i"
    contoh = "22 November 2026 16.00"


class TanggalField(forms.DateField):
    """A date typed the Indonesian way: 22 November 2026, 22/11/2026, 2026-11-22."""

    widget = TanggalInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        return parse_tanggal(str(value), str(self.label or "Tanggal"))


class TanggalWaktuField(forms.DateTimeField):
    """A date and time (`22 November 2026 16.00`); a date alone means the end of that day."""

    widget = TanggalWaktuInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value
        hasil = parse_tanggal(str(value), str(self.label or "Waktu"), dengan_jam=True)
        return timezone.make_aware(hasil)


def pesan_galat(form: forms.Form) -> list[str]:
    """A form's errors as sentences that name their field ("Tahun awal: wajib diisi."), for
    pages that answer a refused post with messages rather than the form."""
    hasil = []
    for nama, errs in form.errors.items():
        label = "" if nama == "__all__" else str(form.fields[nama].label or nama)
        for pesan in errs:
            awal = label and not str(pesan).lower().startswith(label.lower())
            hasil.append(f"{capfirst(label)}: {pesan}" if awal else str(pesan))
    return hasil
