# MailPing به فارسی. کلیدها و متغیرها همان‌هایی‌اند که در locales/en/mailping.ftl آمده (یک
# آزمون بررسی می‌کند). واژه‌ها: ردیاب (tracker)، خوانده‌شدن (read)، دریافت (fetch)،
# اعلان (alert)، یادآوری، ساعت‌های سکوت، صفحهٔ کپی.

language-name = فارسی

example-track = /track پیشنهاد برای ACME
example-track-recipients =
    /track پیشنهاد برای ACME
    سارا
    بابک

commands-title = فرمان‌های MailPing
command-start = خوشامد و راهنمای سه‌مرحله‌ای
command-track = ساختن ردیاب برای یک ایمیل، مثلاً /track پیشنهاد برای ACME؛ هر گیرنده در یک خط بعدی
    .args = &lt;برچسب&gt;
command-opens = فهرست ردیاب‌ها، یا تاریخچهٔ ردیاب n
    .args = [n]
command-mute = قطع اعلان‌های ردیاب n (باز شدن‌ها همچنان ثبت می‌شوند)
    .args = &lt;n&gt;
command-unmute = وصل دوبارهٔ اعلان‌های ردیاب n
    .args = &lt;n&gt;
command-delete = حذف ردیاب n و همهٔ باز شدن‌هایش
    .args = &lt;n&gt;
command-tz = تنظیم منطقهٔ زمانی، مثلاً /tz Asia/Tehran
    .args = &lt;منطقه&gt;
command-remind = یادآوری اگر ردیاب n تا آن موقع خوانده نشد، مثلاً /remind 3 2d؛ به‌تنهایی، فهرست یادآوری‌ها
    .args = [n] [کی]
command-quiet = ساعت‌های بدون یادآوری، مثلاً /quiet 22:00-08:00 یا /quiet off
    .args = [ساعت‌ها]
command-forget = حذف همهٔ چیزهایی که MailPing از این گفتگو نگه می‌دارد
command-help = نمایش همین فهرست
command-stats = نمودار 30 روز گذشته، یا دریافت‌های ردیاب n
    .args = [n]
command-export = دریافت‌های ثبت‌شده در یک فایل CSV، یا فقط دریافت‌های ردیاب n
    .args = [n]
command-language = انتخاب زبانی که با آن می‌نویسم، مثلاً /language fa
    .args = [کد]

option-label = برچسب
    .description = این ایمیل چیست، مثلاً پیشنهاد برای ACME
option-recipients = گیرندگان
    .description = یک ردیاب برای هر گیرنده، جدا با ویرگول، مثلاً سارا، بابک
option-tracker = ردیاب
    .description = شمارهٔ ردیاب، یا "default" برای همهٔ ردیاب‌های تازه (خالی برای فهرست)
option-when = کی
    .description = مثلاً 2d، 36h، 1w، 3 days یا off
option-hours = ساعات
    .description = مثلاً 22:00-08:00 یا off (خالی برای نمایش)
option-number = شماره
    .description = شمارهٔ ردیاب، ببینید /opens
option-number-to-list = شماره
    .description = شمارهٔ ردیاب (خالی برای فهرست)
option-number-or-all = شماره
    .description = شمارهٔ ردیاب (خالی برای همهٔ ردیاب‌ها)
option-zone = منطقه
    .description = منطقهٔ زمانی IANA، مثلاً Asia/Tehran
option-code = کد
    .description = کد زبان مثل fa یا pt-BR (خالی برای فهرست)

welcome =
    <b>👋 به MailPing خوش آمدید.</b> وقتی کسی ایمیلی را که فرستاده‌اید باز کند خبرتان می‌کنم: بدون دسترسی به صندوق ایمیل، بدون تغییر پیوندها، فقط یک تصویر نامرئی.

    1. برای گرفتن ردیاب <code>{ example-track }</code> را بفرستید.
    2. قطعه‌ای را که می‌فرستم در ایمیلتان بچسبانید (در وب‌میل، تصویر را از صفحهٔ کپی بردارید).
    3. وقتی باز شد همین‌جا خبرتان می‌کنم. <code>/opens</code> تاریخچه را نشان می‌دهد و <code>/help</code> بقیه را.
