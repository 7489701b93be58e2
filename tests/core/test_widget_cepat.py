"""The widgets drawn without a template (apps.core.forms.KotakTeks, AngkaInput, Tersembunyi) write
the same HTML as Django's own widget templates, for every kind of value and attribute a form
gives them: locked (disabled), invalid (aria-*), empty, HTML-looking text."""

from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from apps.core.forms import AngkaInput, KotakTeks, Tersembunyi

NILAI = [None, "", "a<b & \"c\" 'd'", "baris\nkedua", 0, Decimal("1500"), Decimal("78.25")]
ATRIBUT = [
    None,
    {"required": False},
    {"id": "id_i5-analisis", "maxlength": 5000, "disabled": True},
    {"aria-invalid": "true", "aria-describedby": "id_x_error", "class": "angka salah"},
]


class _TextareaDjango(KotakTeks):
    render = forms.Textarea.render


class _InputDjango(AngkaInput):
    render = forms.TextInput.render


class _HiddenDjango(Tersembunyi):
    render = forms.HiddenInput.render


@pytest.mark.parametrize("nilai", NILAI)
@pytest.mark.parametrize("attrs", ATRIBUT)
@pytest.mark.parametrize(
    ("cepat", "django"),
    [
        (KotakTeks(attrs={"rows": 2}), _TextareaDjango(attrs={"rows": 2})),
        (AngkaInput(), _InputDjango()),
        (Tersembunyi(), _HiddenDjango()),
    ],
    ids=["textarea", "angka", "tersembunyi"],
)
def test_same_html_as_djangos_template(cepat, django, nilai, attrs):
    assert cepat.render("i5-nilai", nilai, attrs) == django.render(
        "i5-nilai", nilai, attrs, DjangoTemplates()
    )
