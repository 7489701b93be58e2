"""The pages of laporan, one module per area: `dasbor` (the dashboard, its export, the
drill-down of one OPD, the recaps), `lkjip` (writing the report), `pdf` (its draft PDF),
`final` (finalising, the stored final PDF, revisions, marking verified), `paket` (the
kabupaten's package of every final report) and `verifikasi` (the public page that checks a
printed final report). Each view parses the request, calls one selector or service of the
app and renders; apps.core.akses.halaman declares who may open it."""
