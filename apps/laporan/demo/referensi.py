"""Demo data copied from the two reference LKjIP documents (row values only).

Every total and percentage the documents print is left out: the product computes them from
these rows. Where the documents are unclear, the choice made is written next to the value.

- Bagian Organisasi Setda Kabupaten Magetan, LKjIP 2019 (5 sasaran, 10 indicator rows).
- Kecamatan Magetan, LKjIP 2023 (Renstra 2018-2023, IKU, PK induk and Perubahan PK 2023,
  realisasi 2021-2023, DPA 2023 by sub kegiatan).

The words of both reports (NARASI_*, ANALISIS_*) and their organisation charts (STRUKTUR_*)
are written for the demo from the facts the documents state, not copied from them.
"""

import re
import textwrap

PEMDA = {
    "nama": "Kabupaten Magetan",
    "ibu_kota": "Magetan",
    "alamat": "Jl. Kartini No. 2, Magetan",
}

RPJMD = {
    "nama": "RPJMD Kabupaten Magetan 2018-2023",
    "tahun_awal": 2018,
    "tahun_akhir": 2023,
    "visi": "Masyarakat Magetan yang SMART Semakin MANTAP dan Lebih Sejahtera",
    "misi": [
        "Meningkatkan percepatan dan perluasan pembentukan sumberdaya yang SMART (Sehat, Maju, "
        "Agamis, Ramah, Terampil)",
        "Meningkatkan perekonomian daerah melalui keberpihakan dan pemberdayaan koperasi dan "
        "usaha mikro sebagai pilar ekonomi kerakyatan serta pemberdayaan masyarakat desa "
        "sebagai basis sekaligus ujung tombak pembangunan daerah",
        "Mengoptimalkan pengelolaan dan pendayagunaan sumberdaya alam yang berwawasan "
        "lingkungan dan berkelanjutan",
        "Memantapkan ketercukupan kuantitas dan kualitas sarana dan fasilitas bagi kegiatan "
        "pelayanan masyarakat",
        "Mengembangkan penyelenggaraan tata pemerintahan yang baik dan manajemen pemerintahan "
        "yang bersih, profesional dan adil",
    ],
}

# The RPJMD's tujuan and sasaran daerah with their IKU Pemda (DOMAIN.md "The kabupaten level").
# Seed 003's Renstra matrix files every program of the Kecamatan under the RPJMD tujuan
# "Meningkatkan Tata Kelola Pemerintahan yang Baik dan Bersih" and its sasaran "Meningkatkan
# Kepuasan Masyarakat Terhadap Pelayanan Publik", measured by the Indeks Kepuasan Masyarakat
# with a target of 80 (skor); both reports serve misi 5. Seed 000 measures the kabupaten's
# reform of its bureaucracy by the share of active KBK (kelompok budaya kerja), 25 % in 2019.
# Neither states other years' targets: the demo keeps each figure over the period.
# (nomor, uraian, [(indikator, satuan, polaritas, {tahun: target}, target akhir)])
RPJMD_TUJUAN = [
    {
        "nomor": 1,
        "misi": 5,
        "uraian": "Meningkatkan Tata Kelola Pemerintahan yang Baik dan Bersih",
        "sasaran": [
            (
                1,
                "Meningkatkan Kepuasan Masyarakat Terhadap Pelayanan Publik",
                [
                    (
                        "Indeks Kepuasan Masyarakat",
                        "skor",
                        "positif",
                        {t: "80" for t in range(2019, 2024)},
                        "80",
                    )
                ],
            ),
            (
                2,
                "Meningkatnya Akuntabilitas Kinerja dan Reformasi Birokrasi",
                [
                    (
                        "Persentase Kelompok Budaya Kerja (KBK) aktif",
                        "%",
                        "positif",
                        {t: "25" for t in range(2019, 2024)},
                        "25",
                    )
                ],
            ),
        ],
    },
]
# Which sasaran daerah each demo OPD sasaran supports (by the sasaran's uraian): seed 003's
# matrix puts "Meningkatnya Kinerja Kecamatan" under the public-service sasaran daerah.
DUKUNGAN_SASARAN_DAERAH = {
    "Meningkatnya Kualitas Pelayanan Publik": [1],
    "Meningkatnya Akuntabilitas Kinerja Kecamatan": [2],
    "Meningkatnya Kinerja Kecamatan": [1, 2],
    "Meningkatnya Pelayanan Prima kepada Masyarakat": [1],
}
DUKUNGAN_SASARAN_DAERAH_LAIN = [2]  # every other sasaran of the two demo Renstra
# The IKU Pemda measured as an indicator of an OPD (IndikatorDaerah.sumber): seed 000 shows
# Bagian Organisasi measuring the kabupaten's mean IKM ("Rata-rata Nilai IKM") and its share
# of active KBK, the two IKU of this RPJMD; their values are that OPD's, typed once there.
# (IKU name: (OPD code, indicator name))
SUMBER_IKU_PEMDA = {
    "Indeks Kepuasan Masyarakat": ("4.01.01.06", "Rata-rata Nilai IKM"),
    "Persentase Kelompok Budaya Kerja (KBK) aktif": ("4.01.01.06", "Persentase KBK Aktif"),
}

# The three scales of DOMAIN.md. Bounds in percent; None = open end.
SKALA = [
    {
        "nama": "Skala 4 tingkat (LKjIP Bagian Organisasi 2019)",
        "sumber": "LKjIP Bagian Organisasi Setda Kab. Magetan 2019, BAB III",
        "tepi": "bawah",
        "rentang": [
            ("Baik Sekali", "85", None, "#1f4e9c"),
            ("Baik", "70", "85", "#1a7f37"),
            ("Cukup Baik", "55", "70", "#f2c12e"),
            ("Kurang Baik", None, "55", "#c0392b"),
        ],
    },
    {
        "nama": "Skala 7 tingkat (LKjIP Kecamatan Magetan 2023)",
        "sumber": "LKjIP Kecamatan Magetan 2023, Pengkategorian Capaian Kinerja",
        "tepi": "bawah",
        "rentang": [
            ("Sangat Memuaskan", "90", None, "#1f4e9c"),
            ("Memuaskan", "80", "90", "#3d8fd1"),
            ("Sangat Baik", "70", "80", "#1a7f37"),
            ("Baik", "60", "70", "#9ac43c"),
            ("Cukup", "50", "60", "#f2c12e"),
            ("Kurang", "30", "50", "#e8772e"),
            ("Sangat Kurang", None, "30", "#c0392b"),
        ],
    },
    {
        "nama": "Permendagri 86/2017 (evaluasi Renja/RKPD)",
        "sumber": "Permendagri 86/2017: ≥91 Sangat Tinggi; 76-90 Tinggi; 66-75 Sedang; "
        "51-65 Rendah; ≤50 Sangat Rendah",
        "tepi": "atas",
        "rentang": [
            ("Sangat Tinggi", "90", None, "#1f4e9c"),
            ("Tinggi", "75", "90", "#1a7f37"),
            ("Sedang", "65", "75", "#f2c12e"),
            ("Rendah", "50", "65", "#e8772e"),
            ("Sangat Rendah", None, "50", "#c0392b"),
        ],
    },
]
SKALA_BAWAAN = "Skala 7 tingkat (LKjIP Kecamatan Magetan 2023)"

# OPD codes: the documents print none; these demo codes follow urusan.bidang.
OPD = [
    {
        "kode": "4.01.01",
        "kode_bidang": "4.01",
        "nama": "Sekretariat Daerah Kabupaten Magetan",
        "singkatan": "Setda",
        "jenis": "sekretariat",
        "induk": None,
        "alamat": "Jl. Kartini No. 2, Magetan",
    },
    {
        "kode": "4.01.01.06",
        "kode_bidang": "4.01",
        "nama": "Bagian Organisasi Sekretariat Daerah Kabupaten Magetan",
        "singkatan": "Bagian Organisasi",
        "jenis": "bagian",
        "induk": "4.01.01",
        "alamat": "Jl. Kartini No. 2, Magetan",
        "skala": "Skala 4 tingkat (LKjIP Bagian Organisasi 2019)",
    },
    {
        "kode": "7.01.01",
        "kode_bidang": "7.01",
        "nama": "Kecamatan Magetan",
        "singkatan": "Kec. Magetan",
        "jenis": "kecamatan",
        "induk": None,
        "alamat": "Jl. Karya Dharma No. 24, Magetan",
        "telepon": "(0351) 895221",
        "email": "kecmagetan11@gmail.com",
        "skala": "Skala 7 tingkat (LKjIP Kecamatan Magetan 2023)",
    },
]

# Officials as the documents print them. Bupati and the Pj. Bupati carry no NIP in the
# documents; neither does the Kepala Bagian Organisasi of 2019.
PEJABAT = [
    {
        "kunci": "bupati",
        "nama": "Dr. Drs. H. SUPRAWOTO, S.H., M.Si.",
        "nip": "",
        "pangkat": "",
        "jabatan": "Bupati Magetan",
        "status_jabatan": "definitif",
        "opd": None,
        "aktif": False,
    },
    {
        "kunci": "pj_bupati",
        "nama": "Ir. HERGUNADI, M.T.",
        "nip": "",
        "pangkat": "",
        "jabatan": "Bupati Magetan",
        "status_jabatan": "pj",
        "opd": None,
        "aktif": True,
    },
    {
        "kunci": "camat_lama",
        "nama": "TRI ATMADI, S.Sos",
        "nip": "196702271986011001",
        "pangkat": "Pembina Tk. I (IV/b)",
        "jabatan": "Camat Magetan",
        "status_jabatan": "definitif",
        "opd": "7.01.01",
        "aktif": False,
    },
    # The LKjIP prints his pangkat as "Pembina TkP" and "Pembina Tk. II" (no such rank);
    # Pembina Tk. I (IV/b), the rank of his predecessor as Camat, is assumed.
    {
        "kunci": "camat",
        "nama": "YUDO WAHYONO, S.Sos., M.Si",
        "nip": "196706061988031011",
        "pangkat": "Pembina Tk. I (IV/b)",
        "jabatan": "Camat Magetan",
        "status_jabatan": "definitif",
        "opd": "7.01.01",
        "aktif": True,
    },
    {
        "kunci": "kabag_organisasi",
        "nama": "Drs. BENNY ADRIAN, M.Si",
        "nip": "",
        "pangkat": "",
        "jabatan": "Kepala Bagian Organisasi Sekretariat Daerah Kabupaten Magetan",
        "status_jabatan": "definitif",
        "opd": "4.01.01.06",
        "aktif": True,
    },
]

