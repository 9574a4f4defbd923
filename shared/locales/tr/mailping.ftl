# MailPing Türkçe. Anahtarlar ve değişkenler locales/en/mailping.ftl ile aynı (bir test
# denetler). Terimler: izleyici (tracker), okunma (read), yükleme (fetch), bildirim (alert),
# hatırlatma, sessiz saatler, kopyalama sayfası.

language-name = Türkçe

example-track = /track ACME için teklif
example-track-recipients =
    /track ACME için teklif
    Ayşe
    Burak

commands-title = MailPing komutları
command-start = Karşılama ve üç adımlık rehber
command-track = Bir e-posta için izleyici oluşturur, ör. /track ACME için teklif; her alıcı alt satırda
    .args = &lt;etiket&gt;
command-opens = İzleyicilerini listeler ya da n numaralı izleyicinin geçmişini gösterir
    .args = [n]
command-mute = n numaralı izleyicinin bildirimlerini durdurur (açılmalar kaydedilmeye devam eder)
    .args = &lt;n&gt;
command-unmute = n numaralı izleyicinin bildirimlerini yeniden açar
    .args = &lt;n&gt;
command-delete = n numaralı izleyiciyi ve tüm açılmalarını siler
    .args = &lt;n&gt;
command-tz = Saat dilimini ayarlar, ör. /tz Europe/Istanbul
    .args = &lt;dilim&gt;
command-remind = n numaralı izleyici o zamana kadar okunmazsa hatırlatır, ör. /remind 3 2d; tek başına listeler
    .args = [n] [ne zaman]
command-quiet = Hatırlatma gelmeyen saatler, ör. /quiet 22:00-08:00 ya da /quiet off
    .args = [saatler]
command-forget = MailPing'in bu sohbet için sakladığı her şeyi siler
command-help = Bu listeyi gösterir
command-stats = Son 30 gününün ya da n numaralı izleyicinin yüklemelerinin grafiği
    .args = [n]
command-export = Kaydedilen yüklemelerin CSV dosyası olarak, ya da yalnızca n numaralı izleyicininkiler
    .args = [n]
command-language = Yazdığım dili seçer, ör. /language tr
    .args = [kod]

option-label = etiket
    .description = E-postanın ne olduğu, ör. ACME için teklif
option-recipients = alıcılar
    .description = Her alıcıya bir izleyici, virgülle ayrılmış, ör. Ayşe, Burak
option-tracker = izleyici
    .description = İzleyici numarası ya da tüm yeni izleyiciler için "default" (listelemek için boş bırakın)
option-when = ne-zaman
    .description = ör. 2d, 36h, 1w, 3 days ya da off
option-hours = saatler
    .description = ör. 22:00-08:00 ya da off (görmek için boş bırakın)
option-number = numara
    .description = İzleyici numarası, bkz. /opens
option-number-to-list = numara
    .description = İzleyici numarası (listelemek için boş bırakın)
option-number-or-all = numara
    .description = İzleyici numarası (tüm izleyicileriniz için boş bırakın)
option-zone = dilim
    .description = IANA saat dilimi, ör. Europe/Istanbul
option-code = kod
    .description = tr ya da pt-BR gibi bir dil kodu (liste için boş bırakın)

welcome =
    <b>👋 MailPing'e hoş geldin.</b> Gönderdiğin bir e-postayı biri açtığında sana haber veririm: gelen kutuna erişim yok, bağlantılar değiştirilmez, yalnızca görünmez bir görsel.

    1. İzleyici almak için <code>{ example-track }</code> gönder.
    2. Gönderdiğim parçayı e-postana yapıştır (web postası kullanıyorsan görseli kopyalama sayfasından kopyala).
    3. Açıldığında sana buradan yazarım. <code>/opens</code> geçmişi, <code>/help</code> gerisini gösterir.
unknown-command = 🤔 <code>/{ $name }</code> komutunu bilmiyorum. Neler yapabildiğimi görmek için <code>/help</code> gönder.
not-a-command = Yalnızca komutları anlarım. Bir e-postayı izlemek için <code>{ example-track }</code> gönder, gerisi için <code>/help</code>.
not-supported = Bu desteklenmiyor.
button-expired = Bu düğme artık çalışmıyor. Güncel liste için /opens gönder.

