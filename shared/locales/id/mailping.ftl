# MailPing dalam bahasa Indonesia. Kunci dan variabel sama dengan locales/en/mailping.ftl
# (diperiksa oleh tes). Istilah: pelacak (tracker), dibaca (read), pemuatan (fetch),
# notifikasi (alert), pengingat, jam tenang, halaman salin.

language-name = Bahasa Indonesia

example-track = /track Proposal untuk ACME
example-track-recipients =
    /track Proposal untuk ACME
    Ani
    Budi

commands-title = Perintah MailPing
command-start = Sambutan dan panduan tiga langkah
command-track = Buat pelacak untuk satu email, mis. /track Proposal untuk ACME; satu penerima per baris berikutnya
    .args = &lt;label&gt;
command-opens = Daftar pelacakmu, atau linimasa pelacak n
    .args = [n]
command-mute = Hentikan notifikasi pelacak n (pembukaan tetap dicatat)
    .args = &lt;n&gt;
command-unmute = Nyalakan lagi notifikasi pelacak n
    .args = &lt;n&gt;
command-delete = Hapus pelacak n beserta semua pembukaannya
    .args = &lt;n&gt;
command-tz = Atur zona waktumu, mis. /tz Asia/Jakarta
    .args = &lt;zona&gt;
command-remind = Ingatkan jika pelacak n belum dibaca saat itu, mis. /remind 3 2d; tanpa argumen, daftar pengingat
    .args = [n] [kapan]
command-quiet = Jam tanpa pengingat, mis. /quiet 22:00-08:00 atau /quiet off
    .args = [jam]
command-forget = Hapus semua yang disimpan MailPing untuk obrolan ini
command-help = Tampilkan daftar ini
command-stats = Grafik 30 hari terakhirmu, atau pemuatan pelacak n
    .args = [n]
command-export = Pemuatan yang tercatat sebagai file CSV, atau hanya milik pelacak n
    .args = [n]
command-language = Pilih bahasa yang kupakai, mis. /language id
    .args = [kode]

option-label = label
    .description = Email apa ini, mis. Proposal untuk ACME
option-recipients = penerima
    .description = Satu pelacak per penerima, dipisah koma, mis. Ani, Budi
option-tracker = pelacak
    .description = Nomor pelacak, atau "default" untuk setiap pelacak baru (kosongkan untuk daftar)
option-when = kapan
    .description = mis. 2d, 36h, 1w, 3 days, atau off
option-hours = jam
    .description = mis. 22:00-08:00, atau off (kosongkan untuk melihat)
option-number = nomor
    .description = Nomor pelacak, lihat /opens
option-number-to-list = nomor
    .description = Nomor pelacak (kosongkan untuk daftar)
option-number-or-all = nomor
    .description = Nomor pelacak (kosongkan untuk semua pelacakmu)
option-zone = zona
    .description = Zona waktu IANA, mis. Asia/Jakarta
option-code = kode
    .description = Kode bahasa seperti id atau pt-BR (kosongkan untuk daftar)

welcome =
    <b>👋 Selamat datang di MailPing.</b> Aku memberitahumu saat seseorang membuka email yang kamu kirim: tanpa akses ke kotak masuk, tanpa mengubah tautan, hanya gambar tak terlihat.

    1. Kirim <code>{ example-track }</code> untuk mendapatkan pelacak.
    2. Tempel cuplikan yang kukirim ke emailmu (pengguna webmail: salin gambarnya dari halaman salin).
    3. Aku mengabarimu di sini saat email itu dibuka. <code>/opens</code> menampilkan riwayat, <code>/help</code> sisanya.
unknown-command = 🤔 Aku tidak tahu perintah <code>/{ $name }</code>. Kirim <code>/help</code> untuk melihat yang bisa kulakukan.
not-a-command = Aku hanya mengerti perintah. Untuk melacak email, kirim <code>{ example-track }</code>, atau <code>/help</code> untuk lainnya.
not-supported = Ini tidak didukung.
button-expired = Tombol ini sudah tidak berfungsi. Kirim /opens untuk daftar terbaru.