# --------------------------------------------------------------------------------------------
# Bagian Organisasi 2019
# --------------------------------------------------------------------------------------------
ORGANISASI_2019 = {
    "opd": "4.01.01.06",
    "renstra": (2019, 2023),
    "tujuan": "Mewujudkan Organisasi yang efektif dan efisien",
    "misi": 5,
    # (sasaran, [(indikator, satuan, target 2019, realisasi 2019)])
    "sasaran": [
        (
            "Meningkatnya Pelayanan Prima kepada Masyarakat",
            [
                ("Rata-rata Nilai IKM", "Nilai", "78.2", "79.41"),
                (
                    "Persentase Perangkat Daerah yang memiliki inovasi pelayanan publik",
                    "%",
                    "38",
                    "47",
                ),
            ],
        ),
        (
            "Meningkatnya Ketatalaksanaan pemerintahan",
            [
                ("Persentase perangkat daerah yang ketatalaksanaannya baik", "%", "52", "58"),
            ],
        ),
        (
            "Kesesuaian kelembagaan dengan Anjab ABK",
            [
                (
                    "Persentase Perangkat Daerah yang kelembagaannya sesuai dengan peraturan yang "
                    "berlaku",
                    "%",
                    "40",
                    "30",
                ),
            ],
        ),
        (
            "Meningkatnya akuntabilitas kinerja perangkat daerah",
            [
                # The PK and the measurement table say 10,1; one BAB III table says 10,01.
                ("Nilai AKIP komponen pelaporan kinerja", "Nilai", "10.1", "11.65"),
            ],
        ),
        (
            "Meningkatnya pengembangan kinerja dan reformasi birokrasi",
            [
                ("Persentase KBK Aktif", "%", "25", "25"),
                ("Nilai RB bidang Ketatalaksanaan", "Nilai", "3.6", "1.65"),
                ("Nilai RB bidang Penataan dan Penguatan Organisasi", "Nilai", "5.3", "1.49"),
                ("Nilai RB bidang Pelayanan Publik", "Nilai", "5.2", "2.48"),
                ("Nilai RB bidang Akuntabilitas Kinerja", "Nilai", "4.85", "2.14"),
            ],
        ),
    ],
    # The report gives neither the PK's date nor the Sekretaris Daerah's name: the PK is
    # recorded as signed in January 2019 (PKs are signed early in the year; printed as
    # "Januari 2019") with the pihak kedua known by jabatan only.
    "pk": {
        "tanggal": "2019-01-02",
        "tanggal_lengkap": False,
        "pihak_pertama": "kabag_organisasi",
        "pihak_kedua_jabatan": "Sekretaris Daerah Kabupaten Magetan",
    },
    # Budget 2019, pre-2021 nomenclature (program -> kegiatan, no sub kegiatan). The report
    # prints neither codes nor the kegiatan-to-program mapping: programs are those listed in
    # BAB II, each kegiatan is placed under the program of its name, and the codes are demo
    # codes in the old format. Each program supports the sasaran whose table lists its
    # kegiatan. "Fasilitasi Pemantapan SOTK" appears only in the Sasaran 3 table (not in the
    # budget table of BAB III C, whose 7 rows add up to 888.000.000): it is a kegiatan of the
    # DPA and is entered, so the computed OPD total is 1.018.000.000.
    "program": [
        (
            "4,01,03,21",
            "Program Peningkatan Kualitas Pelayanan Publik",
            1,
            [
                ("4,01,03,21,01", "Survei Indeks Kepuasan Masyarakat", "140000000", "132498392"),
                (
                    "4,01,03,21,02",
                    "Peningkatan Kinerja Penyelenggaraan Pelayanan Publik",
                    "130000000",
                    "122167208",
                ),
            ],
        ),
        (
            "4,01,03,22",
            "Program Peningkatan Pengembangan Sistem dan Prosedur Ketatalaksanaan",
            2,
            [
                ("4,01,03,22,01", "Pengembangan Ketatalaksanaan", "83000000", "72294588"),
            ],
        ),
        (
            "4,01,03,23",
            "Program Penataan Kelembagaan Perangkat Daerah",
            3,
            [
                (
                    "4,01,03,23,01",
                    "Fasilitasi Pemantapan SOTK Perangkat Daerah",
                    "130000000",
                    "100660885",
                ),
                (
                    "4,01,03,23,02",
                    "Penyusunan Instrumen Analisis Jabatan PNS",
                    "70000000",
                    "60188582",
                ),
            ],
        ),
        (
            "4,01,03,24",
            "Program Pengembangan Kinerja Perangkat Daerah",
            4,
            [
                (
                    "4,01,03,24,01",
                    "Akuntabilitas Kinerja Instansi Pemerintah Daerah",
                    "295000000",
                    "252381937",
                ),
            ],
        ),
        (
            "4,01,03,25",
            "Program Pembinaan dan Pengembangan Aparatur",
            5,
            [
                ("4,01,03,25,01", "Budaya Kinerja Pemerintah Daerah", "70000000", "60348140"),
                ("4,01,03,25,02", "Pengembangan Reformasi Birokrasi", "100000000", "64379012"),
            ],
        ),
    ],
}

# --------------------------------------------------------------------------------------------
# Kecamatan Magetan 2023
# --------------------------------------------------------------------------------------------
IKU_PREDIKAT = {
    "definisi_operasional": "Skor Evaluasi Kinerja Kecamatan. Aspek yang dievaluasi "
    "berdasarkan Peraturan Presiden Nomor 17 Tahun 2018 tentang Kecamatan, Pasal 33.",
    "formula": "Skor hasil evaluasi kinerja kecamatan",
    "sumber_data": "Penilaian Kinerja Kecamatan oleh Bagian Pemerintahan Setdakab",
    "penanggung_jawab": "Kecamatan Magetan",
}

KECAMATAN_2023 = {
    "opd": "7.01.01",
    "renstra": (2018, 2023),
    "tujuan": "Meningkatkan Kepuasan Masyarakat terhadap Pelayanan Publik",
    "misi": 5,
    # The LKjIP measures three sasaran (Tabel 2.3, 3.2-3.4) while its Tabel 2.1 and the signed
    # PK name one sasaran "Meningkatnya Kinerja Kecamatan". Both are kept: the three indicators
    # of Tabel 3.2 and, under "Meningkatnya Kinerja Kecamatan", the indicator of the signed PK
    # ("Kecamatan berpredikat kinerja baik": 80, revised to 75), realisasi 90,13 as the
    # report's "Pencapaian Kinerja" table gives it.
    # (sasaran, [(indikator, satuan, iku, {tahun: target Renstra}, target akhir,
    #             {tahun: realisasi}, {"induk": target PK, "perubahan": target PK})])
    "sasaran": [
        (
            "Meningkatnya Kualitas Pelayanan Publik",
            [
                (
                    "Indeks Kepuasan Masyarakat",
                    "Nilai",
                    False,
                    {2022: "80", 2023: "85"},
                    "90.10",
                    {2021: "87.02", 2022: "88.89", 2023: "90.02"},
                    {"induk": "85", "perubahan": "85"},
                ),
            ],
        ),
        (
            "Meningkatnya Akuntabilitas Kinerja Kecamatan",
            [
                (
                    "Nilai SAKIP Kecamatan",
                    "Nilai",
                    False,
                    {2022: "80", 2023: "80"},
                    "87.40",
                    {2021: "85.07", 2022: "83.55", 2023: "87.29"},
                    {"induk": "80", "perubahan": "80"},
                ),
            ],
        ),
        (
            "Meningkatnya Kinerja Kecamatan",
            [
                (
                    "Predikat Kinerja Kecamatan",
                    "Nilai",
                    True,
                    {2022: "71", 2023: "70"},
                    "87.50",
                    {2021: "76.1", 2022: "87.30", 2023: "90.13"},
                    {"induk": "70", "perubahan": "70"},
                ),
                (
                    "Kecamatan berpredikat kinerja baik",
                    "Nilai",
                    False,
                    {},
                    None,
                    {2023: "90.13"},
                    {"induk": "80", "perubahan": "75"},
                ),
            ],
        ),
    ],
    "pk": [
        {
            "versi": 0,
            "tanggal": "2023-01-02",
            "tanggal_lengkap": True,
            "pihak_pertama": "camat_lama",
            "pihak_kedua": "bupati",
            "program": {
                "7.01.01": "6142999541",
                "7.01.02": "16398050",
                "7.01.03": "37690000",
                "7.01.04": "59382850",
                "7.01.06": "12427500",
            },
        },
        # Signed "Magetan, Nopember 2023": the day is not printed.
        {
            "versi": 1,
            "tanggal": "2023-11-01",
            "tanggal_lengkap": False,
            "alasan": "pejabat",
            "keterangan": "Pergantian Camat Magetan dan penetapan Pj. Bupati Magetan; target "
            "indikator Kecamatan berpredikat kinerja baik dan anggaran program disesuaikan.",
            "pihak_pertama": "camat",
            "pihak_kedua": "pj_bupati",
            "program": {
                "7.01.01": "5056021977",
                "7.01.02": "9006800",
                "7.01.03": "29951700",
                "7.01.04": "56766850",
                "7.01.06": "9245500",
            },
        },
    ],
    # Program -> sasaran it supports (Renstra matrix: every program under "Meningkatnya
    # Kinerja Kecamatan"; Tabel 3.6 pairs the supporting program with the IKM sasaran).
    "program_sasaran": {
        "7.01.01": ["Meningkatnya Kualitas Pelayanan Publik", "Meningkatnya Kinerja Kecamatan"],
        "7.01.02": ["Meningkatnya Kinerja Kecamatan"],
        "7.01.03": ["Meningkatnya Kinerja Kecamatan"],
        "7.01.04": ["Meningkatnya Kinerja Kecamatan"],
        "7.01.06": ["Meningkatnya Kinerja Kecamatan"],
    },
}

# DPA 2023 of Kecamatan Magetan, written as in the document (supporting program codes without
# urusan/bidang, two-digit sub kegiatan numbers); the loader reads them in the OPD's context.
# (kode, nama, indikator, target, satuan[, pagu, realisasi s.d. Desember])
DPA_KECAMATAN_2023 = [
    (
        "01",
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        "Indeks Kepuasan Masyarakat",
        "80",
        "Skor",
    ),
    (
        "01.2.01",
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        "Jumlah Perencanaan Penganggaran dan Evaluasi Kinerja Perangkat Daerah",
        "15",
        "Dokumen",
    ),
    (
        "01.2.01.01",
        "Penyusunan Dokumen Perencanaan Perangkat Daerah",
        "Jumlah Dokumen Perencanaan, Penganggaran dan Capaian Kinerja Perangkat Daerah yang "
        "disusun",
        "15",
        "Dokumen",
        "20633680",
        "18699500",
    ),
    (
        "01.2.02",
        "Administrasi Keuangan Perangkat Daerah",
        "Jumlah Administrasi Keuangan Perangkat Daerah",
        "62",
        "Dokumen",
    ),
    (
        "01.2.02.01",
        "Penyediaan Gaji dan Tunjangan ASN",
        "Jumlah Terpenuhinya Kebutuhan Gaji dan Tunjangan ASN",
        "44",
        "Bulan",
        "5653251605",
        "5530595128",
    ),
    (
        "01.2.02.07",
        "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD",
        "Jumlah Penyusunan Dokumen Perencanaan Kinerja dan Keuangan",
        "18",
        "Dokumen",
        "3894000",
        "3894000",
    ),
    (
        "01.2.06",
        "Administrasi Umum Perangkat Daerah",
        "Jumlah Administrasi Umum Perangkat Daerah",
        "315",
        "Bulan",
    ),
    (
        "01.2.06.01",
        "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
        "Jumlah penyediaan komponen instalasi listrik",
        "60",
        "Bulan",
        "36764768",
        "36647703",
    ),
    (
        "01.2.06.02",
        "Penyediaan Peralatan dan Perlengkapan Kantor",
        "Jumlah Penyediaan peralatan dan perlengkapan kantor",
        "10",
        "Unit",
        "291089898",
        "284226740",
    ),
    (
        "01.2.06.03",
        "Penyediaan Peralatan Rumah Tangga",
        "Prosentase Jumlah Penyediaan Peralatan dan Perlengkapan Rumah Tangga",
        "60",
        "Bulan",
        "58704147",
        "57453830",
    ),
    (
        "01.2.06.04",
        "Penyediaan Bahan Logistik Kantor",
        "Jumlah Penyediaan Bahan logistik Kantor",
        "60",
        "Bulan",
        "188152100",
        "186423800",
    ),
    (
        "01.2.06.05",
        "Penyediaan Barang Cetakan dan Penggandaan",
        "Jumlah Penyediaan Barang Cetakan dan Penggandaan",
        "60",
        "Bulan",
        "52327800",
        "51857900",
    ),
    (
        "01.2.06.06",
        "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan",
        "Jumlah Kebutuhan Koran Selama Setahun",
        "60",
        "Bulan",
        "20440000",
        "20440000",
    ),
    (
        "01.2.06.09",
        "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
        "Jumlah Penyediaan Perjalanan Dinas Dalam dan Luar Daerah",
        "5",
        "Tahun",
        "97500000",
        "94605528",
    ),
    (
        "01.2.08",
        "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
        "Jumlah Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
        "160",
        "Bulan",
    ),
    (
        "01.2.08.02",
        "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
        "Jumlah Penyediaan Jasa Komunikasi Sumber Daya Air dan Listrik",
        "60",
        "Bulan",
        "96882926",
        "67652357",
    ),
    # The document codes this line 01.2.08.02 too; the nomenclature numbers it 01.2.08.03.
    (
        "01.2.08.03",
        "Penyediaan Jasa Peralatan dan Perlengkapan Kantor",
        "Jumlah Penyediaan Jasa perlengkapan kantor",
        "40",
        "Unit",
        "60101760",
        "55277300",
    ),
    (
        "01.2.08.04",
        "Penyediaan Jasa Pelayanan Umum Kantor",
        "Jumlah Penyediaan Jasa Kebersihan dan Keamanan Kantor",
        "60",
        "Bulan",
        "1309199350",
        "1281807500",
    ),
    (
        "01.2.09",
        "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
        "Jumlah Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
        "85",
        "Bulan",
    ),
    (
        "01.2.09.01",
        "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan "
        "Perorangan Dinas atau Kendaraan Dinas Jabatan",
        "Jumlah Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Perorangan dinas dan "
        "Perizinan Kendaraan Dinas Jabatan",
        "75",
        "Kali",
        "57550900",
        "110393396",
    ),
    (
        "01.2.09.09",
        "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
        "Jumlah Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya yang di "
        "Pelihara/Direhabilitasi",
        "5",
        "Kegiatan",
        "216161900",
        "214356736",
    ),
    (
        "01.2.09.10",
        "Pemeliharaan/Rehabilitasi Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya",
        "Jumlah Perlengkapan Pemeliharaan Gedung/Kantor yang Dipelihara",
        "5",
        "Kegiatan",
        "81796551",
        "81279980",
    ),
    (
        "7.01.02",
        "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
        "Persentase Desa/Kelurahan Dengan Nilai Monev Terpadu Minimal 80",
        "80",
        "Nilai",
    ),
    (
        "7.01.02.2.01",
        "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
        "Jumlah Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
        "25",
        "Kegiatan",
    ),
    (
        "7.01.02.2.01.02",
        "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
        "Jumlah Kegiatan Pemerintahan di Kecamatan",
        "25",
        "Kegiatan",
        "16398050",
        "13952600",
    ),
    (
        "7.01.03",
        "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
        "Persentase Desa/Kelurahan dengan Nilai Monev Terpadu Minimal 80",
        "80",
        "Nilai",
    ),
    (
        "7.01.03.2.01",
        "Koordinasi Kegiatan Pemberdayaan Desa",
        "Jumlah Koordinasi Kegiatan Pemberdayaan Desa",
        "70",
        "Kegiatan",
    ),
    (
        "7.01.03.2.01.03",
        "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
        "Jumlah kegiatan Pemberdayaan Sosial Masyarakat di kecamatan",
        "70",
        "Kegiatan",
        "37690000",
        "35969600",
    ),
    (
        "7.01.03.2.02",
        "Kegiatan Pemberdayaan Kelurahan",
        "Jumlah Kegiatan Pemberdayaan Kelurahan",
        "164",
        "Kegiatan",
    ),
    (
        "7.01.03.2.02.02",
        "Pembangunan Sarana dan Prasarana Kelurahan",
        "Jumlah Kegiatan Pembangunan Sarana dan Prasarana Kelurahan",
        "41",
        "Kegiatan",
        "3629715399",
        "3563308005",
    ),
    (
        "7.01.03.2.02.03",
        "Pemberdayaan Masyarakat di Kelurahan",
        "Jumlah kegiatan pemberdayaan masyarakat di Kelurahan",
        "84",
        "Kegiatan",
        "2815234890",
        "2771866922",
    ),
    (
        "7.01.03.2.02.04",
        "Evaluasi Kelurahan",
        "Jumlah kegiatan evaluasi di wilayah kelurahan",
        "39",
        "Kegiatan",
        "683682714",
        "679338700",
    ),
    (
        "7.01.04",
        "PROGRAM KOORDINASI KETENTERAMAN DAN KETERTIBAN UMUM",
        "Persentase Desa/Kelurahan dengan Nilai Monev Terpadu Minimal 80",
        "80",
        "Nilai",
    ),
    (
        "7.01.04.2.01",
        "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
        "Jumlah Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
        "50",
        "Kegiatan",
    ),
    (
        "7.01.04.2.01.01",
        "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara "
        "Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan",
        "Jumlah Kegiatan Forkompimca di Kecamatan",
        "50",
        "Kegiatan",
        "59382850",
        "56539400",
    ),
    (
        "7.01.06",
        "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
        "Persentase Desa/Kelurahan dengan Nilai Monev Terpadu Minimal 80",
        "80",
        "Nilai",
    ),
    (
        "7.01.06.2.01",
        "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
        "Jumlah Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
        "20",
        "Kegiatan",
    ),
    (
        "7.01.06.2.01.02",
        "Fasilitasi Administrasi Tata Pemerintahan Desa",
        "Jumlah Kegiatan Tata Kelola desa di Kecamatan",
        "20",
        "Kegiatan",
        "12427500",
        "11641500",
    ),
]