label-missing = ⚠️ İzleyicilerini ayırt edebilmen için e-postaya bir etiket ver. Örnek: <code>{ example-track }</code>
label-too-long = ⚠️ Bu etiket { $length } karakter; sınır { $limit }. Örnek: <code>{ example-track }</code>
label-control-characters = ⚠️ Etiket sekme ya da satır sonu gibi denetim karakterleri içeremez. Örnek: <code>{ example-track }</code>
label-invisible = ⚠️ Bu etiket boş görünürdü: yalnızca görünmez karakterler içeriyor. Hiçbir şey oluşturulmadı. Örnek: <code>{ example-track }</code>
label-layout-characters = ⚠️ Etiket satır ayırıcıları ya da yazı yönü denetimleri (U+202E gibi) içeremez: çevresindeki mesajları karıştırırlar. Hiçbir şey oluşturulmadı. Örnek: <code>{ example-track }</code>
slow-down-commands = ⏳ Biraz yavaş: dakikada { $count } komut gönderebilirsin. Birazdan yeniden dene.
slow-down-trackers = ⏳ Biraz yavaş: dakikada { $count } yeni izleyici oluşturabilirsin. Birazdan yeniden dene.
something-went-wrong = 😕 Bizim tarafımızda bir şeyler ters gitti. Birazdan yeniden dene.
missing-number = ⚠️ Hangi izleyici? Numarasını yaz, ör. <code>/{ $command } 3</code>. <code>/opens</code> hepsini listeler.
bad-number = ⚠️ <code>{ $input }</code> bir izleyici numarası değil. Örnek: <code>/{ $command } 3</code>
no-such-tracker = ⚠️ { $number } numaralı bir izleyicin yok. <code>/opens</code> seninkileri listeler.
too-many-recipients = ⚠️ Bu { $count } alıcı; bir /track en fazla { $limit } alıcı alır. Hiçbir şey oluşturulmadı. Örnek:
delay-unknown = ⚠️ "{ $input }" anladığım bir süre değil. Bir dakika ile bir yıl arasında bir süre kullan, ör. <code>2d</code>, <code>36h</code>, <code>1w</code> ya da <code>3 days</code>. Hiçbir şey değişmedi.
delay-too-short = ⚠️ Bir hatırlatma en az bir dakika sonra olmalı. Bir dakika ile bir yıl arasında bir süre kullan, ör. <code>2d</code>, <code>36h</code>, <code>1w</code> ya da <code>3 days</code>. Hiçbir şey değişmedi.
delay-too-long = ⚠️ Bir hatırlatma en fazla bir yıl sonra olabilir. Bir dakika ile bir yıl arasında bir süre kullan, ör. <code>2d</code>, <code>36h</code>, <code>1w</code> ya da <code>3 days</code>. Hiçbir şey değişmedi.
missing-delay = ⚠️ Ne zaman? Bir süre yaz, ör. <code>/remind { $target } 3d</code> ya da <code>/remind { $target } off</code>.

button-timeline = 🕓 Geçmiş
button-mute = 🔕 Sessize al
button-unmute = 🔔 Sesi aç
button-delete = 🗑 Sil
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ { $delay } sonra yine hatırlat
button-stop-reminding = 🛑 Hatırlatmayı bırak
button-wrong = ❓ Yanlış mı?
button-it-was-me = 👤 Bendim
button-it-was-a-machine = 🤖 Bir makineydi
button-yes-delete = Evet, sil
button-yes-delete-everything = Evet, her şeyi sil
button-cancel = Vazgeç
button-previous-page = ◀
button-next-page = ▶

duration-minutes = { $count } dakika
duration-hours = { $count } saat
duration-days = { $count } gün
duration-weeks = { $count } hafta
ago-just-now = az önce
ago-minutes = { $count } dk önce
ago-hours = { $count } sa önce
ago-yesterday = dün
ago-days = { $count } gün önce
short-seconds = { $count } sn
short-minutes = { $count } dk
short-hours = { $count } sa
short-hours-minutes = { $hours } sa { $minutes } dk
short-days = { $count } gün
short-days-hours = { $days } gün { $hours } sa

tracker-created =
    ✅ { $number } numaralı izleyici oluşturuldu: <b>{ $label }</b>

    Bu HTML'i e-postana yapıştır:
tracker-image-url = Görsel adresi: <code>{ $url }</code>
tracker-webmail = Gmail'de ya da web'deki Outlook'ta mı yazıyorsun? <a href="{ $url }">Kopyalama sayfasını</a> aç ve görünmez görseli oradan kopyala.
default-reminder-note = ⏰ { $delay } içinde onaylı bir okunma olmazsa sana hatırlatırım (varsayılan ayarın).
ask-reminder = Kimse okumazsa hatırlatayım mı?
trackers-created = ✅ Her alıcıya bir tane olmak üzere { $count } izleyici oluşturuldu. Her alıcıya kendi görseliyle kendi e-posta kopyasını gönder:
trackers-created-line = #{ $number } <b>{ $label }</b>
copy-page = kopyalama sayfası
trackers-snippet = Her birinin HTML'i: <code>{ $snippet }</code>.
image-url-placeholder = &lt;görsel adresi&gt;
trackers-reminder-hint = Biri okunmazsa hatırlatma için <code>/remind { $number } 3d</code> gönder.

reminder-set = ⏰ { $delay } sonra, { $due } ({ $timezone }), #{ $number } <b>{ $label }</b> için onaylı bir okunma yoksa sana hatırlatırım.
reminder-in-quiet-hours = Bu, sessiz saatlerine denk geliyor; bu yüzden { $at } gelecek.
reminder-stopped = 🛑 #{ $number } <b>{ $label }</b> için hatırlatma yok.
already-read = ✅ #{ $number } <b>{ $label }</b> zaten okundu, hatırlatacak bir şey yok.
default-reminder-set = ⏰ Artık her yeni izleyici, { $delay } içinde onaylı bir okunma olmazsa sana hatırlatır.
default-reminder-off = ⏰ Sen istemedikçe yeni izleyicilere hatırlatma kurulmaz.
reminders-title = ⏰ Hatırlatmalar
reminders-none = Bekleyen hatırlatma yok.
reminders-line = #{ $number } <b>{ $label }</b> — { $due }
reminders-times-in = Saatler { $timezone } diliminde.
reminders-default = Yeni izleyiciler { $delay } sonra hatırlatır.
reminders-no-default = Yeni izleyicilerin varsayılan hatırlatması yok.
reminders-quiet-hours = Sessiz saatler: { $hours }.
reminders-how = Kurmak için <code>/remind 3 2d</code>, durdurmak için <code>/remind 3 off</code>, varsayılan için <code>/remind default 3d</code>.
reminder-due = ⏰ <b>{ $label }</b> için { $waited } sonra hâlâ onaylı okunma yok (gönderim: { $sent }).
reminder-apple-fetched = Apple Mail teslimatta { $at } saatinde yükledi; bu bir okunma değildir.
reminder-late = (Bu hatırlatma { $late } gecikti: zamanı geldiğinde MailPing çevrimdışıydı.)

quiet-hours-on = 🌙 Sessiz saatler: { $hours } ({ $timezone }). O saatlerde düşen hatırlatmalar bitmelerini bekler.
quiet-hours-off-now = 🌙 Sessiz saatler kapalı.
quiet-hours-how = <code>/quiet 22:00-08:00</code> ile ayarla ya da <code>/quiet off</code> ile kapat.
bad-quiet-hours = ⚠️ <code>{ $input }</code> bir saat aralığı değil. Örnek: <code>/quiet 22:00-08:00</code>. Hiçbir şey değişmedi.
quiet-hours-set = 🌙 Sessiz saatler { $hours } ({ $timezone }) olarak ayarlandı. O saatlerde düşen hatırlatmalar bitince gelir; açılma bildirimleri yine hemen gelir.

confirm-forget = 🧹 MailPing'in bu sohbet için sakladığı her şey silinsin mi: izleyicilerin, tüm açılmalar, bildirimler ve hatırlatmalar, ayarların ve kopyalama sayfalarından öğrenilen ağlar? Bu geri alınamaz ve e-postalarındaki görseller artık bildirim göndermez.
forgotten = 🧹 Tamam: MailPing artık bu sohbetten hiçbir şey saklamıyor. Yeni bir komut gönderirsen sıfırdan başlarsın.
kept-everything = Her şey korundu.

no-trackers = Henüz izleyicin yok. <code>{ example-track }</code> ile bir tane oluştur.
trackers-title = 📋 İzleyicilerin
trackers-page = (sayfa { $page } / { $pages })
tracker-not-opened = henüz açılmadı
tracker-only-machines = teslim edildi, okunma henüz onaylanmadı (yalnızca makineler yükledi: { $machines })
tracker-opened = { $count }× açıldı
tracker-last-read = , son { $ago }
trackers-details = Ayrıntılar: <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 sessizde