unknown-command = 🤔 فرمان <code>/{ $name }</code> را نمی‌شناسم. برای دیدن کارهایی که بلدم <code>/help</code> را بفرستید.
not-a-command = من فقط فرمان‌ها را می‌فهمم. برای ردیابی یک ایمیل <code>{ example-track }</code> را بفرستید، یا برای بقیه <code>/help</code> را.
not-supported = این پشتیبانی نمی‌شود.
button-expired = این دکمه دیگر کار نمی‌کند. برای فهرست تازه /opens را بفرستید.

label-missing = ⚠️ لطفاً به ایمیل یک برچسب بدهید تا ردیاب‌هایتان را از هم تشخیص دهید. نمونه: <code>{ example-track }</code>
label-too-long = ⚠️ این برچسب { $length } نویسه دارد؛ حداکثر { $limit } است. نمونه: <code>{ example-track }</code>
label-control-characters = ⚠️ برچسب نمی‌تواند نویسه‌های کنترلی مثل تب یا شکست خط داشته باشد. نمونه: <code>{ example-track }</code>
label-invisible = ⚠️ این برچسب خالی دیده می‌شد: فقط نویسه‌های نامرئی دارد. چیزی ساخته نشد. نمونه: <code>{ example-track }</code>
label-layout-characters = ⚠️ برچسب نمی‌تواند جداکنندهٔ خط یا نویسه‌های کنترل جهت متن (مثل U+202E) داشته باشد: پیام‌های اطرافش را به هم می‌ریزند. چیزی ساخته نشد. نمونه: <code>{ example-track }</code>
slow-down-commands = ⏳ کمی آهسته‌تر: در هر دقیقه می‌توانید { $count } فرمان بفرستید. لطفاً کمی بعد دوباره امتحان کنید.
slow-down-trackers = ⏳ کمی آهسته‌تر: در هر دقیقه می‌توانید { $count } ردیاب تازه بسازید. لطفاً کمی بعد دوباره امتحان کنید.
something-went-wrong = 😕 مشکلی در سمت ما پیش آمد. لطفاً کمی بعد دوباره امتحان کنید.
missing-number = ⚠️ کدام ردیاب؟ شماره‌اش را بدهید، مثلاً <code>/{ $command } 3</code>. <code>/opens</code> فهرستشان را نشان می‌دهد.
bad-number = ⚠️ <code>{ $input }</code> شمارهٔ ردیاب نیست. نمونه: <code>/{ $command } 3</code>
no-such-tracker = ⚠️ ردیاب شمارهٔ { $number } ندارید. <code>/opens</code> ردیاب‌هایتان را نشان می‌دهد.
too-many-recipients = ⚠️ این { $count } گیرنده است؛ هر /track حداکثر { $limit } گیرنده می‌پذیرد. چیزی ساخته نشد. نمونه:
delay-unknown = ⚠️ مدت «{ $input }» را نمی‌فهمم. مدتی بین یک دقیقه تا یک سال بدهید، مثل <code>2d</code>، <code>36h</code>، <code>1w</code> یا <code>3 days</code>. چیزی تغییر نکرد.
delay-too-short = ⚠️ یادآوری دست‌کم یک دقیقه بعد است. مدتی بین یک دقیقه تا یک سال بدهید، مثل <code>2d</code>، <code>36h</code>، <code>1w</code> یا <code>3 days</code>. چیزی تغییر نکرد.
delay-too-long = ⚠️ یادآوری حداکثر یک سال بعد است. مدتی بین یک دقیقه تا یک سال بدهید، مثل <code>2d</code>، <code>36h</code>، <code>1w</code> یا <code>3 days</code>. چیزی تغییر نکرد.
missing-delay = ⚠️ کی؟ یک مدت بدهید، مثلاً <code>/remind { $target } 3d</code>، یا <code>/remind { $target } off</code>.

button-timeline = 🕓 تاریخچه
button-mute = 🔕 بی‌صدا
button-unmute = 🔔 باصدا
button-delete = 🗑 حذف
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ یادآوری دوباره پس از { $delay }
button-stop-reminding = 🛑 دیگر یادآوری نکن
button-wrong = ❓ اشتباه است؟
button-it-was-me = 👤 خودم بودم
button-it-was-a-machine = 🤖 یک ماشین بود
button-yes-delete = بله، حذف کن
button-yes-delete-everything = بله، همه را حذف کن
button-cancel = انصراف
button-previous-page = ▶
button-next-page = ◀