# The LKjIP reports the realisation up to 31 December 2023 as one figure per line.
KETERANGAN_REALISASI_TAHUNAN = "Realisasi s.d. 31 Desember (sumber LKjIP; tidak dirinci per bulan)"


def _md(teks: str) -> str:
    """Markdown written wrapped in this file, stored as an editor would type it: one line per
    paragraph, list item or table row (a line that starts none of them continues the line
    above), paragraphs separated by one blank line."""
    baris: list[str] = []
    for b in textwrap.dedent(teks).strip().splitlines():
        b = b.strip()
        if b and baris and baris[-1] and not re.match(r"(- |\d+\. |\|)", b):
            baris[-1] += " " + b
        else:
            baris.append(b)
    return "\n".join(baris)


# --------------------------------------------------------------------------------------------
# The words of the two demo reports: every narrative section (apps.laporan.models.NARASI) and,
# per sasaran (by its uraian), the analyses of BAB III (ANALISIS). Written for the demo in
# the register of a kabupaten's report from the facts, names, legal bases and figures the
# reference documents state; no sentence of theirs is copied (tests/laporan/
# test_demo_narasi.py). What the product computes (capaian, predikat, totals, serapan) is
# printed by the report from the data: the words name it, they never type it. A figure here
# is a fact the documents state that the data does not hold (area, population, the
# kabupaten's SAKIP score).
# --------------------------------------------------------------------------------------------