label-missing = ⚠️ Beri label pada email agar kamu bisa membedakan pelacakmu. Contoh: <code>{ example-track }</code>
label-too-long = ⚠️ Label itu panjangnya { $length } karakter; batasnya { $limit }. Contoh: <code>{ example-track }</code>
label-control-characters = ⚠️ Label tidak boleh berisi karakter kontrol seperti tab atau baris baru. Contoh: <code>{ example-track }</code>
label-invisible = ⚠️ Label itu akan tampil kosong: isinya hanya karakter tak terlihat. Tidak ada yang dibuat. Contoh: <code>{ example-track }</code>
label-layout-characters = ⚠️ Label tidak boleh berisi pemisah baris atau kontrol arah teks (seperti U+202E): keduanya akan mengacak pesan di sekitarnya. Tidak ada yang dibuat. Contoh: <code>{ example-track }</code>
slow-down-commands = ⏳ Pelan-pelan: kamu bisa mengirim { $count } perintah per menit. Coba lagi sebentar lagi.
slow-down-trackers = ⏳ Pelan-pelan: kamu bisa membuat { $count } pelacak baru per menit. Coba lagi sebentar lagi.
something-went-wrong = 😕 Ada yang salah di pihak kami. Coba lagi sebentar lagi.
missing-number = ⚠️ Pelacak yang mana? Sebutkan nomornya, mis. <code>/{ $command } 3</code>. <code>/opens</code> menampilkan daftarnya.
bad-number = ⚠️ <code>{ $input }</code> bukan nomor pelacak. Contoh: <code>/{ $command } 3</code>
no-such-tracker = ⚠️ Kamu tidak punya pelacak #{ $number }. <code>/opens</code> menampilkan milikmu.
too-many-recipients = ⚠️ Itu { $count } penerima; satu /track menerima paling banyak { $limit }. Tidak ada yang dibuat. Contoh:
delay-unknown = ⚠️ "{ $input }" bukan durasi yang kupahami. Pakai durasi dari satu menit sampai satu tahun, seperti <code>2d</code>, <code>36h</code>, <code>1w</code> atau <code>3 days</code>. Tidak ada yang diubah.
delay-too-short = ⚠️ Pengingat perlu paling sedikit satu menit. Pakai durasi dari satu menit sampai satu tahun, seperti <code>2d</code>, <code>36h</code>, <code>1w</code> atau <code>3 days</code>. Tidak ada yang diubah.
delay-too-long = ⚠️ Pengingat paling lama satu tahun lagi. Pakai durasi dari satu menit sampai satu tahun, seperti <code>2d</code>, <code>36h</code>, <code>1w</code> atau <code>3 days</code>. Tidak ada yang diubah.
missing-delay = ⚠️ Kapan? Sebutkan durasinya, mis. <code>/remind { $target } 3d</code>, atau <code>/remind { $target } off</code>.

button-timeline = 🕓 Linimasa
button-mute = 🔕 Bisukan
button-unmute = 🔔 Bunyikan
button-delete = 🗑 Hapus
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ Ingatkan lagi dalam { $delay }
button-stop-reminding = 🛑 Berhenti mengingatkan
button-wrong = ❓ Salah?
button-it-was-me = 👤 Itu aku
button-it-was-a-machine = 🤖 Itu mesin
button-yes-delete = Ya, hapus
button-yes-delete-everything = Ya, hapus semuanya
button-cancel = Batal
button-previous-page = ◀
button-next-page = ▶

duration-minutes = { $count } menit
duration-hours = { $count } jam
duration-days = { $count } hari
duration-weeks = { $count } minggu
ago-just-now = baru saja
ago-minutes = { $count } mnt lalu
ago-hours = { $count } jam lalu
ago-yesterday = kemarin
ago-days = { $count } hari lalu
short-seconds = { $count } dtk
short-minutes = { $count } mnt
short-hours = { $count } jam
short-hours-minutes = { $hours } jam { $minutes } mnt
short-days = { $count } hari
short-days-hours = { $days } hari { $hours } jam

tracker-created =
    ✅ Pelacak #{ $number } dibuat: <b>{ $label }</b>

    Tempel HTML ini ke emailmu:
tracker-image-url = URL gambar: <code>{ $url }</code>
tracker-webmail = Menulis di Gmail atau Outlook versi web? Buka <a href="{ $url }">halaman salin</a> lalu salin gambar tak terlihat dari sana.
default-reminder-note = ⏰ Aku akan mengingatkanmu jika belum ada bacaan terkonfirmasi dalam { $delay } (pengaturan bawaanmu).
ask-reminder = Mau diingatkan jika tidak ada yang membacanya?
trackers-created = ✅ { $count } pelacak dibuat, satu per penerima. Kirim ke setiap penerima salinan email mereka sendiri dengan gambar mereka sendiri:
trackers-created-line = #{ $number } <b>{ $label }</b>
copy-page = halaman salin
trackers-snippet = HTML untuk masing-masing adalah <code>{ $snippet }</code>.
image-url-placeholder = &lt;URL gambar&gt;
trackers-reminder-hint = Untuk pengingat jika salah satunya tidak dibaca, kirim <code>/remind { $number } 3d</code>.

reminder-set = ⏰ Dalam { $delay }, pada { $due } ({ $timezone }), aku akan mengingatkanmu jika #{ $number } <b>{ $label }</b> belum dibaca secara terkonfirmasi.
reminder-in-quiet-hours = Itu jatuh di jam tenangmu, jadi pengingatnya datang pada { $at }.
reminder-stopped = 🛑 Tidak ada pengingat untuk #{ $number } <b>{ $label }</b>.
already-read = ✅ #{ $number } <b>{ $label }</b> sudah dibaca, jadi tidak ada yang perlu diingatkan.
default-reminder-set = ⏰ Mulai sekarang, setiap pelacak baru mengingatkanmu jika belum dibaca secara terkonfirmasi dalam { $delay }.
default-reminder-off = ⏰ Pelacak baru tidak mendapat pengingat kecuali kamu memintanya.
reminders-title = ⏰ Pengingat
reminders-none = Tidak ada pengingat yang tertunda.
reminders-line = #{ $number } <b>{ $label }</b> — { $due }
reminders-times-in = Waktu dalam { $timezone }.
reminders-default = Pelacak baru mengingatkanmu setelah { $delay }.
reminders-no-default = Pelacak baru secara bawaan tidak punya pengingat.
reminders-quiet-hours = Jam tenang: { $hours }.
reminders-how = Pasang dengan <code>/remind 3 2d</code>, hentikan dengan <code>/remind 3 off</code>, atau atur bawaan dengan <code>/remind default 3d</code>.
reminder-due = ⏰ Belum ada bacaan terkonfirmasi untuk <b>{ $label }</b> setelah { $waited } (dikirim { $sent }).
reminder-apple-fetched = Apple Mail memuatnya saat pengiriman pada { $at }, dan itu bukan bacaan.
reminder-late = (Pengingat ini terlambat { $late }: MailPing sedang luring saat waktunya tiba.)

quiet-hours-on = 🌙 Jam tenang: { $hours } ({ $timezone }). Pengingat yang jatuh di jam itu menunggu sampai selesai.
quiet-hours-off-now = 🌙 Jam tenang nonaktif.
quiet-hours-how = Atur dengan <code>/quiet 22:00-08:00</code> atau matikan dengan <code>/quiet off</code>.
bad-quiet-hours = ⚠️ <code>{ $input }</code> bukan rentang waktu. Contoh: <code>/quiet 22:00-08:00</code>. Tidak ada yang diubah.
quiet-hours-set = 🌙 Jam tenang diatur ke { $hours } ({ $timezone }). Pengingat yang jatuh di jam itu datang setelahnya; notifikasi pembukaan tetap langsung masuk.

confirm-forget = 🧹 Hapus semua yang disimpan MailPing untuk obrolan ini: pelacakmu, setiap pembukaan, notifikasi dan pengingat, pengaturanmu, serta jaringan yang dipelajari dari halaman salinmu? Ini tidak bisa dibatalkan, dan gambar di emailmu akan berhenti melapor.
forgotten = 🧹 Selesai: MailPing tidak lagi menyimpan apa pun dari obrolan ini. Jika kamu mengirim perintah lagi, kamu mulai dari awal.
kept-everything = Semuanya tetap disimpan.

no-trackers = Kamu belum punya pelacak. Buat satu dengan <code>{ example-track }</code>.
trackers-title = 📋 Pelacakmu
trackers-page = (halaman { $page } dari { $pages })
tracker-not-opened = belum dibuka
tracker-only-machines = terkirim, belum terkonfirmasi dibaca (hanya mesin yang memuatnya: { $machines })
tracker-opened = dibuka { $count }×
tracker-last-read = , terakhir { $ago }
trackers-details = Rincian: <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 dibisukan