timeline-title = 🕓 #{ $number } <b>{ $label }</b> — saatler { $timezone } diliminde
timeline-empty = Henüz açılmadı.
timeline-only-machines = 📭 Teslim edildi, okunma henüz onaylanmadı: şimdiye kadar yalnızca makineler yükledi. Aşağıdaki her satır hangisi olduğunu söyler.
timeline-skipped = … önceki { $count } satır gösterilmiyor
timeline-reported = ❓ bunun yanlış olduğunu söyledin
timeline-older = (önceki { $count } açılma gösterilmiyor)
timeline-through-relay = (bir gizlilik aktarıcısı üzerinden)
timeline-not-counted = sayılmadı: { $why }

kind-direct = açıldı
kind-gmail-proxy = Gmail görsel proxy'si üzerinden açıldı
kind-yahoo-proxy = Yahoo görsel proxy'si üzerinden açıldı
kind-apple-mpp = Apple Mail ön yüklemesi (teslim edildi, okunma onaylanmadı)
kind-link-preview = bağlantı önizleme botu (okunma değil)
kind-scanner = güvenlik tarayıcısı ya da bot (okunma değil)
kind-unverified = tanınmayan istemci (okunma onaylanmadı)
kind-self-view = kendi görüntülemen (okunma değil)
kind-duplicate = tekrar yükleme (sayılmadı)
why-grace = kendi görüntülemen (izleyiciyi oluşturduktan hemen sonra)
why-own-view = kendi görüntülemen
why-repeat = tekrar yükleme · { $client }
why-link-scan = { $client } bağlantı taraması
why-prefetch = { $client } teslimatta ön yükleme
why-crawler = { $client } tarayıcı robotu
why-known-bot = bilinen bir bot
why-no-agent = User-Agent göndermeyen bir betik
why-data-centre = { $client } veri merkezi (orada insanlar değil tarayıcılar çalışır)
why-unrecognised = tanınmayan istemci { $client } (bir insana dair iz yok)
why-implausible = { $client } (gerçek hiçbir tarayıcının göndermediği bir tarayıcı kimliği: bir makine)
why-bot-convention = { $client } (kendini bot ya da hizmet olarak tanıtıyor)
why-reported-own-network = kendi görüntülemen (senin olduğunu söylediğin bir ağ)
why-reported-machine = { $client } (makine olduğunu söyledin)
why-link-preview = { $client } bağlantı önizlemesi
why-scanner = { $client } (bir güvenlik tarayıcısı ya da betik)
why-apple-mpp = Apple Mail Gizlilik Koruması ön yüklemesi (teslim edildi, okunma onaylanmadı)

what-was-it = ❓ #{ $number } <b>{ $label }</b> için o yükleme neydi?
noted = 📝 #{ $number } <b>{ $label }</b> için not edildi.
learned-own-network = Artık o ağdan gelen yüklemeler, bu izleyici ve sonrakiler için senin kendi görüntülemelerin sayılır.
learned-machine = Artık o ağdan gelen o istemci, bu izleyici ve sonrakiler için bir makinedir, asla okunma sayılmaz.
shared-network-own-view = O yükleme, birçok kişinin paylaştığı bir adresten geldi (bir web postası görsel proxy'si, Apple'ın aktarıcısı ya da bir sağlayıcının ağı); bu yüzden MailPing onu senin ağın olarak öğrenemez.
shared-network-machine = O yükleme, birçok kişinin paylaştığı bir adresten geldi (bir web postası görsel proxy'si, Apple'ın aktarıcısı ya da bir sağlayıcının ağı); bu yüzden MailPing gerçek okunmaları gizlemeden onu makine olarak öğrenemez.
opens-marks-it = <code>/opens { $number }</code> bunu işaretler.
open-gone = ⚠️ #{ $number } <b>{ $label }</b> için o yükleme artık kayıtlı değil, bildirilecek bir şey yok.