NARASI_KECAMATAN_2023 = {
    "kata_pengantar": _md(
        """
        Dengan memanjatkan syukur kepada Tuhan Yang Maha Esa, Kecamatan Magetan menyampaikan
        Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2023. Laporan ini adalah wujud
        pertanggungjawaban Camat atas program dan kegiatan yang diamanatkan kepada Kecamatan
        Magetan selama satu tahun anggaran, sekaligus alat untuk menilai secara rinci dan
        terukur hasil kerja sekretariat dan setiap seksi sesuai tugas dan fungsinya.

        Laporan ini disusun untuk memenuhi dua instruksi presiden, yakni Instruksi Presiden
        Nomor 7 Tahun 1999 mengenai akuntabilitas kinerja instansi pemerintah dan Instruksi
        Presiden Nomor 5 Tahun 2004 mengenai percepatan pemberantasan korupsi, dengan mengikuti
        ketentuan Sistem Akuntabilitas Kinerja Instansi Pemerintah yang berlaku.

        Sepanjang tahun, kami berusaha menjaga ketertiban pada setiap tahap pekerjaan: sejak
        program disusun, dilaksanakan dan dibiayai, hingga diawasi dan dilaporkan. Kami
        berharap laporan ini menjadi pijakan dalam merencanakan dan menjalankan program kerja
        tahun-tahun berikutnya.

        Terima kasih kami sampaikan kepada semua pihak yang telah membantu tersusunnya laporan
        ini.
        """
    ),
    "ikhtisar_eksekutif": _md(
        """
        Laporan ini mempertanggungjawabkan pelaksanaan tugas dan fungsi Kantor Kecamatan
        Magetan pada Tahun Anggaran 2023, baik capaian kinerjanya maupun penggunaan
        anggarannya, dalam rangka mewujudkan visi, misi, tujuan dan sasaran yang telah
        ditetapkan. Kinerja diukur terhadap Perubahan Perjanjian Kinerja Tahun 2023 yang
        ditandatangani setelah pergantian Camat Magetan dan penetapan Pj. Bupati Magetan.

        Pokok-pokok hasil tahun 2023:

        - Seluruh indikator kinerja mencapai atau melampaui targetnya, sehingga ketiga sasaran
          strategis memperoleh predikat tertinggi pada skala penilaian kecamatan.
        - Indeks Kepuasan Masyarakat terus naik selama tiga tahun terakhir, ditopang layanan
          yang cepat, tepat dan hemat waktu di kantor kecamatan.
        - Nilai SAKIP Kecamatan melampaui target, walaupun pemahaman aparatur atas dokumen
          SAKIP masih perlu diperkuat.
        - Skor evaluasi kinerja kecamatan oleh Bagian Pemerintahan Setdakab meningkat setiap
          tahun dan telah melewati target akhir Renstra, seiring pembinaan administrasi dan
          keuangan di seluruh desa dan kelurahan.
        - Anggaran hampir seluruhnya terserap; sisa pagu terutama berasal dari belanja gaji dan
          tunjangan karena ada pegawai yang pensiun dan dimutasi.

        Tantangan utama ke depan adalah terbatasnya jumlah dan kemampuan aparatur, terutama
        pengelola keuangan, yang akan dijawab dengan koordinasi yang lebih intensif,
        peningkatan kapasitas dan inovasi pelayanan.
        """
    ),
    "latar_belakang": _md(
        """
        Tata kelola pemerintahan yang baik menuntut setiap instansi menjelaskan hasil kerjanya
        secara terbuka dan terukur kepada pihak yang memberinya amanah. Akuntabilitas kinerja
        berarti kewajiban menerangkan keberhasilan maupun kegagalan dalam menjalankan misi
        organisasi, yang dilakukan secara berkala melalui laporan. Tanpa sistem
        pertanggungjawaban yang jelas dan sah, sulit dipastikan bahwa pemerintahan dan
        pembangunan berjalan berdaya guna, berhasil guna, bersih, serta bebas dari korupsi,
        kolusi dan nepotisme. Karena itu diperlukan komitmen bersama pemerintah dan
        masyarakat, koordinasi yang baik, serta aparatur yang berintegritas dan profesional.

        Kewajiban menyusun laporan kinerja berpijak pada ketentuan berikut:

        - Ketetapan MPR Nomor XI/MPR/1998 tentang Penyelenggaraan Negara yang Bersih dan Bebas
          Korupsi, Kolusi dan Nepotisme, beserta Undang-Undang Nomor 28 Tahun 1999 yang
          menjabarkannya, sebagai landasan penyelenggaraan negara yang bersih;
        - Instruksi Presiden Nomor 7 Tahun 1999 tentang Akuntabilitas Kinerja Instansi
          Pemerintah, awal kewajiban pelaporan akuntabilitas kinerja;
        - Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi
          Pemerintah, yang mengatur penyelenggaraan SAKIP saat ini;
        - Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian
          Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi
          Pemerintah, yang menjadi petunjuk teknis penyusunan laporan ini.

        LKjIP Kecamatan Magetan Tahun 2023 adalah laporan Camat kepada Bupati tentang kemajuan
        penyelenggaraan pemerintahan di wilayahnya, dan realisasi yang dimuat adalah hasil
        kegiatan tahun 2023. Laporan ini memiliki dua kegunaan. Bagi pihak di luar organisasi,
        laporan menjadi sarana pertanggungjawaban dan menunjukkan seberapa jauh visi dan misi
        telah diwujudkan. Bagi pimpinan kecamatan sendiri, laporan menjadi bahan untuk
        memperbaiki kinerja secara berkelanjutan.

        **Gambaran umum wilayah.** Kecamatan Magetan terletak di bagian barat Kabupaten Magetan
        pada ketinggian 120 sampai 180 meter di atas permukaan laut, dengan luas 39,45 km².
        Wilayahnya terdiri atas 2.088,80 ha lahan sawah dan 1.855,7 ha lahan kering. Padi,
        jagung, kacang tanah dan kedelai menjadi hasil utama, ditambah buah-buahan seperti
        mangga, rambutan, pepaya dan nangka; pertanian adalah potensi terbesar kecamatan ini.
        Di sebelah barat kecamatan berbatasan dengan Kecamatan Plaosan dan Kecamatan Sidorejo,
        di utara dengan Kecamatan Panekan, di timur dengan Kecamatan Sukomoro, dan di selatan
        dengan Kecamatan Ngariboyo.

        Menurut data Desember 2022, penduduk Kecamatan Magetan berjumlah 45.221 jiwa
        (22.035 laki-laki dan 23.186 perempuan). Wilayahnya terbagi menjadi 5 desa dan 9
        kelurahan, dengan 64 dusun, 65 RW dan 338 RT.
        """
    ),
    "kedudukan_tugas_fungsi": _md(
        """
        **Kedudukan.** Peraturan Daerah Kabupaten Magetan Nomor 82 Tahun 2016 tentang
        Organisasi dan Tata Kerja Kecamatan menjadi dasar pembentukan kecamatan sebagai
        perangkat daerah yang mengoordinasikan tiga hal di wilayahnya: penyelenggaraan
        pemerintahan, pelayanan publik, serta pemberdayaan masyarakat desa dan kelurahan.
        Kecamatan dipimpin Camat, yang menjalankan sebagian urusan pemerintahan kewenangan
        daerah atas pelimpahan dari Bupati.

        **Fungsi Camat.** Dalam menjalankan tugas itu Camat berfungsi:

        - menyusun program dan kegiatan kecamatan;
        - membina penyelenggaraan urusan ekonomi, sosial dan pembangunan;
        - menyelenggarakan pelayanan publik yang menjadi kewenangannya;
        - memfasilitasi penyelenggaraan pemerintahan desa dan kelurahan;
        - membina aparatur sipil negara di lingkungan kecamatan dan kelurahan;
        - merencanakan, mengevaluasi dan melaporkan pelaksanaan kewenangan kecamatan; dan
        - menjalankan fungsi lain dari Bupati yang berkaitan dengan tugasnya.

        **Sekretariat.** Sekretaris Kecamatan merencanakan, melaksanakan, mengoordinasikan,
        mengendalikan, membina dan mengevaluasi urusan administrasi umum, kepegawaian,
        perlengkapan, penyusunan program dan keuangan. Cakupannya meliputi persuratan,
        kearsipan, keprotokolan, kerumahtanggaan dan perjalanan dinas; perencanaan, evaluasi
        dan pelaporan; barang inventaris; kepegawaian, keuangan dan kesejahteraan pegawai;
        organisasi dan ketatalaksanaan kecamatan dan kelurahan; serta koordinasi pelayanan
        publik. Sekretariat dibantu dua subbagian:

        - **Subbagian Umum dan Kepegawaian**: administrasi pelayanan, rencana pengadaan barang
          dan jasa, rapat dan keprotokolan, rumah tangga dan keamanan kantor, inventaris,
          administrasi, disiplin dan kesejahteraan pegawai, serta kearsipan.
        - **Subbagian Keuangan, Perencanaan, Evaluasi dan Pelaporan**: rencana anggaran, tata
          usaha keuangan, gaji dan perjalanan dinas, verifikasi pertanggungjawaban keuangan,
          laporan keuangan, penyiapan Renstra dan Renja, monitoring dan evaluasi program,
          serta penghimpunan bahan SIPD, LKjIP, LPPD, LKPJ Bupati, perjanjian kinerja,
          Standar Pelayanan, SOP, Survei Kepuasan Masyarakat dan SIRUP.

        **Seksi.** Tugas teknis dijalankan empat seksi:

        - **Seksi Tata Pemerintahan**: pembinaan pemerintahan umum dan pemerintahan
          desa/kelurahan, rekomendasi pengangkatan dan pemberhentian perangkat desa, penataan
          ruang dan penegasan batas desa, administrasi kependudukan, pertanahan, pemilihan
          umum, serta Pajak Bumi dan Bangunan Perdesaan dan Perkotaan.
        - **Seksi Pemberdayaan Masyarakat dan Desa**: perencanaan pembangunan partisipatif dan
          musrenbang, penyelarasan rencana pembangunan daerah dengan rencana desa, lembaga
          kemasyarakatan dan PKK, kerja sama desa, pendampingan desa, serta pembinaan ekonomi,
          koperasi, pertanian dan administrasi keuangan pembangunan sarana desa/kelurahan.
        - **Seksi Ketenteraman dan Ketertiban**: ketertiban wilayah dan Linmas, wawasan
          kebangsaan, penanganan konflik sosial, kerukunan antarsuku, antarumat beragama dan
          antargolongan, serta pencegahan bencana.
        - **Seksi Kesejahteraan Sosial**: peran serta masyarakat dan lembaga sosial, kesehatan
          masyarakat dan keluarga berencana, sarana keagamaan, peringatan hari besar,
          pendidikan, kebudayaan, pariwisata, kepemudaan dan olahraga, serta bantuan sosial
          bagi korban bencana.

        **Kelompok jabatan fungsional** bekerja sesuai keahlian masing-masing dan kebutuhan
        organisasi.

        **Kelurahan.** Lurah membantu Camat dalam pemerintahan kelurahan, pemberdayaan dan
        pelayanan masyarakat, ketenteraman dan ketertiban umum, serta pemeliharaan sarana,
        prasarana dan fasilitas umum. Lurah dibantu Sekretaris Kelurahan, Seksi Pemerintahan,
        Ketenteraman dan Ketertiban Umum, Seksi Pemberdayaan Masyarakat, dan Seksi
        Kesejahteraan Sosial.

        Susunan organisasi kecamatan mengikuti Peraturan Bupati Magetan Nomor 25 Tahun 2012
        tentang Tugas Pokok dan Fungsi Kecamatan, sebagaimana digambarkan dalam bagan berikut.
        """
    ),
    "sistematika": _md(
        """
        Mengikuti Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014, laporan ini tersusun
        sebagai berikut:

        - **Ikhtisar Eksekutif** merangkum sasaran, capaian kinerja dan penyerapan anggaran
          tahun 2023.
        - **Bab I Pendahuluan** menguraikan latar belakang, gambaran umum wilayah, kedudukan,
          tugas dan fungsi, serta struktur organisasi Kecamatan Magetan.
        - **Bab II Perencanaan dan Perjanjian Kinerja** memuat ringkasan Rencana Strategis
          2018-2023, Indikator Kinerja Utama, Perjanjian Kinerja beserta perubahannya, serta
          program dan anggaran.
        - **Bab III Akuntabilitas Kinerja** menyajikan capaian tiap sasaran strategis dengan
          tujuh analisis: target dibanding realisasi; perbandingan dengan tahun-tahun
          sebelumnya; kemajuan menuju target akhir Renstra; perbandingan dengan standar
          nasional bila tersedia; sebab keberhasilan atau kegagalan dan solusinya; efisiensi
          sumber daya; serta program dan kegiatan pendukung. Bab ini ditutup dengan realisasi
          anggaran.
        - **Bab IV Penutup** berisi kesimpulan, upaya ke depan dan saran.
        - **Lampiran** memuat Perjanjian Kinerja Tahun 2023 dan perubahannya serta matriks
          rencana program Renstra.
        """
    ),
    "rencana_kinerja": _md(
        """
        Untuk tahun 2023 Kecamatan Magetan menjalankan lima program yang tertuang dalam DPA
        dan Perjanjian Kinerja:

        1. Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota, yang membiayai
           perencanaan, administrasi kantor, kepegawaian, keuangan dan pemeliharaan sarana
           pelayanan;
        2. Program Penyelenggaraan Pemerintahan dan Pelayanan Publik;
        3. Program Pemberdayaan Masyarakat Desa dan Kelurahan;
        4. Program Koordinasi Ketenteraman dan Ketertiban Umum;
        5. Program Pembinaan dan Pengawasan Pemerintahan Desa.

        Arah kebijakannya adalah menjaga mutu layanan di kantor kecamatan, memperbaiki dokumen
        akuntabilitas kinerja bersama perangkat daerah terkait, serta membina desa dan
        kelurahan agar hasil monitoring dan evaluasi terpadunya terus naik.
        """
    ),
    "hambatan": _md(
        """
        Penganggaran berbasis kinerja sudah menjadi komitmen bersama dan kelurahan yang ikut
        mengelola keuangan mendukung pelaksanaannya. Masih ada hambatan yang perlu
        diperbaiki pada tahun berikutnya:

        | No. | Upaya ke depan | Hambatan | Perbaikan |
        |---|---|---|---|
        | 1. | Menjalankan anggaran yang terikat pada kinerja | Inovasi untuk memperbesar hasil
          kinerja keuangan masih terbatas | Perencanaan, pelaksanaan dan pengawasan anggaran
          diperluas cakupannya dan diperdalam mutunya |
        | 2. | Melibatkan kelurahan yang ikut mengelola keuangan | Jumlah dan kecakapan pegawai
          pengelola keuangan belum memadai | Potensi ditelaah dan tata kelola keuangan yang tertib
          diterapkan, disertai pembinaan pengelolanya |
        """
    ),
    "kesimpulan": _md(
        """
        Tugas dan fungsi Kecamatan Magetan pada tahun 2023 terlaksana dengan baik. Semua
        indikator dalam Perubahan Perjanjian Kinerja Tahun 2023 mencapai atau melampaui
        targetnya, dan ketiga sasaran strategis memperoleh predikat tertinggi pada skala
        penilaian kecamatan. Dibanding tahun sebelumnya, Indeks Kepuasan Masyarakat, Nilai
        SAKIP Kecamatan dan skor evaluasi kinerja kecamatan sama-sama meningkat.

        Hasil ini ditopang pelayanan yang cepat dan tepat, kerja sama antara warga, aparatur
        kecamatan dan perangkat desa/kelurahan, serta pembinaan administrasi dan keuangan desa
        dan kelurahan yang dilakukan terus-menerus. Anggaran terserap hampir seluruhnya; sisa
        pagu terutama berasal dari belanja pegawai yang berkurang karena pensiun dan mutasi.

        Seiring berkembangnya masyarakat, ilmu pengetahuan, teknologi dan kehidupan
        berdemokrasi, harapan warga terhadap mutu pemerintahan akan terus naik. Kecamatan
        perlu menjaga kesinambungan kebijakan dan memperkuat perannya sebagai pembina,
        fasilitator, mediator dan pengawas pemerintahan desa. Dengan begitu aparatur desa
        memahami ketentuan yang berlaku, semangat kerja penyelenggara pemerintahan tetap
        tinggi, dan pemberdayaan masyarakat berjalan optimal.
        """
    ),
    "upaya_ke_depan": _md(
        """
        Capaian yang tinggi pada tahun 2023 terutama didorong dua hal: komitmen menjalankan
        anggaran berbasis kinerja, dan dukungan kelurahan yang fungsinya berkaitan dengan
        pengelolaan keuangan. Masih ada hambatan yang perlu ditangani, dengan langkah
        perbaikan sebagai berikut:

        | Hambatan | Langkah perbaikan |
        | --- | --- |
        | Inovasi untuk menggali potensi kinerja keuangan belum optimal | Memperluas dan
          memperdalam perencanaan, pelaksanaan serta pengawasan (ekstensifikasi dan
          intensifikasi) |
        | Jumlah dan mutu SDM pengelola keuangan masih rendah | Mengkaji dan menggali
          potensi, lalu menerapkan manajemen pengelolaan keuangan yang baik |

        Untuk tiap indikator kinerja, langkah yang direncanakan:

        - **Indeks Kepuasan Masyarakat**: menambah inovasi pelayanan, antara lain ruang dan
          alat bermain bagi anak-anak warga yang menunggu layanan, serta mempercepat dan
          memperbaiki ketepatan pelayanan.
        - **Nilai SAKIP Kecamatan**: memperbaiki mutu dokumen SAKIP dengan menjalin
          komunikasi bersama dinas terkait, sehingga aparatur memahami dokumen yang
          dipersyaratkan dan target tahun berikutnya terpenuhi.
        - **Kinerja kecamatan**: melanjutkan pembinaan administrasi dan pengelolaan keuangan di
          seluruh desa dan kelurahan.
        """
    ),
    "saran": _md(
        """
        Agar kinerja tahun-tahun berikutnya lebih baik, kami menyarankan:

        - Formasi aparatur yang kosong segera diisi sesuai kapasitas dan kemampuan yang
          dibutuhkan, karena beban kerja kecamatan terus bertambah sementara jumlah pelaksana
          terbatas.
        - Penyelenggaraan pemerintahan di Kecamatan Magetan didukung dana yang memadai agar
          kinerja aparatur sesuai harapan.
        - Sarana dan prasarana kerja dilengkapi sesuai kebutuhan rencana strategis.
        - Hasil evaluasi program tahun 2023 ditindaklanjuti: kelemahan diperbaiki dan program
          yang berhasil dipertahankan serta ditingkatkan, agar pelayanan masyarakat yang
          optimal dapat terwujud di Kecamatan Magetan dan Kabupaten Magetan.
        """
    ),
}