timeline-title = 🕓 #{ $number } <b>{ $label }</b> — waktu dalam { $timezone }
timeline-empty = Belum dibuka.
timeline-only-machines = 📭 Terkirim, belum terkonfirmasi dibaca: sejauh ini hanya mesin yang memuatnya. Setiap baris di bawah menyebut yang mana.
timeline-skipped = … { $count } baris sebelumnya tidak ditampilkan
timeline-reported = ❓ kamu bilang ini salah
timeline-older = ({ $count } pembukaan sebelumnya tidak ditampilkan)
timeline-through-relay = (melalui relai privasi)
timeline-not-counted = tidak dihitung: { $why }

kind-direct = dibuka
kind-gmail-proxy = dibuka lewat proksi gambar Gmail
kind-yahoo-proxy = dibuka lewat proksi gambar Yahoo
kind-apple-mpp = pramuat Apple Mail (terkirim, belum terkonfirmasi dibaca)
kind-link-preview = bot pratinjau tautan (bukan bacaan)
kind-scanner = pemindai keamanan atau bot (bukan bacaan)
kind-unverified = klien tak dikenal (belum terkonfirmasi dibaca)
kind-self-view = tampilanmu sendiri (bukan bacaan)
kind-duplicate = muatan berulang (tidak dihitung)
why-grace = tampilanmu sendiri (tepat setelah kamu membuat pelacak)
why-own-view = tampilanmu sendiri
why-repeat = muatan berulang · { $client }
why-link-scan = pemindaian tautan { $client }
why-prefetch = pramuat { $client } saat pengiriman
why-crawler = perayap { $client }
why-known-bot = bot yang dikenal
why-no-agent = skrip yang tidak mengirim User-Agent
why-data-centre = pusat data { $client } (di sana yang berjalan pemindai, bukan manusia)
why-unrecognised = klien tak dikenal { $client } (tidak ada tanda manusia)
why-implausible = { $client } (agen peramban yang tidak dikirim peramban asli mana pun: sebuah mesin)
why-bot-convention = { $client } (menyebut dirinya bot atau layanan)
why-reported-own-network = tampilanmu sendiri (jaringan yang kamu bilang milikmu)
why-reported-machine = { $client } (kamu bilang ini mesin)
why-link-preview = pratinjau tautan { $client }
why-scanner = { $client } (pemindai keamanan atau skrip)
why-apple-mpp = pramuat Perlindungan Privasi Mail Apple (terkirim, belum terkonfirmasi dibaca)

what-was-it = ❓ Pemuatan #{ $number } <b>{ $label }</b> itu apa?
noted = 📝 Dicatat untuk #{ $number } <b>{ $label }</b>.
learned-own-network = Mulai sekarang, pemuatan dari jaringan itu adalah tampilanmu sendiri, untuk pelacak ini dan pelacakmu berikutnya.
learned-machine = Mulai sekarang, klien itu dari jaringan itu adalah mesin, tidak pernah bacaan, untuk pelacak ini dan pelacakmu berikutnya.
shared-network-own-view = Pemuatan itu datang dari alamat yang dipakai banyak orang (proksi gambar webmail, relai Apple, atau jaringan penyedia), jadi MailPing tidak bisa mempelajarinya sebagai milikmu.
shared-network-machine = Pemuatan itu datang dari alamat yang dipakai banyak orang (proksi gambar webmail, relai Apple, atau jaringan penyedia), jadi MailPing tidak bisa mempelajarinya sebagai mesin tanpa menyembunyikan bacaan asli.
opens-marks-it = <code>/opens { $number }</code> menandainya.
open-gone = ⚠️ Pemuatan #{ $number } <b>{ $label }</b> itu sudah tidak tercatat, jadi tidak ada yang bisa dilaporkan.

