"""Model fields of our own."""

from django.db import models


class RupiahField(models.DecimalField):
    """An amount of money in rupiah: 18 digits, 2 of them sen. In forms and imports a dot in
    it always groups thousands (apps.core.angka.parse_angka, `rupiah`): `12.500` is twelve
    thousand five hundred, where in an indicator value `1.234` is refused as ambiguous.

    Stored and migrated as a plain DecimalField (deconstruct), so the database and the
    migrations do not know the difference."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DecimalField", args, kwargs