ANALISIS_KECAMATAN_2023 = {
    "Meningkatnya Kualitas Pelayanan Publik": {
        "uraian": _md(
            """
            Kualitas pelayanan publik diukur dengan Indeks Kepuasan Masyarakat (IKM) dari
            survei kepuasan atas layanan di kantor Kecamatan Magetan. Realisasi tahun 2023
            melampaui target Perjanjian Kinerja dan menjadi yang tertinggi dalam tiga tahun
            terakhir. Nilai tersebut juga hampir menyamai target akhir Renstra 2018-2023.
            """
        ),
        "uraian_banding": _md(
            """
            IKM naik setiap tahun sejak 2021: dari 87,02 menjadi 88,89 pada 2022 dan 90,02 pada
            2023. Target 2022 dan 2023 sama-sama terlampaui; capaian 2023 sedikit lebih rendah
            daripada 2022 karena targetnya dinaikkan dari 80 menjadi 85, bukan karena layanan
            memburuk. Tahun 2021 belum memiliki target Perjanjian Kinerja untuk indikator ini.
            """
        ),
        "uraian_renstra": _md(
            """
            Selisih IKM 2023 dengan target akhir Renstra 2018-2023 (90,1) tinggal kurang dari
            sepersepuluh poin. Dengan inovasi pelayanan yang direncanakan, target akhir periode
            itu diharapkan terlampaui pada survei berikutnya.
            """
        ),
        "standar_nasional": "",
        "keberhasilan_kegagalan": _md(
            """
            Target tercapai karena petugas memberikan pelayanan prima: layanan diselesaikan
            dengan cepat, tepat dan tanpa membuang waktu warga. Kendala yang masih dirasakan
            adalah terbatasnya jumlah sumber daya manusia yang melayani.
            """
        ),
        "solusi": _md(
            """
            - Meningkatkan mutu pelayanan, termasuk kecepatan dan ketepatan penyelesaiannya.
            - Mengusulkan tambahan sumber daya manusia untuk pelayanan.
            - Menambah inovasi pelayanan, misalnya ruang dan alat bermain bagi anak-anak yang
              ikut orang tuanya menunggu layanan.
            """
        ),
        "efisiensi": _md(
            """
            Sasaran ini didukung Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota,
            yang membiayai administrasi kantor, gaji dan tunjangan aparatur serta sarana
            pelayanan. Sebagian pagu tidak terserap, terutama pada belanja gaji dan tunjangan
            ASN karena ada pegawai yang pensiun dan dimutasi; sisa itu tidak mengurangi
            capaian sasaran. Kegiatan pemeliharaan barang milik daerah tercatat melebihi pagu
            (ditandai pada tabel program) karena realisasi sub kegiatan pemeliharaan dan pajak
            kendaraan dinas; selisih ini perlu dicocokkan dengan laporan keuangan.
            """
        ),
        "program_pendukung": _md(
            """
            Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota menunjang sasaran ini.
            Kegiatan administrasi umum, jasa penunjang dan pemeliharaan barang milik daerah
            menjaga kantor dan sarana pelayanan tetap berfungsi, sedangkan kegiatan
            perencanaan, penganggaran dan evaluasi kinerja memastikan layanan direncanakan dan
            dipantau.
            """
        ),
    },
    "Meningkatnya Akuntabilitas Kinerja Kecamatan": {
        "uraian": _md(
            """
            Akuntabilitas kinerja kecamatan diukur dengan Nilai SAKIP Kecamatan. Nilai tahun
            2023 melampaui target dan lebih tinggi daripada tahun 2022, setelah sempat turun
            dibanding tahun 2021. Realisasinya hampir menyamai target akhir Renstra 2018-2023.
            """
        ),
        "uraian_banding": _md(
            """
            Nilai SAKIP kecamatan turun dari 85,07 pada 2021 menjadi 83,55 pada 2022, lalu naik
            ke 87,29 pada 2023, nilai tertinggi dalam tiga tahun. Target 80 terlampaui pada dua
            tahun terakhir.
            """
        ),
        "uraian_renstra": _md(
            """
            Realisasi 2023 hampir menyamai target akhir Renstra (87,4). Agar target itu
            terlampaui, mutu dokumen SAKIP kecamatan perlu terus diperbaiki bersama perangkat
            daerah pembina.
            """
        ),
        "standar_nasional": "",
        "keberhasilan_kegagalan": _md(
            """
            Target tercapai, tetapi hasilnya belum maksimal. Penyebabnya adalah pemahaman
            aparatur yang belum merata tentang dokumen SAKIP yang dipersyaratkan, sehingga
            mutu sebagian dokumen masih perlu diperbaiki.
            """
        ),
        "solusi": _md(
            """
            - Mengintensifkan koordinasi internal dalam menyusun dokumen SAKIP.
            - Menjalin komunikasi dengan dinas terkait agar dokumen sesuai ketentuan dan target
              Nilai SAKIP tahun berikutnya terpenuhi.
            """
        ),
        "efisiensi": _md(
            """
            Dalam DPA 2023 tidak ada program yang dikaitkan khusus dengan sasaran ini.
            Dokumen perencanaan, laporan kinerja dan laporan keuangan disusun dengan biaya
            kegiatan perencanaan, penganggaran dan evaluasi kinerja serta administrasi keuangan
            pada Program Penunjang, sehingga kenaikan Nilai SAKIP dicapai tanpa anggaran
            tersendiri.
            """
        ),
        "program_pendukung": _md(
            """
            Sasaran ini ditunjang sub kegiatan Penyusunan Dokumen Perencanaan Perangkat Daerah
            serta Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran
            SKPD. Dalam analisis program, Program Penyelenggaraan Pemerintahan dan Pelayanan
            Publik juga dinilai menunjang sasaran ini melalui koordinasi kegiatan pemerintahan
            di tingkat kecamatan.
            """
        ),
    },
    "Meningkatnya Kinerja Kecamatan": {
        "uraian": _md(
            """
            Kinerja kecamatan diukur dengan dua indikator. Predikat Kinerja Kecamatan adalah
            skor evaluasi kinerja kecamatan oleh Bagian Pemerintahan Sekretariat Daerah
            berdasarkan Peraturan Presiden Nomor 17 Tahun 2018 tentang Kecamatan; indikator
            Kecamatan berpredikat kinerja baik adalah janji kinerja Camat dalam Perjanjian
            Kinerja, yang targetnya diturunkan pada Perubahan Perjanjian Kinerja November 2023.
            Kedua target terlampaui. Skor evaluasi naik setiap tahun sejak 2021 dan sudah
            melewati target akhir Renstra.
            """
        ),
        "uraian_banding": _md(
            """
            Predikat kinerja kecamatan naik tajam: 76,1 pada 2021, 87,3 pada 2022 dan 90,13 pada
            2023, jauh di atas targetnya. Indikator kecamatan berpredikat kinerja baik baru
            diukur pada 2023, sehingga belum dapat dibandingkan dengan tahun sebelumnya.
            """
        ),
        "uraian_renstra": _md(
            """
            Predikat kinerja kecamatan 2023 sudah melampaui target akhir Renstra (87,5).
            Indikator kecamatan berpredikat kinerja baik belum memiliki target akhir Renstra;
            target itu perlu ditetapkan pada Renstra berikutnya.
            """
        ),
        "standar_nasional": "",
        "keberhasilan_kegagalan": _md(
            """
            Hasil ini dicapai karena warga sebagai penerima layanan, staf kecamatan dan
            aparatur desa/kelurahan bekerja sama dengan baik, dan kemampuan pengelola
            administrasi keuangan di desa dan kelurahan meningkat. Selama dua belas bulan,
            pembinaan administrasi dan keuangan dijalankan sesuai aturan di seluruh 14 desa dan
            kelurahan. Catatannya, pemahaman atas dokumen yang dinilai masih belum merata.
            """
        ),
        "solusi": _md(
            """
            - Memperkuat koordinasi dengan Bagian Pemerintahan Setdakab serta desa dan
              kelurahan dalam menyiapkan dokumen penilaian.
            - Melanjutkan pembinaan dan pendampingan pengelola administrasi dan keuangan
              desa/kelurahan.
            """
        ),
        "efisiensi": _md(
            """
            Kelima program DPA 2023 mendukung sasaran ini; porsi terbesar ada pada Program
            Penunjang serta Program Pemberdayaan Masyarakat Desa dan Kelurahan (pembangunan
            sarana dan prasarana, pemberdayaan masyarakat, dan evaluasi kelurahan). Anggaran
            terserap hampir penuh dan sisa pagu tidak menghambat capaian, sehingga sumber daya
            digunakan secara efisien. Serapan terendah ada pada Program Penyelenggaraan
            Pemerintahan dan Pelayanan Publik.
            """
        ),
        "program_pendukung": _md(
            """
            Kelima program dinilai menunjang sasaran ini:

            - Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota menjamin
              administrasi, keuangan dan sarana kantor.
            - Program Penyelenggaraan Pemerintahan dan Pelayanan Publik meningkatkan
              efektivitas kegiatan pemerintahan di tingkat kecamatan.
            - Program Pemberdayaan Masyarakat Desa dan Kelurahan membiayai pembangunan sarana
              dan prasarana kelurahan, pemberdayaan masyarakat di kelurahan dan evaluasi
              kelurahan.
            - Program Koordinasi Ketenteraman dan Ketertiban Umum membangun sinergi dengan
              Polri, TNI dan instansi vertikal melalui Forkopimca.
            - Program Pembinaan dan Pengawasan Pemerintahan Desa memfasilitasi administrasi
              tata pemerintahan desa.
            """
        ),
    },
}

# The organisation chart of BAB I C (Peraturan Bupati Magetan Nomor 25 Tahun 2012), drawn by
# the loader (loader.gambar_struktur): the kecamatan's units as the reference lists them,
# the kelurahan under the Camat.
STRUKTUR_KECAMATAN_2023 = {
    "judul": "STRUKTUR ORGANISASI KECAMATAN MAGETAN",
    "pimpinan": "CAMAT",
    "fungsional": "KELOMPOK JABATAN FUNGSIONAL",
    "sekretariat": "SEKRETARIS KECAMATAN",
    "subbagian": [
        "SUBBAGIAN UMUM DAN KEPEGAWAIAN",
        "SUBBAGIAN KEUANGAN, PERENCANAAN, EVALUASI DAN PELAPORAN",
    ],
    "unit": [
        "SEKSI TATA PEMERINTAHAN",
        "SEKSI PEMBERDAYAAN MASYARAKAT DAN DESA",
        "SEKSI KETENTERAMAN DAN KETERTIBAN",
        "SEKSI KESEJAHTERAAN SOSIAL",
    ],
    "bawah": "LURAH",
    "sumber": "Peraturan Bupati Magetan Nomor 25 Tahun 2012 tentang Tugas Pokok dan Fungsi "
    "Kecamatan",
}