duration-minutes = { $count } دقیقه
duration-hours = { $count } ساعت
duration-days = { $count } روز
duration-weeks = { $count } هفته
ago-just-now = همین حالا
ago-minutes = { $count } دقیقه پیش
ago-hours = { $count } ساعت پیش
ago-yesterday = دیروز
ago-days = { $count } روز پیش
short-seconds = { $count } ثانیه
short-minutes = { $count } دقیقه
short-hours = { $count } ساعت
short-hours-minutes = { $hours } ساعت و { $minutes } دقیقه
short-days = { $count } روز
short-days-hours = { $days } روز و { $hours } ساعت

tracker-created =
    ✅ ردیاب شمارهٔ { $number } ساخته شد: <b>{ $label }</b>

    این HTML را در ایمیلتان بچسبانید:
tracker-image-url = نشانی تصویر: <code>{ $url }</code>
tracker-webmail = در Gmail یا Outlook وب می‌نویسید؟ <a href="{ $url }">صفحهٔ کپی</a> را باز کنید و تصویر نامرئی را از آنجا کپی کنید.
default-reminder-note = ⏰ اگر تا { $delay } خوانده‌شدنِ قطعی نباشد یادآوری می‌کنم (پیش‌فرض شما).
ask-reminder = اگر کسی نخواند یادآوری کنم؟
trackers-created = ✅ { $count } ردیاب ساخته شد، یکی برای هر گیرنده. برای هر گیرنده نسخهٔ خودش از ایمیل را با تصویر خودش بفرستید:
trackers-created-line = شمارهٔ { $number } <b>{ $label }</b>
copy-page = صفحهٔ کپی
trackers-snippet = HTML هر کدام این است: <code>{ $snippet }</code>.
image-url-placeholder = &lt;نشانی تصویر&gt;
trackers-reminder-hint = برای یادآوری اگر یکی از آن‌ها خوانده نشد، <code>/remind { $number } 3d</code> را بفرستید.

reminder-set = ⏰ { $delay } دیگر، در { $due } ({ $timezone })، اگر شمارهٔ { $number } <b>{ $label }</b> هنوز خوانده‌شدنِ قطعی نداشته باشد یادآوری می‌کنم.
reminder-in-quiet-hours = این زمان در ساعت‌های سکوت شماست، پس یادآوری در { $at } می‌رسد.
reminder-stopped = 🛑 برای شمارهٔ { $number } <b>{ $label }</b> یادآوری‌ای نیست.
already-read = ✅ شمارهٔ { $number } <b>{ $label }</b> خوانده شده است، پس چیزی برای یادآوری نیست.
default-reminder-set = ⏰ از این پس هر ردیاب تازه، اگر تا { $delay } خوانده‌شدنِ قطعی نداشته باشد، یادآوری می‌کند.
default-reminder-off = ⏰ ردیاب‌های تازه یادآوری ندارند مگر خودتان بخواهید.
reminders-title = ⏰ یادآوری‌ها
reminders-none = یادآوری در انتظاری نیست.
reminders-line = شمارهٔ { $number } <b>{ $label }</b> — { $due }
reminders-times-in = زمان‌ها به وقت { $timezone }.
reminders-default = ردیاب‌های تازه پس از { $delay } یادآوری می‌کنند.
reminders-no-default = ردیاب‌های تازه به‌طور پیش‌فرض یادآوری ندارند.
reminders-quiet-hours = ساعت‌های سکوت: { $hours }.
reminders-how = با <code>/remind 3 2d</code> یکی بگذارید، با <code>/remind 3 off</code> متوقفش کنید، یا با <code>/remind default 3d</code> پیش‌فرض بگذارید.
reminder-due = ⏰ <b>{ $label }</b> پس از { $waited } هنوز خوانده‌شدنِ قطعی ندارد (فرستاده‌شده: { $sent }).
reminder-apple-fetched = Apple Mail آن را هنگام تحویل در { $at } دریافت کرد، که خواندن نیست.
reminder-late = (این یادآوری { $late } دیر رسید: وقتی موعدش شد MailPing خاموش بود.)

quiet-hours-on = 🌙 ساعت‌های سکوت: { $hours } ({ $timezone }). یادآوری‌هایی که در این ساعت‌ها برسند تا پایانشان صبر می‌کنند.
quiet-hours-off-now = 🌙 ساعت‌های سکوت خاموش است.
quiet-hours-how = با <code>/quiet 22:00-08:00</code> تنظیمش کنید یا با <code>/quiet off</code> خاموشش کنید.
bad-quiet-hours = ⚠️ <code>{ $input }</code> یک بازهٔ زمانی نیست. نمونه: <code>/quiet 22:00-08:00</code>. چیزی تغییر نکرد.
quiet-hours-set = 🌙 ساعت‌های سکوت روی { $hours } ({ $timezone }) تنظیم شد. یادآوری‌های این ساعت‌ها پس از پایانشان می‌رسند؛ اعلان‌های باز شدن همچنان بی‌درنگ می‌آیند.