muted = 🔕 #{ $number } <b>{ $label }</b> sessize alındı. Açılmalar kaydedilmeye devam eder ama sana bildirim göndermem.
unmuted = 🔔 #{ $number } <b>{ $label }</b> için ses açıldı. Açıldığında sana bildiririm.
confirm-delete = 🗑 #{ $number } <b>{ $label }</b> ve tüm açılmaları silinsin mi? Bu geri alınamaz ve e-postandaki görsel artık bildirim göndermez.
deleted = 🗑 #{ $number } <b>{ $label }</b> tüm açılmalarıyla silindi.
kept = #{ $number } <b>{ $label }</b> korundu.
current-timezone = 🌍 Saat dilimin { $timezone }. Değiştirmek için kendi diliminle <code>/tz Europe/Istanbul</code> gönder.
bad-timezone = ⚠️ <code>{ $input }</code> bildiğim bir saat dilimi değil. <code>Europe/Istanbul</code> ya da <code>Europe/Berlin</code> gibi bir IANA adı kullan.
timezone-set = 🌍 Saat dilimi { $timezone } olarak ayarlandı. Saatler artık bu dilimde gösteriliyor.

alert-apple = 📭 <b>{ $label }</b> bir Apple Mail gelen kutusuna ulaştı. Apple teslimatta yükledi, bu yüzden bu onaylı bir okunma değil.
alert-opened = 📬 Açıldı: <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = { $ordinal }. açılma
alert-times-since = son bildirimden bu yana { $count } kez açıldı
alert-more-in-minutes = { $minutes ->
    [one] son bir dakikada { $count } kez daha açıldı
   *[other] son { $minutes } dakikada { $count } kez daha açıldı
}
alert-reminder-cancelled = ⏰ hatırlatma iptal edildi
alert-again-client-network = 🔀 Yine açıldı, { $client } ile, başka bir ağdan: iletildi ya da başka bir cihaz.
alert-again-client = 🔀 Yine açıldı, { $client } ile: başka bir cihaz ya da iletildi.
alert-again-network = 🔀 Yine açıldı, başka bir ağdan: başka bir yer ya da iletildi.

stats-nothing = 📊 Henüz grafiğe dökülecek bir şey yok: son { $days } günde izleyici de yükleme de yok. <code>{ example-track }</code> ile bir tane oluştur ve açıldıktan sonra geri gel.
stats-no-fetches = 📭 #{ $number } <b>{ $label }</b> için henüz kayıtlı yükleme yok, grafiğe dökülecek bir şey yok.
stats-tracker = 📊 #{ $number } <b>{ $label }</b>: { $fetches } yükleme, { $reads } tanesi okunma sayıldı.
stats-account = 📊 Son { $days } gün: { $created } izleyici oluşturuldu, { $read } okundu, { $unread } henüz okunmadı.
stats-median = İlk okunmaya kadar geçen medyan süre: <b>{ $median }</b>.

