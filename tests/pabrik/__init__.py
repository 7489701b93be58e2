"""factory_boy factories for the models tests build outside the demo data, one module per
app (`pabrik.core`, `pabrik.perencanaan`, `pabrik.pengukuran`)."""