NARASI_ORGANISASI_2019 = {
    "kata_pengantar": _md(
        """
        Puji syukur kepada Tuhan Yang Maha Esa, Laporan Kinerja Instansi Pemerintah (LKjIP)
        Bagian Organisasi Sekretariat Daerah Kabupaten Magetan Tahun 2019 telah selesai kami
        susun. Laporan ini merupakan pertanggungjawaban kami atas penyelenggaraan tugas
        pemerintahan sepanjang tahun 2019.

        Laporan disusun atas dasar Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem
        Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) dengan pedoman Peraturan Menteri PAN
        dan RB Nomor 53 Tahun 2014, dengan tekad menyampaikan capaian kinerja Bagian
        Organisasi secara terbuka dan dapat dipertanggungjawabkan.

        Banyak hasil telah diraih selama tahun 2019, namun kami menyadari bahwa sejumlah
        indikator kinerja belum mencapai target. Laporan ini kami jadikan bahan evaluasi agar
        perencanaan, pengorganisasian, pengelolaan keuangan dan koordinasi pelaksanaan pada
        tahun-tahun mendatang menjadi lebih produktif, efektif dan efisien.

        Kepada semua pihak yang telah memberikan dukungan, bimbingan dan partisipasi dalam
        penyusunan laporan ini, kami mengucapkan terima kasih.
        """
    ),
    "ikhtisar_eksekutif": _md(
        """
        LKjIP menjadi sarana bagi instansi pemerintah untuk melaporkan kinerjanya secara
        terukur, sekaligus bahan pembelajaran untuk memperkuat kapasitas kelembagaan agar
        kinerja terus membaik. Pada tahun 2019 Bagian Organisasi mengukur kinerjanya terhadap
        lima sasaran strategis dalam Perjanjian Kinerja antara Kepala Bagian Organisasi dan
        Sekretaris Daerah.

        Ringkasan hasilnya:

        - Sasaran pelayanan prima, ketatalaksanaan pemerintahan dan akuntabilitas kinerja
          perangkat daerah mencapai atau melampaui target. Kabupaten Magetan masuk Top 45
          Kompetisi Inovasi Pelayanan Publik Provinsi Jawa Timur, dan nilai evaluasi
          implementasi SAKIP kabupaten naik ke kategori B.
        - Sasaran kesesuaian kelembagaan dengan Anjab ABK belum mencapai target.
        - Pada sasaran pengembangan kinerja dan reformasi birokrasi, target Kelompok Budaya
          Kinerja (KBK) aktif terpenuhi, tetapi nilai Reformasi Birokrasi pada keempat bidang
          masih jauh di bawah target.

        Dua pekerjaan prioritas dapat dituntaskan, yaitu perubahan hasil validasi evaluasi
        jabatan dan analisis beban kerja, serta peningkatan nilai hasil evaluasi implementasi
        SAKIP. Bagian Organisasi akan terus berupaya meningkatkan mutu pelayanan
        penyelenggaraan pemerintahan pada tahun-tahun berikutnya.
        """
    ),
    "latar_belakang": _md(
        """
        Penilaian dan pelaporan kinerja adalah unsur kunci agar pemerintahan daerah berjalan
        transparan, akuntabel, demokratis, efektif dan efisien. Pelaporan kinerja
        juga mendukung perbaikan pelayanan publik dan membuka ruang bagi masyarakat untuk ikut
        mendorong akuntabilitas pemerintah daerah.

        Kewajiban Bagian Organisasi menyusun LKjIP bersumber dari:

        - Instruksi Presiden Nomor 5 Tahun 2004 tentang Percepatan Pemberantasan Korupsi, yang
          menjadikan akuntabilitas kinerja bagian dari upaya mencegah korupsi;
        - Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja
          Instansi Pemerintah, yang mewajibkan laporan kinerja di samping laporan keuangan;
        - Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi
          Pemerintah (SAKIP), yang mengatur penyelenggaraan SAKIP;
        - Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian
          Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi
          Pemerintah, yang menjadi petunjuk teknis penyusunan laporan ini.

        LKjIP adalah laporan tahunan yang memuat pertanggungjawaban instansi dalam mencapai
        tujuan dan sasaran strategisnya. Setiap akhir tahun anggaran, capaian diukur dengan
        membandingkan realisasi kinerja dengan target dalam Perjanjian Kinerja. Lampiran
        Perpres tersebut menetapkan bahwa LKjIP tahunan setiap kabupaten/kota diterima oleh
        Gubernur, Menteri Dalam Negeri, Menteri Perencanaan Pembangunan Nasional/Kepala
        Bappenas, serta Menteri PAN dan RB.

        Bagian Organisasi membina penerapan SAKIP di lingkungan Pemerintah Kabupaten Magetan.
        Karena itu laporan ini tidak hanya mempertanggungjawabkan kinerjanya sendiri, tetapi
        juga menjadi contoh bagi perangkat daerah lain dalam menyajikan capaian kinerja secara
        transparan dan akuntabel.
        """
    ),
    "kedudukan_tugas_fungsi": _md(
        """
        **Kedudukan.** Peraturan Daerah Kabupaten Magetan Nomor 15 Tahun 2016 tentang
        Pembentukan dan Susunan Perangkat Daerah dan Peraturan Bupati Magetan Nomor 57 Tahun
        2016 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja
        Sekretariat Daerah menetapkan Bagian Organisasi sebagai salah satu bagian Sekretariat
        Daerah Kabupaten Magetan. Bagian Organisasi bertanggung jawab langsung kepada
        Sekretaris Daerah dan dikoordinasikan oleh Asisten Administrasi dan Umum. Bagian ini
        memfasilitasi penataan kelembagaan, ketatalaksanaan, pelayanan publik, pengembangan
        kinerja, analisis jabatan dan urusan kepegawaian di lingkungan Sekretariat Daerah.

        Organisasinya terdiri atas Kepala Bagian dan tiga subbagian: Subbagian Kelembagaan dan
        Anjab, Subbagian Ketatalaksanaan dan Pelayanan Publik, serta Subbagian Pengembangan
        Kinerja dan Kepegawaian.

        **Tugas.** Bagian Organisasi bertugas menyiapkan kebijakan, mengoordinasikan
        pelaksanaan, memantau dan mengevaluasi program kegiatan, serta memberikan pembinaan
        teknis, administratif dan sumber daya. Cakupan urusannya meliputi kelembagaan dan
        tata laksana; analisis dan evaluasi jabatan, analisis beban kerja serta standar
        kompetensi jabatan; administrasi pelayanan publik; akuntabilitas kinerja dan budaya
        kerja; Standar Manajemen Mutu (SMM) dan Standar Pelayanan Minimal (SPM); serta
        reformasi birokrasi.

        **Fungsi.** Di bidang kelembagaan, ketatalaksanaan, analisis dan evaluasi jabatan,
        analisis beban kerja, standar kompetensi jabatan, pelayanan publik, serta peningkatan
        kinerja dan reformasi birokrasi, Bagian Organisasi menyelenggarakan:

        - penyiapan perumusan kebijakan;
        - koordinasi penyusunan program kegiatan dan petunjuk teknis pelaksanaannya;
        - monitoring dan evaluasi penyelenggaraan pemerintahan;
        - pembinaan teknis, administrasi dan sumber daya; serta
        - fungsi lain yang diberikan Sekretaris Daerah.

        **Rincian tugas subbagian.**

        - **Subbagian Kelembagaan dan Anjab** menyiapkan bahan kebijakan, petunjuk
          pelaksanaan, pelaksanaan serta pemantauan dan evaluasi analisis organisasi dan
          peningkatan kapasitas kelembagaan perangkat daerah; analisis jabatan, analisis beban
          kerja, peta jabatan, standar kompetensi dan evaluasi jabatan; serta penyusunan tugas,
          fungsi dan susunan organisasi perangkat daerah.
        - **Subbagian Ketatalaksanaan dan Pelayanan Publik** menyiapkan bahan kebijakan dan
          petunjuk pelaksanaan tata laksana pemerintahan, pengawasan melekat, standar
          pelayanan, pedoman pakaian dinas dan standardisasi sarana prasarana dinas; serta
          memfasilitasi forum komunikasi pendayagunaan aparatur, inovasi pelayanan publik,
          penyusunan Standar Pelayanan dan SOP, Survei Kepuasan Masyarakat, pelaporan SPM dan
          pengelolaan pengaduan masyarakat.
        - **Subbagian Pengembangan Kinerja dan Kepegawaian** menyiapkan bahan kebijakan,
          petunjuk pelaksanaan dan evaluasi pengembangan kinerja, reformasi birokrasi, budaya
          kerja, standar manajemen mutu dan akuntabilitas kinerja; menyiapkan Renstra, Renja,
          LPPD dan LKPJ lingkup bagian serta laporan akuntabilitas pemerintah daerah;
          memfasilitasi penyusunan Indikator Kinerja Utama dan Indikator Kinerja Individu; dan
          mengelola administrasi kepegawaian Sekretariat Daerah.
        """
    ),
    "sistematika": _md(
        """
        Mengikuti Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014, laporan ini tersusun
        sebagai berikut:

        - **Ikhtisar Eksekutif** merangkum sasaran, capaian kinerja dan penyerapan anggaran
          tahun 2019.
        - **Bab I Pendahuluan** menguraikan latar belakang, kedudukan, tugas dan fungsi, serta
          struktur organisasi Bagian Organisasi.
        - **Bab II Perencanaan dan Perjanjian Kinerja** memuat visi dan misi, tujuan dan
          sasaran Rencana Strategis 2019-2023, Indikator Kinerja Utama, Perjanjian Kinerja
          Tahun 2019, serta program dan anggarannya.
        - **Bab III Akuntabilitas Kinerja** menyajikan pengukuran kinerja, analisis capaian
          setiap sasaran strategis beserta kendala dan tindak lanjutnya, dan akuntabilitas
          anggaran.
        - **Bab IV Penutup** berisi kesimpulan, upaya ke depan dan saran.
        - **Lampiran** memuat Perjanjian Kinerja Tahun 2019.
        """
    ),
    "rencana_kinerja": _md(
        """
        Sasaran tahun 2019 dicapai lewat kebijakan, program dan kegiatan berikut.

        **Kebijakan:** menyusun standar operasional prosedur, memfasilitasi pemantapan
        susunan organisasi dan tata kerja perangkat daerah, menyiapkan instrumen analisis
        jabatan dan beban kerja, meningkatkan akuntabilitas kinerja instansi, menyosialisasikan
        reformasi birokrasi, menyelenggarakan survei indeks kepuasan masyarakat dan lomba
        inovasi pelayanan publik.

        **Program:** peningkatan kualitas pelayanan publik; pembinaan dan pengembangan
        aparatur; pengembangan kinerja perangkat daerah; pengembangan sistem dan prosedur
        ketatalaksanaan; penataan kelembagaan perangkat daerah; pelayanan administrasi
        perkantoran.

        **Kegiatan utama:** survei IKM, pengembangan ketatalaksanaan, peningkatan kinerja
        pelayanan publik, fasilitasi pemantapan SOTK, akuntabilitas kinerja instansi
        pemerintah daerah, budaya kerja, pengembangan reformasi birokrasi, penyusunan
        instrumen analisis jabatan, serta jasa administrasi perkantoran.
        """
    ),
    "hambatan": _md(
        """
        | No. | Upaya | Hambatan | Perbaikan |
        |---|---|---|---|
        | 1. | Koordinasi penyusun SAKIP (Bappeda, Inspektorat, Bagian Organisasi) diperkuat dan
          perangkat daerah diberi pemahaman tentang mutu SAKIP | Pimpinan perangkat daerah belum
          seluruhnya memandang SAKIP penting | Hasil evaluasi SAKIP dipaparkan kepada pimpinan dan
          dijadikan bahan penilaian kinerja |
        | 2. | Asistensi Kementerian PANRB dan pendampingan Biro Organisasi Provinsi Jawa Timur
          untuk IKU | Renstra, Renja, IKU dan Perjanjian Kinerja belum selaras satu sama lain |
          Keselarasan dokumen diperiksa setiap kali salah satunya disusun atau diubah |
        | 3. | Data kinerja dipakai untuk mengukur dan memanfaatkan kinerja | Pengumpulan dan
          pengelolaan data kinerja belum tertata | Data kinerja dikumpulkan dan diverifikasi tiap
          triwulan melalui aplikasi |
        | 4. | Nilai reformasi birokrasi per bidang ditingkatkan | Nilai RB bidang
          ketatalaksanaan, penataan organisasi, pelayanan publik dan akuntabilitas jauh di bawah
          target | Rencana aksi RB per bidang disusun bersama perangkat daerah pengampu dan dipantau
          tiap triwulan |
        """
    ),
    "kesimpulan": _md(
        """
        Secara umum Bagian Organisasi menunjukkan kinerja yang baik pada tahun 2019. Tiga dari
        lima sasaran strategis, yaitu pelayanan prima, ketatalaksanaan pemerintahan dan
        akuntabilitas kinerja perangkat daerah, mencapai atau melampaui target. Dua sasaran
        belum berhasil: kesesuaian kelembagaan dengan Anjab ABK masih di bawah target, dan
        nilai Reformasi Birokrasi keempat bidang jauh dari target meskipun target KBK aktif
        terpenuhi.

        Laporan ini memperlihatkan sejauh mana tujuan dan sasaran Bagian Organisasi, sebagai
        penjabaran visi, misi dan strategi, telah dicapai, termasuk keberhasilan dan kegagalan
        kegiatannya. Pemerintahan yang baik dibangun di atas transparansi, akuntabilitas,
        partisipasi, kepastian hukum, kesetaraan, efektivitas dan efisiensi. Prinsip-prinsip
        itu menjadi dasar kebijakan yang demokratis dan memungkinkan masyarakat mengawasi
        kinerja pelayanan publik.

        Kami menyadari laporan ini belum sempurna. Setiap kekurangan menjadi dorongan bagi
        kami untuk bekerja lebih baik.
        """
    ),
    "upaya_ke_depan": _md(
        """
        Untuk memperbaiki capaian yang belum memenuhi target dan mempertahankan yang sudah
        baik, Bagian Organisasi merencanakan langkah berikut:

        - **Kelembagaan dan Anjab ABK**: menyelenggarakan Bimbingan Teknis Anjab ABK untuk
          memperbarui informasi jabatan seiring perubahan data kepegawaian, menyempurnakan
          tugas dan fungsi lembaga perangkat daerah dan jabatan fungsional, serta menata
          perangkat daerah sesuai kebutuhan dan ketentuan.
        - **Reformasi birokrasi**: menjalankan rencana aksi Road Map Reformasi Birokrasi
          melalui kelompok kerja Tim RB dan menindaklanjuti hasil Penilaian Mandiri
          Pelaksanaan Reformasi Birokrasi (PMPRB) bersama Inspektorat.
        - **Akuntabilitas kinerja**: menyelaraskan Renstra, Renja, IKU dan Perjanjian Kinerja,
          membangun pengelolaan data kinerja yang dapat dipakai untuk pengukuran, serta
          memperkuat komitmen pimpinan perangkat daerah terhadap SAKIP.
        - **Ketatalaksanaan**: menyempurnakan petunjuk pelaksanaan ketatalaksanaan serta
          sistem, metode dan prosedur kerja, termasuk proses bisnis dan SOP perangkat daerah.
        - **Pelayanan publik**: memperbaiki objektivitas pengisian kuesioner dan analisis data
          Survei Kepuasan Masyarakat agar rekomendasinya tepat, serta terus mendorong inovasi
          pelayanan publik.

        Dalam jangka panjang, selain menuntaskan program jangka pendek yang belum selesai,
        Bagian Organisasi akan melakukan kajian di bidang kelembagaan, ketatalaksanaan,
        formasi jabatan dan pendayagunaan aparatur negara.
        """
    ),
    "saran": _md(
        """
        - Pimpinan perangkat daerah perlu memperkuat komitmen terhadap penerapan SAKIP, karena
          mutu perencanaan dan pelaporan kinerja sangat bergantung pada dukungan mereka.
        - Koordinasi Bappeda, Inspektorat dan Bagian Organisasi sebagai penggerak utama SAKIP
          perlu dipertahankan, demikian pula asistensi dari Kementerian PAN dan RB serta
          pendampingan IKU oleh Biro Organisasi Setda Provinsi Jawa Timur.
        - Perangkat daerah diharapkan menindaklanjuti hasil analisis jabatan dan evaluasi
          kelembagaan agar kelembagaannya sesuai dengan ketentuan.
        - Anggaran kegiatan reformasi birokrasi perlu direncanakan dan dilaksanakan lebih
          cermat agar benar-benar mendukung kenaikan nilai RB.
        """
    ),
}

