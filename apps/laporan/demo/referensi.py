"""Demo data copied from the two reference LKjIP documents (row values only).

Every total and percentage the documents print is left out: the product computes them from
these rows. Where the documents are unclear, the choice made is written next to the value.

- Bagian Organisasi Setda Kabupaten Magetan, LKjIP 2019 (5 sasaran, 10 indicator rows).
- Kecamatan Magetan, LKjIP 2023 (Renstra 2018-2023, IKU, PK induk and Perubahan PK 2023,
  realisasi 2021-2023, DPA 2023 by sub kegiatan).
"""

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

# The three scales of DOMAIN.md. Bounds in percent; None = open end.
SKALA = [
    {
        "nama": "Skala 4 tingkat (LKjIP Bagian Organisasi 2019)",
        "sumber": "LKjIP Bagian Organisasi Setda Kab. Magetan 2019, BAB III",
        "tepi": "bawah",
        "rentang": [
            ("Baik Sekali", "85", None, "#1a7f37"),
            ("Baik", "70", "85", "#4c9f38"),
            ("Cukup Baik", "55", "70", "#d4a017"),
            ("Kurang Baik", None, "55", "#c0392b"),
        ],
    },
    {
        "nama": "Skala 7 tingkat (LKjIP Kecamatan Magetan 2023)",
        "sumber": "LKjIP Kecamatan Magetan 2023, Pengkategorian Capaian Kinerja",
        "tepi": "bawah",
        "rentang": [
            ("Sangat Memuaskan", "90", None, "#0b6e3a"),
            ("Memuaskan", "80", "90", "#1a7f37"),
            ("Sangat Baik", "70", "80", "#4c9f38"),
            ("Baik", "60", "70", "#8fbf3f"),
            ("Cukup", "50", "60", "#d4a017"),
            ("Kurang", "30", "50", "#e67e22"),
            ("Sangat Kurang", None, "30", "#c0392b"),
        ],
    },
    {
        "nama": "Permendagri 86/2017 (evaluasi Renja/RKPD)",
        "sumber": "Permendagri 86/2017: ≥91 Sangat Tinggi; 76-90 Tinggi; 66-75 Sedang; "
        "51-65 Rendah; ≤50 Sangat Rendah",
        "tepi": "atas",
        "rentang": [
            ("Sangat Tinggi", "90", None, "#0b6e3a"),
            ("Tinggi", "75", "90", "#4c9f38"),
            ("Sedang", "65", "75", "#d4a017"),
            ("Rendah", "50", "65", "#e67e22"),
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

NARASI_KECAMATAN_2023 = {
    "kata_pengantar": "Satuan kerja Kecamatan Magetan Kabupaten Magetan dalam melaksanakan "
    "program kegiatan yang telah ditetapkan selalu berupaya agar tertib program, tertib "
    "pelaksanaan, tertib anggaran, tertib pengawasan dan tertib pelaporan. Laporan Kinerja "
    "Instansi Pemerintah (LKjIP) Tahun 2023 ini diharapkan dapat dipakai sebagai tolok ukur "
    "pada perencanaan dan pelaksanaan program kerja tahunan berikutnya.",
    "kesimpulan": "Seluruh program dan kegiatan Tahun 2023 telah dilaksanakan sesuai rencana.",
}

NARASI_ORGANISASI_2019 = {
    "kata_pengantar": "Laporan Kinerja Instansi Pemerintah (LKjIP) Bagian Organisasi "
    "Sekretariat Daerah Kabupaten Magetan Tahun 2019 disusun sebagai bentuk akuntabilitas "
    "penyelenggaraan pemerintahan selama Tahun 2019.",
}