confirm-forget = 🧹 همهٔ چیزهایی که MailPing از این گفتگو نگه می‌دارد حذف شود: ردیاب‌ها، همهٔ باز شدن‌ها، اعلان‌ها و یادآوری‌ها، تنظیمات و شبکه‌هایی که از صفحه‌های کپی شما یاد گرفته شده؟ این کار برگشت‌پذیر نیست و تصویرهای ایمیل‌هایتان دیگر گزارشی نمی‌فرستند.
forgotten = 🧹 انجام شد: MailPing دیگر چیزی از این گفتگو نگه نمی‌دارد. اگر فرمان دیگری بفرستید، از نو شروع می‌کنید.
kept-everything = همه‌چیز نگه داشته شد.

no-trackers = هنوز ردیابی ندارید. با <code>{ example-track }</code> یکی بسازید.
trackers-title = 📋 ردیاب‌های شما
trackers-page = (صفحهٔ { $page } از { $pages })
tracker-not-opened = هنوز باز نشده
tracker-only-machines = تحویل شده، خوانده‌شدن هنوز قطعی نیست (فقط ماشین‌ها دریافتش کرده‌اند: { $machines })
tracker-opened = { $count } بار باز شده
tracker-last-read = ، آخرین بار { $ago }
trackers-details = جزئیات: <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 بی‌صدا

timeline-title = 🕓 شمارهٔ { $number } <b>{ $label }</b> — زمان‌ها به وقت { $timezone }
timeline-empty = هنوز باز نشده.
timeline-only-machines = 📭 تحویل شده، خوانده‌شدن هنوز قطعی نیست: تا اینجا فقط ماشین‌ها دریافتش کرده‌اند. هر خط زیر می‌گوید کدام.
timeline-skipped = … { $count } خط قدیمی‌تر نشان داده نشده
timeline-reported = ❓ گفتید این اشتباه است
timeline-older = ({ $count } باز شدنِ قدیمی‌تر نشان داده نشده)
timeline-through-relay = (از راه یک رلهٔ حریم خصوصی)
timeline-not-counted = شمرده نشد: { $why }

kind-direct = باز شد
kind-gmail-proxy = از راه پراکسی تصویر Gmail باز شد
kind-yahoo-proxy = از راه پراکسی تصویر Yahoo باز شد
kind-apple-mpp = پیش‌دریافت Apple Mail (تحویل شده، خوانده‌شدن قطعی نیست)
kind-link-preview = ربات پیش‌نمایش پیوند (خواندن نیست)
kind-scanner = اسکنر امنیتی یا ربات (خواندن نیست)
kind-unverified = برنامهٔ ناشناخته (خوانده‌شدن قطعی نیست)
kind-self-view = بازدید خودتان (خواندن نیست)
kind-duplicate = بارگذاری تکراری (شمرده نمی‌شود)
why-grace = بازدید خودتان (درست پس از ساختن ردیاب)
why-own-view = بازدید خودتان
why-repeat = بارگذاری تکراری · { $client }
why-link-scan = بررسی پیوند { $client }
why-prefetch = پیش‌دریافت { $client } هنگام تحویل
why-crawler = خزندهٔ { $client }
why-known-bot = یک ربات شناخته‌شده
why-no-agent = اسکریپتی که User-Agent نفرستاد
why-data-centre = مرکز دادهٔ { $client } (آنجا اسکنرها کار می‌کنند، نه آدم‌ها)
why-unrecognised = برنامهٔ ناشناختهٔ { $client } (نشانی از یک آدم نیست)
why-implausible = { $client } (شناسهٔ مرورگری که هیچ مرورگر واقعی نمی‌فرستد: یک ماشین)
why-bot-convention = { $client } (خودش را ربات یا سرویس می‌نامد)
why-reported-own-network = بازدید خودتان (شبکه‌ای که گفتید مال شماست)
why-reported-machine = { $client } (گفتید یک ماشین است)
why-link-preview = پیش‌نمایش پیوند { $client }
why-scanner = { $client } (یک اسکنر امنیتی یا اسکریپت)
why-apple-mpp = پیش‌دریافت محافظت از حریم خصوصی Mail اپل (تحویل شده، خوانده‌شدن قطعی نیست)