ANALISIS_ORGANISASI_2019 = {
    "Meningkatnya Pelayanan Prima kepada Masyarakat": {
        "uraian": _md(
            """
            Sasaran ini diukur dengan rata-rata nilai Indeks Kepuasan Masyarakat (IKM) dan
            persentase perangkat daerah yang memiliki inovasi pelayanan publik; keduanya
            melampaui target tahun 2019. Nilai IKM kabupaten dihimpun dari survei yang
            dilaksanakan seluruh perangkat daerah, sedangkan di lingkungan Sekretariat Daerah
            survei diselenggarakan sendiri oleh Bagian Organisasi setiap tahun. Kemajuan
            inovasi pelayanan tercermin pula dari masuknya Kabupaten Magetan dalam Top 45
            Kompetisi Inovasi Pelayanan Publik tingkat Provinsi Jawa Timur tahun 2019.
            """
        ),
        "uraian_banding": _md(
            """
            Indikator IKM rata-rata dan inovasi pelayanan publik mulai diukur dengan Renstra
            2019-2023, sehingga belum ada realisasi tahun 2017 dan 2018 yang dapat dibandingkan.
            Tahun 2019 menjadi tahun dasar perbandingan untuk laporan berikutnya.
            """
        ),
        "uraian_renstra": _md(
            """
            Target akhir Renstra 2019-2023 untuk kedua indikator belum ditetapkan dalam data
            Renstra, sehingga tingkat kemajuannya belum dapat dihitung. Target itu perlu
            dilengkapi agar kemajuan tahunan dapat dipantau.
            """
        ),
        "standar_nasional": "",
        "keberhasilan_kegagalan": _md(
            """
            Keberhasilan didorong oleh survei kepuasan yang rutin setiap tahun serta
            fasilitasi dan lomba inovasi pelayanan publik yang mendorong perangkat daerah
            berinovasi. Kelemahan yang masih ada terletak pada objektivitas responden saat
            mengisi kuesioner dan pada analisis data survei, sehingga rekomendasi hasil survei
            belum sepenuhnya tepat dan bermanfaat bagi perangkat daerah.
            """
        ),
        "solusi": _md(
            """
            - Membenahi cara pengisian kuesioner agar data yang terkumpul valid.
            - Memperdalam analisis data survei sehingga rekomendasinya layak ditindaklanjuti
              perangkat daerah.
            - Melanjutkan pembinaan dan kompetisi inovasi pelayanan publik.
            """
        ),
        "efisiensi": _md(
            """
            Sasaran ini dibiayai Program Peningkatan Kualitas Pelayanan Publik melalui
            kegiatan Survei Indeks Kepuasan Masyarakat dan Peningkatan Kinerja Penyelenggaraan
            Pelayanan Publik. Kedua indikator melampaui target dengan anggaran yang tidak
            terpakai seluruhnya, sehingga penggunaan sumber daya untuk sasaran ini efisien.
            """
        ),
        "program_pendukung": _md(
            """
            Program Peningkatan Kualitas Pelayanan Publik menunjang sasaran ini. Kegiatan
            Survei Indeks Kepuasan Masyarakat menghasilkan nilai IKM, sedangkan kegiatan
            Peningkatan Kinerja Penyelenggaraan Pelayanan Publik mendukung pembinaan pelayanan
            publik, antara lain fasilitasi inovasi pelayanan.
            """
        ),
    },
    "Meningkatnya Ketatalaksanaan pemerintahan": {
        "uraian": _md(
            """
            Indikator sasaran ini adalah persentase perangkat daerah yang ketatalaksanaannya
            baik, dan realisasinya tahun 2019 melampaui target. Untuk mencapainya, Bagian
            Organisasi menyelenggarakan bimbingan teknis penyusunan proses bisnis bagi seluruh
            perangkat daerah Pemerintah Kabupaten Magetan.
            """
        ),
        "uraian_banding": _md(
            """
            Persentase perangkat daerah dengan ketatalaksanaan baik baru diukur sejak 2019;
            tahun ini menjadi dasar perbandingan.
            """
        ),
        "uraian_renstra": _md(
            """
            Target akhir Renstra indikator ini belum tercatat, sehingga kemajuan terhadap akhir
            periode belum dapat dihitung.
            """
        ),
        "standar_nasional": "",
        "keberhasilan_kegagalan": _md(
            """
            Bimbingan teknis membekali perangkat daerah untuk menyusun proses bisnis sekaligus
            Standar Operasional Prosedur (SOP) dengan benar, sehingga makin banyak perangkat
            daerah yang tata laksananya dinilai baik. Kebijakan penyusunan SOP yang dijalankan
            Bagian Organisasi turut mendukung hasil ini.
            """
        ),
        "solusi": _md(
            """
            - Mendampingi perangkat daerah yang proses bisnis dan SOP-nya belum lengkap.
            - Menyempurnakan petunjuk pelaksanaan ketatalaksanaan serta sistem, metode dan
              prosedur kerja.
            """
        ),
        "efisiensi": _md(
            """
            Sasaran ini dibiayai Program Peningkatan Pengembangan Sistem dan Prosedur
            Ketatalaksanaan melalui kegiatan Pengembangan Ketatalaksanaan. Target terlampaui
            tanpa menghabiskan seluruh pagu, sehingga anggaran digunakan secara efisien.
            """
        ),
        "program_pendukung": _md(
            """
            Kegiatan Pengembangan Ketatalaksanaan dalam Program Peningkatan Pengembangan
            Sistem dan Prosedur Ketatalaksanaan membiayai bimbingan teknis proses bisnis dan
            SOP bagi perangkat daerah, penunjang utama sasaran ini.
            """
        ),
    },
    "Kesesuaian kelembagaan dengan Anjab ABK": {
        "uraian": _md(
            """
            Sasaran ini diukur dengan persentase perangkat daerah yang kelembagaannya sesuai
            dengan peraturan yang berlaku. Realisasi tahun 2019 di bawah target, sehingga
            sasaran ini belum tercapai. Kegiatan tahun 2019 dipusatkan pada analisis jabatan
            dan validasi evaluasi jabatan; nilai dan kelas jabatan yang dihasilkan dipakai
            untuk keperluan kepegawaian seperti formasi, pola karier, kinerja, tunjangan dan
            penggajian.
            """
        ),
        "uraian_banding": _md(
            """
            Kesesuaian kelembagaan dengan Anjab ABK baru diukur sejak 2019. Capaian tahun ini di
            bawah target dan menjadi dasar perbaikan pada tahun berikutnya.
            """
        ),
        "uraian_renstra": _md(
            """
            Target akhir Renstra indikator ini belum tercatat, sehingga kemajuannya belum dapat
            dihitung; penetapannya menjadi bagian dari penyempurnaan Renstra.
            """
        ),
        "standar_nasional": "",
        "keberhasilan_kegagalan": _md(
            """
            Target belum tercapai karena perubahan data kepegawaian menuntut informasi jabatan
            dimutakhirkan, sementara penataan kelembagaan bergantung pada hasil analisis
            jabatan dan analisis beban kerja yang lengkap. Hasil evaluasi jabatan juga harus
            bertumpu pada data evaluasi jabatan yang ditetapkan Kementerian PAN dan RB. Di sisi
            lain, analisis jabatan tahun 2019 dapat berjalan berkat kerja sama dengan para
            penyusun Anjab ABK di lingkungan Kabupaten Magetan.
            """
        ),
        "solusi": _md(
            """
            - Menyelenggarakan Bimbingan Teknis Anjab ABK untuk memperoleh informasi jabatan
              yang mutakhir.
            - Melanjutkan fasilitasi pemantapan susunan organisasi dan tata kerja (SOTK)
              perangkat daerah.
            - Menyempurnakan tugas dan fungsi lembaga perangkat daerah dan jabatan fungsional
              sesuai perkembangan.
            """
        ),
        "efisiensi": _md(
            """
            Sasaran ini didukung Program Penataan Kelembagaan Perangkat Daerah dengan kegiatan
            Fasilitasi Pemantapan SOTK Perangkat Daerah dan Penyusunan Instrumen Analisis
            Jabatan PNS. Kedua kegiatan tidak menyerap seluruh pagunya sementara indikatornya
            belum mencapai target; penggunaan anggaran sasaran ini perlu dikaitkan lebih erat
            dengan hasil penataan kelembagaan.
            """
        ),
        "program_pendukung": _md(
            """
            Program Penataan Kelembagaan Perangkat Daerah menunjang sasaran ini melalui dua
            kegiatan: Penyusunan Instrumen Analisis Jabatan PNS, yang menghasilkan analisis
            jabatan dan validasi evaluasi jabatan, serta Fasilitasi Pemantapan SOTK Perangkat
            Daerah. Hasil keduanya belum cukup untuk membawa indikator mencapai target.
            """
        ),
    },
    "Meningkatnya akuntabilitas kinerja perangkat daerah": {
        "uraian": _md(
            """
            Indikator sasaran ini adalah nilai AKIP komponen pelaporan kinerja, yang
            realisasinya pada tahun 2019 melampaui target. Evaluasi implementasi SAKIP oleh Tim
            Pemerintah Provinsi Jawa Timur, yang berlangsung kurang lebih sembilan bulan,
            menempatkan Kabupaten Magetan pada kategori B, naik dibanding tahun 2018.
            """
        ),
        "uraian_banding": _md(
            """
            Nilai AKIP komponen pelaporan kinerja dilaporkan mulai 2019. Nilai SAKIP kabupaten
            secara keseluruhan naik dari 63,84 pada 2018 menjadi 68,94 pada 2019.
            """
        ),
        "uraian_renstra": _md(
            """
            Target akhir Renstra komponen ini belum tercatat, sehingga tingkat kemajuannya belum
            dapat dihitung.
            """
        ),
        "standar_nasional": _md(
            """
            Hasil evaluasi implementasi SAKIP dinyatakan dalam nilai dan kategori yang berlaku
            sama bagi seluruh instansi pemerintah. Kabupaten Magetan memperoleh nilai 68,94
            (kategori B) pada tahun 2019, naik dari 63,84 pada tahun 2018.
            """
        ),
        "keberhasilan_kegagalan": _md(
            """
            Peningkatan dicapai melalui langkah-langkah berikut:

            - koordinasi dan konsolidasi yang lebih erat antara Bappeda, Inspektorat dan
              Bagian Organisasi sebagai penggerak utama SAKIP;
            - pembekalan perangkat daerah tentang pentingnya mutu SAKIP;
            - asistensi SAKIP bekerja sama dengan Kementerian PAN dan RB;
            - pendampingan penyusunan IKU oleh Biro Organisasi Setda Provinsi Jawa Timur.

            Kendala yang masih dihadapi: komitmen pimpinan terhadap SAKIP belum merata; Renstra,
            Renja, IKU, Perjanjian Kinerja dan dokumen lain belum selaras; dan belum ada
            pengelolaan data kinerja yang memadai untuk pengukuran dan pemanfaatan kinerja.
            """
        ),
        "solusi": _md(
            """
            - Menyelaraskan dokumen perencanaan dan perjanjian kinerja perangkat daerah melalui
              pendampingan.
            - Membangun mekanisme pengumpulan dan pengelolaan data kinerja.
            - Memperkuat komitmen pimpinan perangkat daerah melalui sosialisasi dan evaluasi
              SAKIP.
            """
        ),
        "efisiensi": _md(
            """
            Sasaran ini dibiayai Program Pengembangan Kinerja Perangkat Daerah melalui kegiatan
            Akuntabilitas Kinerja Instansi Pemerintah Daerah, kegiatan dengan pagu terbesar di
            Bagian Organisasi. Target terlampaui dan sebagian pagu tidak terpakai, sehingga
            sumber daya digunakan secara efisien.
            """
        ),
        "program_pendukung": _md(
            """
            Kegiatan Akuntabilitas Kinerja Instansi Pemerintah Daerah pada Program Pengembangan
            Kinerja Perangkat Daerah membiayai pendampingan, asistensi dan evaluasi SAKIP
            perangkat daerah, dan menjadi penunjang langsung kenaikan nilai AKIP.
            """
        ),
    },
    "Meningkatnya pengembangan kinerja dan reformasi birokrasi": {
        "uraian": _md(
            """
            Sasaran ini memiliki lima indikator: persentase Kelompok Budaya Kinerja (KBK) aktif
            dan nilai Reformasi Birokrasi (RB) bidang ketatalaksanaan, penataan dan penguatan
            organisasi, pelayanan publik, serta akuntabilitas kinerja. Target KBK aktif
            tercapai, tetapi nilai RB keempat bidang jauh di bawah target, sehingga sasaran ini
            mencatat capaian terendah. Pada tahun 2019 Tim KBK Puskesmas Karangrejo meraih
            predikat Harapan 1 kompetisi Budaya Kinerja tingkat Provinsi Jawa Timur.
            """
        ),
        "uraian_banding": _md(
            """
            Persentase KBK aktif dan nilai reformasi birokrasi per bidang baru diukur pada 2019,
            sehingga belum ada tahun pembanding. KBK aktif memenuhi target, sedangkan keempat
            nilai RB per bidang masih jauh di bawah target.
            """
        ),
        "uraian_renstra": _md(
            """
            Target akhir Renstra untuk indikator sasaran ini belum tercatat, sehingga tingkat
            kemajuannya belum dapat dihitung. Rencana aksi RB per bidang perlu diikat pada
            target akhir periode.
            """
        ),
        "standar_nasional": "",
        "keberhasilan_kegagalan": _md(
            """
            Target KBK tercapai karena setiap tahun Bagian Organisasi memberikan bimbingan
            teknis penyusunan Risalah Budaya Kinerja kepada seluruh perangkat daerah; risalah
            terbaik hasil seleksi dikirim ke kompetisi tingkat provinsi. Untuk reformasi
            birokrasi, Road Map disusun secara mandiri, Tim RB dibentuk dengan rencana aksi per
            kelompok kerja, dan PMPRB dilaksanakan bersama Inspektorat. Langkah-langkah itu
            baru tahap awal sehingga belum tercermin dalam nilai RB keempat bidang.
            """
        ),
        "solusi": _md(
            """
            - Mempercepat pelaksanaan rencana aksi setiap kelompok kerja Tim RB dan memantau
              kemajuannya.
            - Menindaklanjuti hasil PMPRB bersama Inspektorat.
            - Melanjutkan sosialisasi reformasi birokrasi dan bimbingan teknis budaya kinerja
              bagi perangkat daerah.
            """
        ),
        "efisiensi": _md(
            """
            Sasaran ini didukung Program Pembinaan dan Pengembangan Aparatur melalui kegiatan
            Budaya Kinerja Pemerintah Daerah dan Pengembangan Reformasi Birokrasi. Serapan
            kegiatan Pengembangan Reformasi Birokrasi paling rendah di antara seluruh kegiatan
            Bagian Organisasi, sejalan dengan nilai RB yang belum mencapai target; sisa
            anggarannya lebih menunjukkan kegiatan yang belum terlaksana optimal daripada
            penghematan.
            """
        ),
        "program_pendukung": _md(
            """
            Kegiatan Budaya Kinerja Pemerintah Daerah menunjang indikator KBK aktif melalui
            bimbingan teknis dan seleksi risalah budaya kinerja. Kegiatan Pengembangan
            Reformasi Birokrasi membiayai penyusunan Road Map RB, kerja Tim RB dan PMPRB, tetapi
            hasilnya belum cukup menunjang target nilai RB.
            """
        ),
    },
}