muted = 🔕 #{ $number } <b>{ $label }</b> dibisukan. Pembukaan tetap dicatat, tapi aku tidak akan memberitahumu.
unmuted = 🔔 #{ $number } <b>{ $label }</b> dibunyikan lagi. Aku akan memberitahumu saat dibuka.
confirm-delete = 🗑 Hapus #{ $number } <b>{ $label }</b> beserta semua pembukaannya? Ini tidak bisa dibatalkan, dan gambar di emailmu akan berhenti melapor.
deleted = 🗑 #{ $number } <b>{ $label }</b> dihapus beserta semua pembukaannya.
kept = #{ $number } <b>{ $label }</b> tetap disimpan.
current-timezone = 🌍 Zona waktumu { $timezone }. Untuk mengubahnya, kirim <code>/tz Asia/Jakarta</code> dengan zonamu sendiri.
bad-timezone = ⚠️ <code>{ $input }</code> bukan zona waktu yang kukenal. Pakai nama IANA seperti <code>Asia/Jakarta</code> atau <code>Asia/Makassar</code>.
timezone-set = 🌍 Zona waktu diatur ke { $timezone }. Waktu kini ditampilkan dalam zona itu.

alert-apple = 📭 <b>{ $label }</b> sampai di kotak masuk Apple Mail. Apple memuatnya saat pengiriman, jadi ini bukan bacaan terkonfirmasi.
alert-opened = 📬 Dibuka: <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = pembukaan ke-{ $ordinal }
alert-times-since = dibuka { $count } kali sejak notifikasi terakhir
alert-more-in-minutes = { $minutes ->
    [one] dibuka { $count } kali lagi dalam semenit terakhir
   *[other] dibuka { $count } kali lagi dalam { $minutes } menit terakhir
}
alert-reminder-cancelled = ⏰ pengingat dibatalkan
alert-again-client-network = 🔀 Dibuka lagi, di { $client }, dari jaringan lain: diteruskan, atau perangkat lain.
alert-again-client = 🔀 Dibuka lagi, di { $client }: perangkat lain, atau diteruskan.
alert-again-network = 🔀 Dibuka lagi, dari jaringan lain: tempat lain, atau diteruskan.

stats-nothing = 📊 Belum ada yang bisa digrafikkan: tidak ada pelacak maupun pemuatan dalam { $days } hari terakhir. Buat satu dengan <code>{ example-track }</code>, lalu kembali setelah dibuka.
stats-no-fetches = 📭 #{ $number } <b>{ $label }</b> belum punya pemuatan tercatat, jadi tidak ada yang bisa digrafikkan.
stats-tracker = 📊 #{ $number } <b>{ $label }</b>: { $fetches } pemuatan, { $reads } dihitung sebagai bacaan.
stats-account = 📊 { $days } hari terakhir: { $created } pelacak dibuat, { $read } dibaca, { $unread } belum dibaca.
stats-median = Median waktu sampai bacaan pertama: <b>{ $median }</b>.

export-nothing = 📭 Belum ada yang bisa diekspor: belum ada pelacakmu yang mencatat pemuatan. <code>/opens</code> menampilkan daftarnya.
export-no-fetches = 📭 #{ $number } <b>{ $label }</b> belum punya pemuatan tercatat, jadi tidak ada yang bisa diekspor.
export-too-large = ⚠️ Ekspor ini tidak bisa dikirim di sini: batas unggahnya { $limit }. Coba satu pelacak sekali kirim, mis. <code>/export 3</code>.
export-all = 📤 Eksporanmu: setiap pemuatan tercatat (satu baris masing-masing, waktu dalam UTC dan zona waktumu), plus file terpisah berisi daftar pelacak.
export-tracker = 📤 Eksporanmu: pemuatan tercatat pelacak #{ $number } (satu baris masing-masing, waktu dalam UTC dan zona waktumu), plus file terpisah berisi daftar pelacak.
export-parts = Meski dikompres, ukurannya masih melebihi batas unggah { $limit } di sini, jadi dikirim dalam beberapa bagian: pemuatan dalam { $fetches } file, pelacak dalam { $trackers } file (.csv.gz, masing-masing CSV lengkap dengan baris judul). Ekstrak dulu sebelum dibuka.
export-compressed = Dikompres sebagai .csv.gz agar muat dalam batas unggah { $limit }; ekstrak dulu sebelum dibuka.
size-mib = { $count } MiB
size-mb = { $count } MB
size-kb = { $count } KB

language-current = 🗣 Bahasa obrolan ini: { $language }. Pilih yang lain:
language-set = 🗣 Bahasa diubah: { $language }.
language-auto = 🗣 Mulai sekarang aku memakai bahasa aplikasimu (saat ini { $language }).
language-unknown = ⚠️ Aku tidak bisa berbahasa <code>{ $input }</code>. Pilih salah satu dari ini:
button-language-auto = Bahasa aplikasi