what-was-it = ❓ آن دریافتِ شمارهٔ { $number } <b>{ $label }</b> چه بود؟
noted = 📝 برای شمارهٔ { $number } <b>{ $label }</b> ثبت شد.
learned-own-network = از این پس دریافت‌ها از آن شبکه بازدید خودتان حساب می‌شوند، برای این ردیاب و ردیاب‌های بعدی‌تان.
learned-machine = از این پس آن برنامه از آن شبکه یک ماشین است و هرگز خواندن حساب نمی‌شود، برای این ردیاب و ردیاب‌های بعدی‌تان.
shared-network-own-view = آن دریافت از نشانی‌ای آمد که افراد زیادی در آن شریک‌اند (پراکسی تصویر یک وب‌میل، رلهٔ اپل یا شبکهٔ یک ارائه‌دهنده)، پس MailPing نمی‌تواند آن را مال شما یاد بگیرد.
shared-network-machine = آن دریافت از نشانی‌ای آمد که افراد زیادی در آن شریک‌اند (پراکسی تصویر یک وب‌میل، رلهٔ اپل یا شبکهٔ یک ارائه‌دهنده)، پس MailPing نمی‌تواند بدون پنهان کردن خواندن‌های واقعی آن را ماشین یاد بگیرد.
opens-marks-it = <code>/opens { $number }</code> آن را علامت می‌زند.
open-gone = ⚠️ آن دریافتِ شمارهٔ { $number } <b>{ $label }</b> دیگر ثبت نیست، پس چیزی برای گزارش نیست.

muted = 🔕 شمارهٔ { $number } <b>{ $label }</b> بی‌صدا شد. باز شدن‌ها همچنان ثبت می‌شوند، ولی اعلانی نمی‌فرستم.
unmuted = 🔔 شمارهٔ { $number } <b>{ $label }</b> باصدا شد. وقتی باز شود خبرتان می‌کنم.
confirm-delete = 🗑 شمارهٔ { $number } <b>{ $label }</b> و همهٔ باز شدن‌هایش حذف شود؟ این کار برگشت‌پذیر نیست و تصویر ایمیلتان دیگر گزارشی نمی‌فرستد.
deleted = 🗑 شمارهٔ { $number } <b>{ $label }</b> با همهٔ باز شدن‌هایش حذف شد.
kept = شمارهٔ { $number } <b>{ $label }</b> نگه داشته شد.
current-timezone = 🌍 منطقهٔ زمانی شما { $timezone } است. برای تغییرش <code>/tz Asia/Tehran</code> را با منطقهٔ خودتان بفرستید.
bad-timezone = ⚠️ <code>{ $input }</code> منطقهٔ زمانی‌ای نیست که بشناسم. یک نام IANA مثل <code>Asia/Tehran</code> یا <code>Asia/Kabul</code> به کار ببرید.
timezone-set = 🌍 منطقهٔ زمانی روی { $timezone } تنظیم شد. زمان‌ها حالا به این وقت نشان داده می‌شوند.

alert-apple = 📭 <b>{ $label }</b> به صندوق Apple Mail رسید. اپل آن را هنگام تحویل دریافت کرد، پس این خوانده‌شدنِ قطعی نیست.
alert-opened = 📬 باز شد: <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = باز شدنِ { $ordinal }م
alert-times-since = از آخرین اعلان { $count } بار باز شده
alert-more-in-minutes = { $minutes ->
    [one] در دقیقهٔ گذشته { $count } بار دیگر باز شد
   *[other] در { $minutes } دقیقهٔ گذشته { $count } بار دیگر باز شد
}
alert-reminder-cancelled = ⏰ یادآوری لغو شد
alert-again-client-network = 🔀 دوباره باز شد، در { $client }، از شبکه‌ای دیگر: بازارسال شده، یا دستگاهی دیگر.
alert-again-client = 🔀 دوباره باز شد، در { $client }: دستگاهی دیگر، یا بازارسال شده.
alert-again-network = 🔀 دوباره باز شد، از شبکه‌ای دیگر: جایی دیگر، یا بازارسال شده.