# The organisation chart of BAB I C (Peraturan Bupati Magetan Nomor 57 Tahun 2016): the
# Kepala Bagian and its three subbagian, under the Sekretaris Daerah.
STRUKTUR_ORGANISASI_2019 = {
    "judul": "STRUKTUR ORGANISASI BAGIAN ORGANISASI SEKRETARIAT DAERAH KABUPATEN MAGETAN",
    "atasan": "SEKRETARIS DAERAH",
    "atasan_catatan": "melalui koordinasi Asisten Administrasi dan Umum",
    "pimpinan": "KEPALA BAGIAN ORGANISASI",
    "unit": [
        "SUBBAGIAN KELEMBAGAAN DAN ANJAB",
        "SUBBAGIAN KETATALAKSANAAN DAN PELAYANAN PUBLIK",
        "SUBBAGIAN PENGEMBANGAN KINERJA DAN KEPEGAWAIAN",
    ],
    "sumber": "Peraturan Bupati Magetan Nomor 57 Tahun 2016",
}


# The LKjIP of the Pemerintah Kabupaten 2023 as Bagian Organisasi drafts it for the Bupati.
# Neither reference is a kabupaten report: the words state only what the references and the
# demo's data hold (the RPJMD 2018-2023, its two sasaran daerah and IKU, the two demo OPDs'
# results, seed 003's figures for Kecamatan Magetan); every figure of the tables comes from
# the data. The kabupaten's own IKU values for 2023 are Bagian Organisasi's indicators, whose
# Perjanjian Kinerja 2023 neither reference holds: the words say they are still to be
# entered, as a draft would, instead of inventing them.
NARASI_KABUPATEN_2023 = {
    "kata_pengantar": _md(
        """
        Puji syukur kepada Tuhan Yang Maha Esa, Laporan Kinerja Instansi Pemerintah (LKjIP)
        Pemerintah Kabupaten Magetan Tahun 2023 telah tersusun. Laporan ini merupakan
        pertanggungjawaban kinerja Pemerintah Kabupaten Magetan pada tahun terakhir Rencana
        Pembangunan Jangka Menengah Daerah (RPJMD) 2018-2023, sebagaimana diamanatkan
        Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi
        Pemerintah dan Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014.

        Laporan ini menyajikan capaian Indikator Kinerja Utama (IKU) Pemerintah Daerah
        terhadap target Perjanjian Kinerja Bupati, capaian kinerja setiap perangkat daerah,
        serta realisasi anggaran seluruh perangkat daerah. Kami berharap laporan ini menjadi
        bahan evaluasi dan perbaikan perencanaan pada periode berikutnya.

        Kepada seluruh perangkat daerah yang telah menyampaikan data kinerjanya, kami
        mengucapkan terima kasih.
        """
    ),
    "ikhtisar_eksekutif": _md(
        """
        Tahun 2023 adalah tahun terakhir RPJMD Kabupaten Magetan 2018-2023. Kinerja
        Pemerintah Daerah diukur pada dua sasaran daerah di bawah tujuan "Meningkatkan Tata
        Kelola Pemerintahan yang Baik dan Bersih" (misi 5): meningkatnya kepuasan masyarakat
        terhadap pelayanan publik dan meningkatnya akuntabilitas kinerja serta reformasi
        birokrasi.

        Kedua IKU Pemda diambil dari indikator yang diukur Bagian Organisasi Sekretariat
        Daerah. Realisasinya untuk tahun 2023 masih menunggu Perjanjian Kinerja dan isian
        triwulan Bagian Organisasi; ringkasan capaian di atas diperbarui dengan sendirinya
        begitu isian itu tersedia. Perangkat daerah pendukung yang telah melaporkan, antara
        lain Kecamatan Magetan, mencapai atau melampaui target sasarannya.
        """
    ),
    "latar_belakang": _md(
        """
        Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) mewajibkan setiap
        pemerintah daerah menyusun perencanaan kinerja, mengukur, melaporkan dan
        mengevaluasinya setiap tahun. LKjIP Pemerintah Kabupaten memuat pertanggungjawaban
        Bupati atas capaian sasaran RPJMD yang dijanjikan dalam Perjanjian Kinerja Bupati.

        Laporan ini disusun oleh Bagian Organisasi Sekretariat Daerah dari data yang
        dimasukkan setiap perangkat daerah dalam aplikasi SAKIP: Renstra, Perjanjian Kinerja,
        realisasi triwulan dan realisasi anggaran DPA.
        """
    ),
    "kedudukan_tugas_fungsi": _md(
        """
        Pemerintah Kabupaten Magetan beribu kota di Magetan. Penyelenggaraan pemerintahan
        dilaksanakan oleh Bupati dibantu perangkat daerah: sekretariat daerah dengan
        bagian-bagiannya, dinas, badan dan kecamatan. Setiap perangkat daerah menetapkan
        Renstra yang mengacu pada RPJMD dan menandatangani Perjanjian Kinerja tahunan dengan
        Bupati.

        Bagian Organisasi Sekretariat Daerah mengoordinasikan penyusunan dan evaluasi
        akuntabilitas kinerja seluruh perangkat daerah, termasuk penyusunan laporan ini.
        """
    ),
    "sistematika": _md(
        """
        Laporan ini disusun menurut Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014.
        Ikhtisar Eksekutif meringkas capaian. Bab I memuat latar belakang dan gambaran umum
        daerah dan pemerintahan. Bab II memuat RPJMD 2018-2023, kebijakan tahun 2023 dan
        Perjanjian Kinerja Bupati. Bab III menyajikan capaian setiap IKU Pemda dengan
        analisisnya per sasaran daerah, capaian kinerja setiap perangkat daerah dan realisasi
        anggaran. Bab IV berisi kesimpulan, upaya ke depan dan saran. Lampiran memuat
        Perjanjian Kinerja Bupati dan pohon kinerja.
        """
    ),
    "rencana_kinerja": _md(
        """
        Kebijakan tahun 2023 diarahkan pada penuntasan target akhir RPJMD 2018-2023 di bidang
        tata kelola pemerintahan: peningkatan kualitas pelayanan publik yang diukur dengan
        survei kepuasan masyarakat di setiap unit layanan, serta penguatan akuntabilitas
        kinerja dan budaya kerja aparatur melalui kelompok budaya kerja.

        Program perangkat daerah yang mendukung kedua sasaran daerah dipetakan dalam pohon
        kinerja (Lampiran 2): program penunjang urusan pemerintahan daerah, penyelenggaraan
        pemerintahan dan pelayanan publik, pemberdayaan masyarakat desa dan kelurahan, serta
        koordinasi ketenteraman dan ketertiban umum.
        """
    ),
    "hambatan": _md(
        """
        | Hambatan | Upaya perbaikan |
        |---|---|
        | Sebagian perangkat daerah belum menyampaikan Perjanjian Kinerja final tepat
          waktu, sehingga realisasi IKU Pemda yang bersumber darinya tertunda. | Jadwal
          pengisian per triwulan dan pengingat bagi perangkat daerah yang terlambat. |
        | Keterbatasan sumber daya manusia pada unit layanan. | Peningkatan kapasitas
          petugas pelayanan dan inovasi pelayanan. |
        """
    ),
    "kesimpulan": _md(
        """
        Pada tahun terakhir RPJMD 2018-2023, perangkat daerah pendukung sasaran "Meningkatkan
        Kepuasan Masyarakat Terhadap Pelayanan Publik" yang telah melaporkan mencapai target
        sasarannya. Capaian kedua IKU Pemda dinyatakan pada Bab III begitu realisasi Bagian
        Organisasi tahun 2023 lengkap.
        """
    ),
    "upaya_ke_depan": _md(
        """
        - Menyelaraskan IKU Pemda RPJMD periode berikutnya dengan indikator perangkat daerah
          sejak awal, agar setiap IKU memiliki sumber data yang jelas.
        - Memastikan setiap perangkat daerah menandatangani Perjanjian Kinerja paling lambat
          akhir Januari dan mengisi realisasi setiap triwulan tepat waktu.
        """
    ),
    "saran": _md(
        """
        Perangkat daerah diharapkan memanfaatkan hasil pengukuran triwulan sebagai peringatan
        dini, sehingga indikator yang diproyeksikan di bawah target dapat ditangani sebelum
        akhir tahun.
        """
    ),
}

ANALISIS_KABUPATEN_2023 = {
    "Meningkatkan Kepuasan Masyarakat Terhadap Pelayanan Publik": {
        "uraian": _md(
            """
            Sasaran ini diukur dengan Indeks Kepuasan Masyarakat (IKM) kabupaten, target 80
            (skor) setiap tahun RPJMD. IKM kabupaten dihimpun dari survei kepuasan masyarakat
            yang dilaksanakan seluruh perangkat daerah dan direkap Bagian Organisasi; nilainya
            diambil dari indikator Rata-rata Nilai IKM Bagian Organisasi.
            """
        ),
        "uraian_banding": _md(
            """
            Target IKM tetap 80 sepanjang periode. Realisasi tiap tahun tampil pada tabel
            perbandingan begitu tercatat; tahun tanpa realisasi ditandai "–".
            """
        ),
        "uraian_renstra": _md(
            """
            Target akhir RPJMD 2023 sama dengan target tahunan (80). Tingkat kemajuan dihitung
            dari realisasi 2023 terhadap target akhir tersebut.
            """
        ),
        "keberhasilan_kegagalan": _md(
            """
            Kecamatan Magetan, salah satu perangkat daerah pendukung, mencatat IKM 90,02
            terhadap target 85 pada tahun 2023 berkat pelayanan prima yang tepat dan efisien
            waktu. Hambatan yang dilaporkan adalah keterbatasan sumber daya manusia pelayanan.
            """
        ),
        "solusi": _md(
            """
            Meningkatkan inovasi dan kecepatan pelayanan di unit layanan serta menambah
            dukungan sumber daya manusia.
            """
        ),
        "efisiensi": _md(
            """
            Anggaran program pendukung terserap tinggi dengan sisa anggaran kecil; efisiensi
            dihitung dari pagu dan realisasi DPA program-program tersebut.
            """
        ),
        "program_pendukung": _md(
            """
            Program penunjang urusan pemerintahan daerah kabupaten/kota dengan indikator IKM,
            didukung program penyelenggaraan pemerintahan dan pelayanan publik, pemberdayaan
            masyarakat desa dan kelurahan, serta koordinasi ketenteraman dan ketertiban umum.
            """
        ),
    },
    "Meningkatnya Akuntabilitas Kinerja dan Reformasi Birokrasi": {
        "uraian": _md(
            """
            Sasaran ini diukur dengan persentase Kelompok Budaya Kerja (KBK) aktif, target 25 %
            setiap tahun RPJMD, yang diukur Bagian Organisasi.
            """
        ),
        "uraian_banding": _md(
            """
            Pada tahun 2019 persentase KBK aktif mencapai targetnya (25 %). Tahun-tahun
            berikutnya dibandingkan pada tabel begitu realisasinya tercatat.
            """
        ),
        "uraian_renstra": _md(
            """
            Target akhir RPJMD 2023 adalah 25 %, sama dengan target tahunan.
            """
        ),
        "keberhasilan_kegagalan": _md(
            """
            Akuntabilitas kinerja perangkat daerah didukung sasaran akuntabilitas kinerja
            Kecamatan Magetan dan sasaran reformasi birokrasi Bagian Organisasi. Keterlambatan
            Perjanjian Kinerja final sebagian perangkat daerah menjadi penyebab utama
            realisasi yang belum dapat dihitung.
            """
        ),
        "solusi": _md(
            """
            Pendampingan penyusunan dokumen SAKIP dan pemantauan jadwal pengisian triwulan.
            """
        ),
        "efisiensi": _md(
            """
            Sumber daya sasaran ini terutama berupa program penunjang dan penyelenggaraan
            pemerintahan perangkat daerah pendukungnya.
            """
        ),
        "program_pendukung": _md(
            """
            Program penyelenggaraan pemerintahan dan pelayanan publik serta pembinaan dan
            pengawasan pemerintahan desa.
            """
        ),
    },
}