chart-kind-direct = Langsung
chart-kind-gmail-proxy = Proksi Gmail
chart-kind-yahoo-proxy = Proksi Yahoo
chart-kind-apple-mpp = Pramuat Apple
chart-kind-link-preview = Pratinjau tautan
chart-kind-scanner = Pemindai atau bot
chart-kind-unverified = Klien tak dikenal
chart-kind-self-view = Tampilanmu sendiri
chart-kind-duplicate = Pengulangan
chart-other-reads = Bacaan lain
chart-account-title = { $days } hari terakhir, { $timezone }
chart-reads-per-day = Bacaan per hari
chart-not-counted = Tidak dihitung sebagai bacaan: pramuat Apple, bot, tampilanmu sendiri, pengulangan
chart-tracker-caption = { $fetches } pemuatan, { $reads } dihitung sebagai bacaan (titik penuh). Waktu dalam { $timezone }.

## Privasi (isu 29)
command-privacy = Apa yang disimpan dan berapa lama; mode ketat tidak menyimpan jaringan, agen, atau klien
    .args = [strict|standard]
command-retention = Berapa lama pembukaan di obrolan ini disimpan, dalam batas server
    .args = [30d|90d|1y]
command-notice = Satu baris dengan tautan berhenti untuk penerimamu, ditambahkan oleh /track
    .args = [on|off|teks]
option-mode = mode
    .description = strict atau standard (kosongkan untuk melihat apa yang disimpan)
option-period = periode
    .description = mis. 30d, 90d, 1y, atau default (kosongkan untuk melihat)
option-notice = pemberitahuan
    .description = on, off, default, atau kalimatmu sendiri dengan {"{"}link{"}"}
not-kept = klien tidak disimpan (privasi ketat)
retention-forever = tanpa batas
retention-days = { $count } hari
retention-years = { $count } tahun
privacy-title = <b>🔒 Privasi di obrolan ini</b>
privacy-mode-strict = Mode: ketat — setiap pembukaan hanya menyimpan pelacaknya, waktunya, jenisnya (dibaca, pramuat Apple, pemindai…) dan alasannya. Tanpa jaringan, tanpa User-Agent, tanpa nama aplikasi email.
privacy-mode-standard = Mode: standar — setiap pembukaan menyimpan waktu, jenis, dan alasannya, jaringan /24 atau /48 (tidak pernah alamat lengkap), hingga 200 byte User-Agent, dan nama aplikasi email.
privacy-server-default = (bawaan server)
privacy-kept-chat = Disimpan selama: { $period } (pilihan obrolan ini), lalu dihapus.
privacy-kept-server = Disimpan selama: { $period } (batas server), lalu dihapus.
privacy-also-kept = Juga disimpan: nama pelacakmu, pengaturanmu (zona waktu, pengingat, jam tenang), dan jaringan kunjunganmu sendiri ke halaman salin, agar kunjunganmu tidak dihitung sebagai dibaca.
privacy-notice-on = Pemberitahuan penerima: aktif — /track menambahkan satu baris dengan tautan berhenti untuk penerimamu.
privacy-notice-off = Pemberitahuan penerima: nonaktif — /notice on menambahkan satu baris dengan tautan berhenti di bawah cuplikan /track.
privacy-own-wording = (dengan kata-katamu sendiri)
privacy-change = Ubah: <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (atau 90d, 1y) · <code>/notice on</code>
privacy-forget = Hapus semua yang disimpan MailPing untuk obrolan ini: <code>/forget</code>
privacy-rules =
    Aturan tentang piksel email yang mungkin ingin kamu baca (ini bukan nasihat hukum; kamu yang menentukan apa yang berlaku bagimu):
    • Pedoman EDPB 2/2023 tentang Pasal 5(3) ePrivacy: piksel pelacak dalam email adalah akses ke perangkat penerima.
    • Keputusan CNIL 2026-042: mengukur pembukaan per penerima memerlukan persetujuan, dengan pengecualian terbatas; penarikan persetujuan juga berlaku untuk email yang sudah terkirim.
    • Ketetapan Garante 284/2026: di luar hitungan agregat yang dianonimkan, pesan keamanan, dan pesan layanan wajib, persetujuan diperlukan.
    • Panduan ICO tentang teknologi penyimpanan dan akses (2026): piksel termasuk di dalamnya; pengecualian statistiknya hanya untuk penggunaan agregat.