export-nothing = 📭 Henüz dışa aktarılacak bir şey yok: izleyicilerinin hiçbiri yükleme kaydetmedi. <code>/opens</code> hepsini listeler.
export-no-fetches = 📭 #{ $number } <b>{ $label }</b> için henüz kayıtlı yükleme yok, dışa aktarılacak bir şey yok.
export-too-large = ⚠️ Bu dışa aktarım buraya gönderilemez: yükleme sınırı { $limit }. Her seferinde bir izleyici dene, ör. <code>/export 3</code>.
export-all = 📤 Dışa aktarımın: kaydedilen tüm yüklemeler (her biri bir satır, saatler UTC'de ve senin diliminde) ve izleyicileri listeleyen ayrı bir dosya.
export-tracker = 📤 Dışa aktarımın: { $number } numaralı izleyicinin kaydedilen yüklemeleri (her biri bir satır, saatler UTC'de ve senin diliminde) ve izleyicileri listeleyen ayrı bir dosya.
export-parts = Sıkıştırılmış hâliyle bile buradaki { $limit } yükleme sınırını aşıyor, bu yüzden parça parça geliyor: yüklemeler { $fetches } dosyada, izleyiciler { $trackers } dosyada (.csv.gz, her biri başlık satırıyla tam bir CSV). Açmadan önce sıkıştırmayı aç.
export-compressed = { $limit } yükleme sınırına sığması için .csv.gz olarak sıkıştırıldı; açmadan önce sıkıştırmayı aç.
size-mib = { $count } MiB
size-mb = { $count } MB
size-kb = { $count } KB

language-current = 🗣 Bu sohbetin dili: { $language }. Başka birini seç:
language-set = 🗣 Dil değişti: { $language }.
language-auto = 🗣 Artık uygulamanın dilini kullanıyorum (şu an { $language }).
language-unknown = ⚠️ <code>{ $input }</code> dilini bilmiyorum. Şunlardan birini seç:
button-language-auto = Uygulamanın dili

chart-kind-direct = Doğrudan
chart-kind-gmail-proxy = Gmail proxy'si
chart-kind-yahoo-proxy = Yahoo proxy'si
chart-kind-apple-mpp = Apple ön yüklemesi
chart-kind-link-preview = Bağlantı önizlemesi
chart-kind-scanner = Tarayıcı ya da bot
chart-kind-unverified = Tanınmayan istemci
chart-kind-self-view = Kendi görüntülemen
chart-kind-duplicate = Tekrar
chart-other-reads = Diğer okunmalar
chart-account-title = Son { $days } gün, { $timezone }
chart-reads-per-day = Günlük okunmalar
chart-not-counted = Okunma sayılmayanlar: Apple ön yüklemeleri, botlar, kendi görüntülemelerin, tekrarlar
chart-tracker-caption = { $fetches } yükleme, { $reads } tanesi okunma sayıldı (dolu noktalar). Saatler { $timezone } diliminde.

## Gizlilik (konu 29)
command-privacy = Nelerin ne kadar süre saklandığı; katı mod ağ, aracı ya da istemci saklamaz
    .args = [strict|standard]
command-retention = Bu sohbetin açılmalarının ne kadar saklanacağı, sunucunun sınırı içinde
    .args = [30d|90d|1y]
command-notice = /track'in alıcın için eklediği, vazgeçme bağlantılı bir satır
    .args = [on|off|metin]
option-mode = mod
    .description = strict ya da standard (nelerin saklandığını görmek için boş bırak)
option-period = süre
    .description = ör. 30d, 90d, 1y ya da default (görmek için boş bırak)
option-notice = uyarı
    .description = on, off, default ya da {"{"}link{"}"} içeren kendi cümlen
not-kept = istemci saklanmadı (katı gizlilik)
retention-forever = süresiz
retention-days = { $count } gün
retention-years = { $count } yıl
privacy-title = <b>🔒 Bu sohbette gizlilik</b>
privacy-mode-strict = Mod: katı — her açılma yalnızca izleyicisini, zamanını, türünü (okunma, Apple ön yüklemesi, tarayıcı…) ve nedenini saklar. Ağ yok, User-Agent yok, e-posta programının adı yok.
privacy-mode-standard = Mod: standart — her açılma zamanını, türünü ve nedenini, /24 ya da /48 ağını (asla tam adresi değil), User-Agent'ın en fazla 200 baytını ve e-posta programının adını saklar.
privacy-server-default = (sunucunun varsayılanı)
privacy-kept-chat = Saklama süresi: { $period } (bu sohbetin seçimi), sonra silinir.
privacy-kept-server = Saklama süresi: { $period } (sunucunun sınırı), sonra silinir.
privacy-also-kept = Ayrıca saklananlar: izleyicilerinin adları, ayarların (saat dilimi, hatırlatmalar, sessiz saatler) ve kendi kopyalama sayfası ziyaretlerinin ağları; böylece kendi ziyaretlerin okunma sayılmaz.
privacy-notice-on = Alıcı uyarısı: açık — /track, alıcın için vazgeçme bağlantılı bir satır ekler.
privacy-notice-off = Alıcı uyarısı: kapalı — /notice on, /track'in parçasının altına vazgeçme bağlantılı bir satır ekler.
privacy-own-wording = (kendi metninle)
privacy-change = Değiştir: <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (ya da 90d, 1y) · <code>/notice on</code>
privacy-forget = MailPing'in bu sohbet için sakladığı her şeyi sil: <code>/forget</code>
privacy-rules =
    E-posta piksellerine dair okumak isteyebileceğin kurallar (bu hukuki tavsiye değildir; sana neyin uygulanacağına sen karar verirsin):
    • EDPB'nin ePrivacy md. 5(3) hakkındaki 2/2023 sayılı Kılavuzu: e-postadaki bir izleme pikseli, alıcının cihazına erişimdir.
    • CNIL'in 2026-042 sayılı kararı: açılmaları alıcı bazında ölçmek, dar istisnalar dışında rıza gerektirir; rızanın geri alınması önceden gönderilmiş e-postaları da kapsar.
    • Garante'nin 284/2026 sayılı kararı: anonim toplu sayımlar, güvenlik ve zorunlu hizmet mesajları dışında rıza gerekir.
    • ICO'nun depolama ve erişim teknolojileri rehberi (2026): pikseller kapsamdadır; istatistik istisnası toplu kullanım içindir.
privacy-set-strict = 🔒 Katı gizlilik açık. Yeni açılmalar yalnızca izleyicilerini, zamanlarını, türlerini ve nedenlerini saklar. { $count ->
    [0] Daha önceki hiçbir açılma bundan fazlasını saklamıyordu.
   *[other] Önceki { $count } açılmanın ağı, User-Agent'ı ve istemcisi silindi.
} Bildirimler ve /opens okunmaları makinelerden ayırmaya devam eder ama artık e-posta programının adını veremez.
privacy-set-standard = Standart gizlilik açık: yeni açılmalar yine /24 ya da /48 ağını, User-Agent'ı ve istemcinin adını saklar. Daha önce silinenler silinmiş kalır.
privacy-bad = 🤔 "{ $input }" bir gizlilik modu değil. Nelerin saklandığını görmek için <code>/privacy strict</code>, <code>/privacy standard</code> ya da <code>/privacy</code> gönder.
retention-set = 🗑 Bu sohbetin açılmalarının saklama süresi artık: { $period }; daha eskileri bir saat içinde silinir.
retention-set-default = Bu sohbetin açılmaları artık sunucunun sakladığı kadar saklanır: { $period }.
retention-current = Bu sohbetteki açılmaların saklama süresi: { $period }. <code>/retention 30d</code> (ya da 90d, 1y) ile en fazla { $max } olacak şekilde değiştir; <code>/retention default</code> sunucununkine döner.
retention-bad = 🤔 "{ $input }" anladığım bir süre değil. Örneğin <code>/retention 30d</code>, <code>/retention 90d</code> ya da <code>/retention 1y</code> gönder.
retention-too-long = Bu sunucu açılmaları en fazla { $max } saklar, bu yüzden { $asked } burada mümkün değil. { $max } ya da daha kısasını seç.
notice-default = Bu e-posta açıldığında bana haber verir. Bunu istemiyorsan burada söyleyebilirsin:
notice-for-tracker = #{ $number } e-postası için uyarı:
notice-for-recipient = Alıcın için uyarı (e-postaya koy, ör. imzanın altına):
notice-on = Alıcı uyarısı açık. /track bu satırı, her izleyicinin kendi vazgeçme bağlantısıyla ekler:
notice-off = Alıcı uyarısı kapalı. /notice on ile /track bu satırı, her izleyicinin kendi vazgeçme bağlantısıyla ekler:
notice-change = Metni <code>/notice {"{"}link{"}"} içeren kendi cümlen</code> ile değiştir; <code>/notice default</code> varsayılana döndürür, <code>/notice off</code> kapatır.
notice-too-long = Bu uyarı çok uzun: tek bir düz satır olarak kalması için { $limit } karakterin altında tut.
withdrawal-notice = 🚫 #{ $number } <b>{ $label }</b> alıcısı izlenmek istemediğini bildirdi. MailPing bunun için artık hiçbir şey kaydetmiyor ve açılmaları silindi.
withdrawn-timeline = #{ $number } <b>{ $label }</b>: alıcısı izlenmek istemediğini bildirdi; bu yüzden hiçbir şey kaydedilmiyor ve açılmaları silindi.
export-strict-note = Katı gizlilik modunda kaydedilen açılmaların ağı, User-Agent'ı ve istemcisi yoktur.
optout-title = Açılma bildirimlerini durdur
optout-ask = Geldiğin e-postanın göndericisi, e-posta açıldığında bundan haberdar olur. Düğmeye bas, artık haberdar olmasın: bu e-posta için hiçbir şey kaydedilmez ve kaydedilenler silinir.
optout-button = Bu e-posta için bildirimleri durdur
optout-done = Tamam. Bu e-posta için artık hiçbir şey kaydedilmiyor, kaydedilenler silindi ve göndericiye bunu senin istediğin bildiriliyor.
optout-already = Bu daha önce yapılmış: bu e-posta için hiçbir şey kaydedilmiyor.
optout-unknown = Bu bağlantı geçerli değil.
optout-press-the-button = Hiçbir şey değişmedi. Bildirimleri durdurmak için bu sayfadaki düğmeye bas.
optout-try-later = Bir şeyler ters gitti. Lütfen biraz sonra yeniden dene.
optout-too-many = Çok fazla istek. Lütfen bir dakika sonra yeniden dene.