stats-nothing = 📊 هنوز چیزی برای نمودار نیست: در { $days } روز گذشته نه ردیابی هست نه دریافتی. با <code>{ example-track }</code> یکی بسازید و وقتی باز شد برگردید.
stats-no-fetches = 📭 شمارهٔ { $number } <b>{ $label }</b> هنوز دریافت ثبت‌شده‌ای ندارد، پس چیزی برای نمودار نیست.
stats-tracker = 📊 شمارهٔ { $number } <b>{ $label }</b>: { $fetches } دریافت، { $reads } مورد خواندن حساب شد.
stats-account = 📊 { $days } روز گذشته: { $created } ردیاب ساخته شد، { $read } خوانده شد، { $unread } هنوز خوانده نشده.
stats-median = میانهٔ زمان تا نخستین خواندن: <b>{ $median }</b>.

export-nothing = 📭 هنوز چیزی برای خروجی نیست: هیچ‌کدام از ردیاب‌هایتان دریافتی ثبت نکرده. <code>/opens</code> فهرستشان را نشان می‌دهد.
export-no-fetches = 📭 شمارهٔ { $number } <b>{ $label }</b> هنوز دریافت ثبت‌شده‌ای ندارد، پس چیزی برای خروجی نیست.
export-too-large = ⚠️ این خروجی اینجا فرستادنی نیست: سقف بارگذاری { $limit } است. هر بار یک ردیاب را امتحان کنید، مثلاً <code>/export 3</code>.
export-all = 📤 خروجی شما: همهٔ دریافت‌های ثبت‌شده (هر کدام یک ردیف، با زمان UTC و زمان منطقهٔ شما)، و یک فایل جدا با فهرست ردیاب‌ها.
export-tracker = 📤 خروجی شما: دریافت‌های ثبت‌شدهٔ ردیاب شمارهٔ { $number } (هر کدام یک ردیف، با زمان UTC و زمان منطقهٔ شما)، و یک فایل جدا با فهرست ردیاب‌ها.
export-parts = حتی فشرده هم از سقف بارگذاری { $limit } در اینجا بزرگ‌تر است، پس در چند بخش می‌رسد: دریافت‌ها در { $fetches } فایل، ردیاب‌ها در { $trackers } فایل (.csv.gz، هر کدام یک CSV کامل با ردیف سرستون). پیش از باز کردن، از حالت فشرده درشان بیاورید.
export-compressed = برای جا شدن در سقف بارگذاری { $limit } به صورت .csv.gz فشرده شد؛ پیش از باز کردن، از حالت فشرده درش بیاورید.
size-mib = { $count } MiB
size-mb = { $count } MB
size-kb = { $count } KB

language-current = 🗣 زبان این گفتگو: { $language }. زبان دیگری انتخاب کنید:
language-set = 🗣 زبان تغییر کرد: { $language }.
language-auto = 🗣 از این پس به زبان برنامهٔ شما می‌نویسم (فعلاً { $language }).
language-unknown = ⚠️ زبان <code>{ $input }</code> را بلد نیستم. یکی از این‌ها را انتخاب کنید:
button-language-auto = زبان برنامه

chart-kind-direct = مستقیم
chart-kind-gmail-proxy = پراکسی Gmail
chart-kind-yahoo-proxy = پراکسی Yahoo
chart-kind-apple-mpp = پیش‌دریافت اپل
chart-kind-link-preview = پیش‌نمایش پیوند
chart-kind-scanner = اسکنر یا ربات
chart-kind-unverified = برنامهٔ ناشناخته
chart-kind-self-view = بازدید خودتان
chart-kind-duplicate = تکرار
chart-other-reads = خواندن‌های دیگر
chart-account-title = { $days } روز گذشته، به وقت { $timezone }
chart-reads-per-day = خواندن در هر روز
chart-not-counted = خواندن حساب نشده: پیش‌دریافت‌های اپل، ربات‌ها، بازدیدهای خودتان، تکرارها
chart-tracker-caption = { $fetches } دریافت، { $reads } مورد خواندن حساب شد (نقطه‌های توپر). زمان‌ها به وقت { $timezone }.

## حریم خصوصی (مسئلهٔ 29)
command-privacy = چه چیزی و تا کی نگه داشته می‌شود؛ حالت سخت‌گیرانه نه شبکه، نه عامل کاربر و نه برنامه را نگه می‌دارد
    .args = [strict|standard]
command-retention = باز شدن‌های این گفتگو تا کی نگه داشته شوند، در حد مجاز سرور
    .args = [30d|90d|1y]
command-notice = سطری با پیوند انصراف برای گیرنده، که /track اضافه می‌کند
    .args = [on|off|متن]