privacy-set-strict = 🔒 Privasi ketat aktif. Pembukaan baru hanya menyimpan pelacak, waktu, jenis, dan alasannya. { $count ->
    [0] Tidak ada pembukaan sebelumnya yang menyimpan lebih dari itu.
   *[other] Jaringan, User-Agent, dan klien dari { $count } pembukaan sebelumnya telah dihapus.
} Notifikasi dan /opens tetap membedakan dibaca dari mesin, tetapi tidak bisa lagi menyebut aplikasi emailnya.
privacy-set-standard = Privasi standar aktif: pembukaan baru kembali menyimpan jaringan /24 atau /48, User-Agent, dan nama klien. Yang sudah dihapus tetap terhapus.
privacy-bad = 🤔 "{ $input }" bukan mode privasi. Kirim <code>/privacy strict</code>, <code>/privacy standard</code>, atau <code>/privacy</code> untuk melihat apa yang disimpan.
retention-set = 🗑 Pembukaan di obrolan ini sekarang disimpan selama: { $period }; yang lebih lama dihapus dalam satu jam.
retention-set-default = Pembukaan di obrolan ini sekarang disimpan selama server menyimpannya: { $period }.
retention-current = Pembukaan di obrolan ini disimpan selama: { $period }. Ubah dengan <code>/retention 30d</code> (atau 90d, 1y), paling lama { $max }; <code>/retention default</code> kembali ke pengaturan server.
retention-bad = 🤔 "{ $input }" bukan periode yang kupahami. Kirim mis. <code>/retention 30d</code>, <code>/retention 90d</code>, atau <code>/retention 1y</code>.
retention-too-long = Server ini menyimpan pembukaan paling lama { $max }, jadi { $asked } tidak bisa di sini. Pilih { $max } atau kurang.
notice-default = Email ini memberi tahu saya saat dibuka. Jika Anda tidak menginginkannya, sampaikan di sini:
notice-for-tracker = Pemberitahuan untuk email #{ $number }:
notice-for-recipient = Pemberitahuan untuk penerimamu (letakkan di email, mis. di bawah tanda tangan):
notice-on = Pemberitahuan penerima aktif. /track menambahkan baris ini, dengan tautan berhenti milik setiap pelacak:
notice-off = Pemberitahuan penerima nonaktif. Dengan /notice on, /track menambahkan baris ini, dengan tautan berhenti milik setiap pelacak:
notice-change = Ubah kata-katanya dengan <code>/notice Kalimatmu sendiri dengan {"{"}link{"}"}</code>; <code>/notice default</code> mengembalikannya, <code>/notice off</code> mematikannya.
notice-too-long = Pemberitahuan itu terlalu panjang: buat kurang dari { $limit } karakter agar tetap satu baris biasa.
withdrawal-notice = 🚫 Penerima #{ $number } <b>{ $label }</b> meminta untuk tidak dilacak. MailPing tidak lagi mencatat apa pun untuknya, dan pembukaannya telah dihapus.
withdrawn-timeline = #{ $number } <b>{ $label }</b>: penerimanya meminta untuk tidak dilacak, jadi tidak ada yang dicatat dan pembukaannya telah dihapus.
export-strict-note = Pembukaan yang dicatat dalam mode privasi ketat tidak memiliki jaringan, User-Agent, atau klien.
optout-title = Hentikan pemberitahuan saat dibuka
optout-ask = Pengirim email yang Anda buka diberi tahu saat email itu dibuka. Tekan tombol ini, dan ia tidak akan diberi tahu lagi: tidak ada lagi yang dicatat untuk email itu, dan yang sudah tercatat dihapus.
optout-button = Hentikan pemberitahuan untuk email ini
optout-done = Selesai. Tidak ada lagi yang dicatat untuk email itu, yang sudah tercatat telah dihapus, dan pengirim diberi tahu bahwa Anda memintanya.
optout-already = Ini sudah dilakukan sebelumnya: tidak ada yang dicatat untuk email itu.
optout-unknown = Tautan ini tidak valid.
optout-press-the-button = Tidak ada yang diubah. Untuk menghentikan pemberitahuan, tekan tombol di halaman ini.
optout-try-later = Terjadi kesalahan. Silakan coba lagi sebentar lagi.
optout-too-many = Terlalu banyak permintaan. Silakan coba lagi dalam satu menit.
