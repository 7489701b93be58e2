"""Form fields that read and write numbers the Indonesian way (see apps.core.angka)."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from .angka import AngkaError, format_angka, parse_angka
from .validators import normalize_nip, validate_nip


class AngkaInput(forms.TextInput):
    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal | int):
            return format_angka(value, None, buang_nol=True)
        return super().format_value(value)


class AngkaField(forms.Field):
    """A decimal typed as `1.234.567,89` or `78,2`; refuses what it cannot read unambiguously."""

    widget = AngkaInput

    def __init__(self, *, max_digits=18, decimal_places=4, boleh_negatif=True,
                 min_value=None, max_value=None, **kwargs):
        self.max_digits = max_digits
        self.decimal_places = decimal_places
        self.boleh_negatif = boleh_negatif
        self.min_value = min_value
        self.max_value = max_value
        kwargs.pop("localize", None)
        super().__init__(**kwargs)

    def to_python(self, value):
        label = str(self.label or "Nilai").capitalize()
        try:
            nilai = parse_angka(value, desimal=self.decimal_places,
                                boleh_negatif=self.boleh_negatif, label=label)
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
    """The AngkaField for a model DecimalField, with its digits and its lower bound."""
    min_value = None
    for v in db_field.validators:
        if getattr(v, "code", "") == "min_value":
            min_value = v.limit_value
    return AngkaField(
        max_digits=db_field.max_digits,
        decimal_places=db_field.decimal_places,
        boleh_negatif=min_value is None or min_value < 0,
        min_value=min_value,
        required=not db_field.blank,
        label=kwargs.pop("label", db_field.verbose_name),
        help_text=kwargs.pop("help_text", db_field.help_text),
        **{k: v for k, v in kwargs.items() if k in ("initial", "disabled")},
    )


class NIPField(forms.CharField):
    """NIP typed with or without spaces ("19670227 198601 1 001"); stored as 18 digits."""

    def to_python(self, value):
        return normalize_nip(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value:
            validate_nip(value)