option-mode = حالت
    .description = strict یا standard (برای دیدن آنچه نگه داشته می‌شود خالی بگذارید)
option-period = مدت
    .description = مثلاً 30d، 90d، 1y یا default (برای دیدن خالی بگذارید)
option-notice = اطلاعیه
    .description = on، off، default یا جملهٔ خودتان با {"{"}link{"}"}
not-kept = برنامهٔ ایمیل نگه داشته نشده (حریم خصوصی سخت‌گیرانه)
retention-forever = بدون محدودیت زمانی
retention-days = { $count } روز
retention-years = { $count } سال
privacy-title = <b>🔒 حریم خصوصی در این گفتگو</b>
privacy-mode-strict = حالت: سخت‌گیرانه — برای هر باز شدن فقط ردیاب، زمان، نوع (خوانده‌شدن، پیش‌بارگیری اپل، اسکنر…) و دلیل نگه داشته می‌شود. نه شبکه، نه User-Agent، نه نام برنامهٔ ایمیل.
privacy-mode-standard = حالت: استاندارد — برای هر باز شدن زمان، نوع و دلیل، شبکهٔ ‎/24 یا ‎/48 (هرگز نشانی کامل)، تا 200 بایت از User-Agent و نام برنامهٔ ایمیل نگه داشته می‌شود.
privacy-server-default = (پیش‌فرض سرور)
privacy-kept-chat = مدت نگهداری: { $period } (انتخاب این گفتگو)، سپس حذف.
privacy-kept-server = مدت نگهداری: { $period } (حد مجاز سرور)، سپس حذف.
privacy-also-kept = این‌ها هم نگه داشته می‌شوند: نام ردیاب‌هایتان، تنظیماتتان (منطقهٔ زمانی، یادآوری‌ها، ساعت‌های سکوت) و شبکهٔ بازدیدهای خودتان از صفحهٔ کپی، تا بازدیدهای خودتان خوانده‌شدن حساب نشوند.
privacy-notice-on = اطلاعیهٔ گیرنده: روشن — /track سطری با پیوند انصراف برای گیرنده اضافه می‌کند.
privacy-notice-off = اطلاعیهٔ گیرنده: خاموش — با /notice on سطری با پیوند انصراف زیر متن /track اضافه می‌شود.
privacy-own-wording = (با متن خودتان)
privacy-change = تغییر: <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (یا 90d، 1y) · <code>/notice on</code>
privacy-forget = حذف همهٔ چیزهایی که MailPing از این گفتگو نگه می‌دارد: <code>/forget</code>
privacy-rules =
    مقرراتی دربارهٔ پیکسل‌های ایمیل که شاید بخواهید بخوانید (این مشاورهٔ حقوقی نیست؛ خودتان تصمیم می‌گیرید چه چیزی شامل حالتان می‌شود):
    • رهنمودهای 2/2023 هیئت حفاظت از داده‌های اروپا (EDPB) دربارهٔ مادهٔ 5(3) ePrivacy: پیکسل ردیابی در ایمیل یعنی دسترسی به دستگاه گیرنده.
    • مصوبهٔ 2026-042 CNIL: سنجش باز شدن برای هر گیرنده جز در موارد استثنای محدود، رضایت می‌خواهد؛ پس گرفتن رضایت ایمیل‌های فرستاده‌شده را هم در بر می‌گیرد.
    • حکم 284/2026 Garante: فراتر از شمارش‌های کلی ناشناس، پیام‌های امنیتی و پیام‌های ضروری خدمات، رضایت لازم است.
    • راهنمای ICO دربارهٔ فناوری‌های ذخیره و دسترسی (2026): پیکسل‌ها را هم در بر می‌گیرد؛ استثنای آماری آن برای استفادهٔ کلی است.
privacy-set-strict = 🔒 حریم خصوصی سخت‌گیرانه روشن است. باز شدن‌های تازه فقط ردیاب، زمان، نوع و دلیل را نگه می‌دارند. { $count ->
    [0] هیچ باز شدن پیشینی بیش از این نگه نداشته بود.
   *[other] شبکه، User-Agent و برنامهٔ { $count } باز شدن پیشین پاک شد.
} اعلان‌ها و /opens همچنان خوانده‌شدن را از ماشین‌ها تشخیص می‌دهند، اما دیگر نمی‌توانند نام برنامهٔ ایمیل را بگویند.
privacy-set-standard = حریم خصوصی استاندارد روشن است: باز شدن‌های تازه دوباره شبکهٔ ‎/24 یا ‎/48، User-Agent و نام برنامه را نگه می‌دارند. آنچه پیش‌تر پاک شده، پاک می‌ماند.
privacy-bad = 🤔 «{ $input }» حالت حریم خصوصی نیست. <code>/privacy strict</code>، <code>/privacy standard</code> یا برای دیدن آنچه نگه داشته می‌شود <code>/privacy</code> را بفرستید.
retention-set = 🗑 مدت نگهداری باز شدن‌های این گفتگو اکنون: { $period }؛ قدیمی‌ترها ظرف یک ساعت حذف می‌شوند.
retention-set-default = باز شدن‌های این گفتگو اکنون به اندازهٔ سرور نگه داشته می‌شوند: { $period }.
retention-current = مدت نگهداری باز شدن‌ها در این گفتگو: { $period }. با <code>/retention 30d</code> (یا 90d، 1y) تا حداکثر { $max } تغییرش دهید؛ <code>/retention default</code> به مقدار سرور برمی‌گردد.
retention-bad = 🤔 «{ $input }» مدتی نیست که بفهمم. مثلاً <code>/retention 30d</code>، <code>/retention 90d</code> یا <code>/retention 1y</code> را بفرستید.
retention-too-long = این سرور باز شدن‌ها را حداکثر { $max } نگه می‌دارد، پس { $asked } اینجا ممکن نیست. { $max } یا کمتر را انتخاب کنید.
notice-default = این ایمیل هر وقت باز شود به من خبر می‌دهد. اگر ترجیح می‌دهید چنین نباشد، اینجا بگویید:
notice-for-tracker = اطلاعیه برای ایمیل #{ $number }:
notice-for-recipient = اطلاعیه برای گیرنده (آن را در ایمیل بگذارید، مثلاً زیر امضایتان):
notice-on = اطلاعیهٔ گیرنده روشن است. /track این سطر را با پیوند انصراف مخصوص هر ردیاب اضافه می‌کند:
notice-off = اطلاعیهٔ گیرنده خاموش است. با /notice on، /track این سطر را با پیوند انصراف مخصوص هر ردیاب اضافه می‌کند:
notice-change = متن را با <code>/notice جملهٔ خودتان با {"{"}link{"}"}</code> عوض کنید؛ <code>/notice default</code> آن را برمی‌گرداند و <code>/notice off</code> خاموشش می‌کند.
notice-too-long = این اطلاعیه زیادی بلند است: کمتر از { $limit } نویسه نگهش دارید تا یک سطر ساده بماند.
withdrawal-notice = 🚫 گیرندهٔ #{ $number } <b>{ $label }</b> خواسته است ردیابی نشود. MailPing دیگر چیزی برای آن ثبت نمی‌کند و باز شدن‌هایش حذف شده‌اند.
withdrawn-timeline = #{ $number } <b>{ $label }</b>: گیرنده‌اش خواسته است ردیابی نشود، پس چیزی ثبت نمی‌شود و باز شدن‌هایش حذف شده‌اند.
export-strict-note = باز شدن‌هایی که در حالت حریم خصوصی سخت‌گیرانه ثبت شده‌اند شبکه، User-Agent و برنامه ندارند.
optout-title = توقف اطلاع‌رسانی باز شدن
optout-ask = فرستندهٔ ایمیلی که از آن آمده‌اید، وقتی ایمیل باز شود باخبر می‌شود. دکمه را بزنید تا دیگر باخبر نشود: دیگر چیزی برای آن ایمیل ثبت نمی‌شود و آنچه ثبت شده حذف می‌شود.
optout-button = توقف اطلاع‌رسانی برای این ایمیل
optout-done = انجام شد. دیگر چیزی برای آن ایمیل ثبت نمی‌شود، آنچه ثبت شده بود حذف شد و به فرستنده گفته می‌شود که شما چنین خواسته‌اید.
optout-already = این کار پیش‌تر انجام شده است: چیزی برای آن ایمیل ثبت نمی‌شود.
optout-unknown = این پیوند معتبر نیست.
optout-press-the-button = چیزی تغییر نکرد. برای توقف اطلاع‌رسانی، دکمهٔ این صفحه را بزنید.
optout-try-later = مشکلی پیش آمد. لطفاً کمی بعد دوباره امتحان کنید.
optout-too-many = درخواست‌ها بیش از حد است. لطفاً یک دقیقهٔ دیگر دوباره امتحان کنید.
