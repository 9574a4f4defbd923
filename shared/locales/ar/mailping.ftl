# MailPing بالعربية. المفاتيح والمتغيرات نفسها في locales/en/mailping.ftl (يتحقق منها اختبار).
# المصطلحات: متتبِّع (tracker)، قراءة (read)، جلب (fetch)، تنبيه (alert)، تذكير، ساعات الهدوء،
# صفحة النسخ.

language-name = العربية

example-track = /track عرض لشركة ACME
example-track-recipients =
    /track عرض لشركة ACME
    سارة
    باسل

commands-title = أوامر MailPing
command-start = ترحيب ودليل من ثلاث خطوات
command-track = أنشئ متتبِّعًا لرسالة، مثل /track عرض لشركة ACME؛ وكل مستلم في سطر تالٍ
    .args = &lt;التسمية&gt;
command-opens = اعرض متتبِّعاتك، أو السجل الزمني للمتتبِّع n
    .args = [n]
command-mute = أوقف تنبيهات المتتبِّع n (تبقى مرات الفتح مسجلة)
    .args = &lt;n&gt;
command-unmute = أعد تشغيل تنبيهات المتتبِّع n
    .args = &lt;n&gt;
command-delete = احذف المتتبِّع n وكل مرات فتحه
    .args = &lt;n&gt;
command-tz = اضبط منطقتك الزمنية، مثل /tz Asia/Riyadh
    .args = &lt;المنطقة&gt;
command-remind = ذكّرني إن لم يُقرأ المتتبِّع n بحلول ذلك، مثل /remind 3 2d؛ وحده يعرض التذكيرات
    .args = [n] [متى]
command-quiet = ساعات بلا تذكيرات، مثل /quiet 22:00-08:00 أو /quiet off
    .args = [الساعات]
command-forget = احذف كل ما يحفظه MailPing عن هذه المحادثة
command-help = اعرض هذه القائمة
command-stats = رسم بياني لآخر 30 يومًا، أو لمرات جلب المتتبِّع n
    .args = [n]
command-export = مرات الجلب المسجلة في ملف CSV، أو مرات المتتبِّع n فقط
    .args = [n]
command-language = اختر اللغة التي أكتب بها، مثل /language ar
    .args = [الرمز]

option-label = التسمية
    .description = ما هذه الرسالة، مثل عرض لشركة ACME
option-recipients = المستلمون
    .description = متتبِّع لكل مستلم، مفصولين بفواصل، مثل سارة، باسل
option-tracker = المتتبع
    .description = رقم المتتبِّع، أو "default" لكل متتبِّع جديد (اتركه فارغًا للعرض)
option-when = متى
    .description = مثل 2d أو 36h أو 1w أو 3 days أو off
option-hours = الساعات
    .description = مثل 22:00-08:00 أو off (اتركه فارغًا للعرض)
option-number = الرقم
    .description = رقم المتتبِّع، انظر /opens
option-number-to-list = الرقم
    .description = رقم المتتبِّع (اتركه فارغًا للقائمة)
option-number-or-all = الرقم
    .description = رقم المتتبِّع (اتركه فارغًا لكل متتبِّعاتك)
option-zone = المنطقة
    .description = منطقة زمنية من IANA، مثل Asia/Riyadh
option-code = الرمز
    .description = رمز لغة مثل ar أو pt-BR (اتركه فارغًا للقائمة)

welcome =
    <b>👋 أهلًا بك في MailPing.</b> أخبرك عندما يفتح أحدهم رسالة أرسلتها: دون الوصول إلى بريدك، ودون تغيير الروابط، مجرد صورة غير مرئية.

    1. أرسل <code>{ example-track }</code> لتحصل على متتبِّع.
    2. الصق في رسالتك المقتطف الذي أرسله لك (في البريد عبر الويب، انسخ الصورة من صفحة النسخ).
    3. أراسلك هنا عندما تُفتح. <code>/opens</code> يعرض السجل، و<code>/help</code> الباقي.
unknown-command = 🤔 لا أعرف الأمر <code>/{ $name }</code>. أرسل <code>/help</code> لترى ما أستطيع فعله.
not-a-command = أفهم الأوامر فقط. لتتبُّع رسالة أرسل <code>{ example-track }</code>، أو <code>/help</code> للباقي.
not-supported = هذا غير مدعوم.
button-expired = هذا الزر لم يعد يعمل. أرسل /opens لقائمة محدَّثة.

label-missing = ⚠️ من فضلك أعطِ الرسالة تسمية لتميّز متتبِّعاتك. مثال: <code>{ example-track }</code>
label-too-long = ⚠️ طول هذه التسمية { $length } حرفًا؛ والحد { $limit }. مثال: <code>{ example-track }</code>
label-control-characters = ⚠️ لا يمكن أن تحتوي التسمية على محارف تحكم مثل الجدولة أو فواصل الأسطر. مثال: <code>{ example-track }</code>
label-invisible = ⚠️ هذه التسمية ستظهر فارغة: كل محارفها غير مرئية. لم يُنشأ شيء. مثال: <code>{ example-track }</code>
label-layout-characters = ⚠️ لا يمكن أن تحتوي التسمية على فواصل أسطر أو محارف التحكم في اتجاه النص (مثل U+202E): فهي تخلط الرسائل من حولها. لم يُنشأ شيء. مثال: <code>{ example-track }</code>
slow-down-commands = ⏳ على مهلك: يمكنك إرسال { $count } أمرًا في الدقيقة. حاول مجددًا بعد قليل.
slow-down-trackers = ⏳ على مهلك: يمكنك إنشاء { $count } متتبِّعًا جديدًا في الدقيقة. حاول مجددًا بعد قليل.
something-went-wrong = 😕 حدث خطأ من جهتنا. حاول مجددًا بعد قليل.
missing-number = ⚠️ أي متتبِّع؟ اكتب رقمه، مثل <code>/{ $command } 3</code>. <code>/opens</code> يعرضها.
bad-number = ⚠️ <code>{ $input }</code> ليس رقم متتبِّع. مثال: <code>/{ $command } 3</code>
no-such-tracker = ⚠️ ليس لديك متتبِّع رقم { $number }. <code>/opens</code> يعرض متتبِّعاتك.
too-many-recipients = ⚠️ هذا { $count } مستلمًا؛ والأمر /track يقبل { $limit } على الأكثر. لم يُنشأ شيء. مثال:
delay-unknown = ⚠️ لا أفهم المدة «{ $input }». استخدم مدة من دقيقة إلى سنة، مثل <code>2d</code> أو <code>36h</code> أو <code>1w</code> أو <code>3 days</code>. لم يتغير شيء.
delay-too-short = ⚠️ التذكير يحتاج دقيقة على الأقل. استخدم مدة من دقيقة إلى سنة، مثل <code>2d</code> أو <code>36h</code> أو <code>1w</code> أو <code>3 days</code>. لم يتغير شيء.
delay-too-long = ⚠️ التذكير لا يتجاوز سنة. استخدم مدة من دقيقة إلى سنة، مثل <code>2d</code> أو <code>36h</code> أو <code>1w</code> أو <code>3 days</code>. لم يتغير شيء.
missing-delay = ⚠️ متى؟ اكتب مدة، مثل <code>/remind { $target } 3d</code>، أو <code>/remind { $target } off</code>.

button-timeline = 🕓 السجل الزمني
button-mute = 🔕 كتم
button-unmute = 🔔 إلغاء الكتم
button-delete = 🗑 حذف
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ ذكّرني مجددًا بعد { $delay }
button-stop-reminding = 🛑 أوقف التذكير
button-wrong = ❓ خطأ؟
button-it-was-me = 👤 كنت أنا
button-it-was-a-machine = 🤖 كانت آلة
button-yes-delete = نعم، احذف
button-yes-delete-everything = نعم، احذف كل شيء
button-cancel = إلغاء
button-previous-page = ▶
button-next-page = ◀

duration-minutes = { $count ->
    [zero] { $count } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $count } دقائق
   *[other] { $count } دقيقة
}
duration-hours = { $count ->
    [zero] { $count } ساعة
    [one] ساعة واحدة
    [two] ساعتين
    [few] { $count } ساعات
   *[other] { $count } ساعة
}
duration-days = { $count ->
    [zero] { $count } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $count } أيام
   *[other] { $count } يومًا
}
duration-weeks = { $count ->
    [zero] { $count } أسبوع
    [one] أسبوع واحد
    [two] أسبوعين
    [few] { $count } أسابيع
   *[other] { $count } أسبوعًا
}
ago-just-now = الآن
ago-minutes = قبل { $count } د
ago-hours = قبل { $count } س
ago-yesterday = أمس
ago-days = { $count ->
    [two] قبل يومين
    [few] قبل { $count } أيام
   *[other] قبل { $count } يومًا
}
short-seconds = { $count } ث
short-minutes = { $count } د
short-hours = { $count } س
short-hours-minutes = { $hours } س { $minutes } د
short-days = { $count ->
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
   *[other] { $count } يومًا
}
short-days-hours = { $days ->
    [one] يوم و{ $hours } س
    [two] يومان و{ $hours } س
    [few] { $days } أيام و{ $hours } س
   *[other] { $days } يومًا و{ $hours } س
}

tracker-created =
    ✅ أُنشئ المتتبِّع رقم { $number }: <b>{ $label }</b>

    الصق هذا الـHTML في رسالتك:
tracker-image-url = رابط الصورة: <code>{ $url }</code>
tracker-webmail = تكتب في Gmail أو Outlook على الويب؟ افتح <a href="{ $url }">صفحة النسخ</a> وانسخ الصورة غير المرئية من هناك.
default-reminder-note = ⏰ سأذكّرك إن لم تكن هناك قراءة مؤكدة خلال { $delay } (إعدادك الافتراضي).
ask-reminder = أذكّرك إن لم يقرأها أحد؟
trackers-created = ✅ أُنشئ { $count } متتبِّعًا، واحد لكل مستلم. أرسل لكل مستلم نسخته الخاصة من الرسالة مع صورته الخاصة:
trackers-created-line = رقم { $number } <b>{ $label }</b>
copy-page = صفحة النسخ
trackers-snippet = الـHTML لكل منها هو <code>{ $snippet }</code>.
image-url-placeholder = &lt;رابط الصورة&gt;
trackers-reminder-hint = لتذكير إن لم تُقرأ إحداها، أرسل <code>/remind { $number } 3d</code>.

reminder-set = ⏰ بعد { $delay }، في { $due } ({ $timezone })، سأذكّرك إن لم تكن لرقم { $number } <b>{ $label }</b> قراءة مؤكدة.
reminder-in-quiet-hours = يقع هذا في ساعات هدوئك، لذا سيصل التذكير في { $at }.
reminder-stopped = 🛑 لا تذكير لرقم { $number } <b>{ $label }</b>.
already-read = ✅ قُرئ رقم { $number } <b>{ $label }</b> بالفعل، فلا شيء لأذكّرك به.
default-reminder-set = ⏰ من الآن، كل متتبِّع جديد يذكّرك إن لم تكن له قراءة مؤكدة خلال { $delay }.
default-reminder-off = ⏰ لا تذكير للمتتبِّعات الجديدة إلا إذا طلبته.
reminders-title = ⏰ التذكيرات
reminders-none = لا تذكيرات معلّقة.
reminders-line = رقم { $number } <b>{ $label }</b> — { $due }
reminders-times-in = الأوقات بتوقيت { $timezone }.
reminders-default = المتتبِّعات الجديدة تذكّرك بعد { $delay }.
reminders-no-default = لا تذكير افتراضيًا للمتتبِّعات الجديدة.
reminders-quiet-hours = ساعات الهدوء: { $hours }.
reminders-how = اضبط تذكيرًا بـ<code>/remind 3 2d</code>، وأوقفه بـ<code>/remind 3 off</code>، أو اضبط افتراضيًا بـ<code>/remind default 3d</code>.
reminder-due = ⏰ لا قراءة مؤكدة لـ<b>{ $label }</b> بعد { $waited } (أُرسلت { $sent }).
reminder-apple-fetched = جلبها Apple Mail عند التسليم في { $at }، وهذا ليس قراءة.
reminder-late = (تأخر هذا التذكير { $late }: كان MailPing متوقفًا حين حان موعده.)

quiet-hours-on = 🌙 ساعات الهدوء: { $hours } ({ $timezone }). التذكيرات التي يحين موعدها فيها تنتظر حتى تنتهي.
quiet-hours-off-now = 🌙 ساعات الهدوء متوقفة.
quiet-hours-how = اضبطها بـ<code>/quiet 22:00-08:00</code> أو أوقفها بـ<code>/quiet off</code>.
bad-quiet-hours = ⚠️ <code>{ $input }</code> ليس نطاقًا زمنيًا. مثال: <code>/quiet 22:00-08:00</code>. لم يتغير شيء.
quiet-hours-set = 🌙 ضُبطت ساعات الهدوء على { $hours } ({ $timezone }). التذكيرات التي يحين موعدها فيها تصل عند انتهائها؛ وتنبيهات الفتح تصل فورًا كما هي.

confirm-forget = 🧹 أأحذف كل ما يحفظه MailPing عن هذه المحادثة: متتبِّعاتك، وكل فتح وتنبيه وتذكير، وإعداداتك، والشبكات التي تعلّمها من صفحات النسخ؟ لا يمكن التراجع عن هذا، وستتوقف الصور في رسائلك عن الإبلاغ.
forgotten = 🧹 تم: لم يعد MailPing يحفظ شيئًا عن هذه المحادثة. إن أرسلت أمرًا آخر فستبدأ من جديد.
kept-everything = أُبقي على كل شيء.

no-trackers = لا متتبِّعات لديك بعد. أنشئ واحدًا بـ<code>{ example-track }</code>.
trackers-title = 📋 متتبِّعاتك
trackers-page = (الصفحة { $page } من { $pages })
tracker-not-opened = لم تُفتح بعد
tracker-only-machines = سُلِّمت، ولم تتأكد قراءتها بعد (جلبتها آلات فقط: { $machines })
tracker-opened = فُتحت { $count }×
tracker-last-read = ، آخرها { $ago }
trackers-details = التفاصيل: <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 مكتوم

timeline-title = 🕓 رقم { $number } <b>{ $label }</b> — الأوقات بتوقيت { $timezone }
timeline-empty = لم تُفتح بعد.
timeline-only-machines = 📭 سُلِّمت، ولم تتأكد قراءتها بعد: جلبتها آلات فقط حتى الآن. كل سطر أدناه يقول أيّها.
timeline-skipped = … لم تُعرض { $count } أسطر سابقة
timeline-reported = ❓ قلت إن هذا خطأ
timeline-older = (لم تُعرض { $count } مرات فتح أقدم)
timeline-through-relay = (عبر مُرحِّل خصوصية)
timeline-not-counted = لم تُحتسب: { $why }

kind-direct = فُتحت
kind-gmail-proxy = فُتحت عبر وكيل الصور في Gmail
kind-yahoo-proxy = فُتحت عبر وكيل الصور في Yahoo
kind-apple-mpp = جلب مسبق من Apple Mail (سُلِّمت، والقراءة غير مؤكدة)
kind-link-preview = روبوت معاينة روابط (ليست قراءة)
kind-scanner = ماسح أمني أو روبوت (ليست قراءة)
kind-unverified = عميل غير معروف (القراءة غير مؤكدة)
kind-self-view = عرضك أنت (ليست قراءة)
kind-duplicate = تحميل مكرر (لا يُحتسب)
why-grace = عرضك أنت (بعد إنشاء المتتبِّع مباشرة)
why-own-view = عرضك أنت
why-repeat = تحميل مكرر · { $client }
why-link-scan = فحص روابط من { $client }
why-prefetch = جلب مسبق من { $client } عند التسليم
why-crawler = زاحف { $client }
why-known-bot = روبوت معروف
why-no-agent = برنامج نصي لم يرسل User-Agent
why-data-centre = مركز بيانات { $client } (تعمل فيه الماسحات لا البشر)
why-unrecognised = عميل غير معروف { $client } (لا أثر لإنسان)
why-implausible = { $client } (مُعرِّف متصفح لا يرسله أي متصفح حقيقي: آلة)
why-bot-convention = { $client } (يسمّي نفسه روبوتًا أو خدمة)
why-reported-own-network = عرضك أنت (شبكة قلت إنها لك)
why-reported-machine = { $client } (قلت إنها آلة)
why-link-preview = معاينة رابط من { $client }
why-scanner = { $client } (ماسح أمني أو برنامج نصي)
why-apple-mpp = جلب مسبق من حماية خصوصية البريد من Apple (سُلِّمت، والقراءة غير مؤكدة)

what-was-it = ❓ ما كان ذلك الجلب لرقم { $number } <b>{ $label }</b>؟
noted = 📝 سُجِّل لرقم { $number } <b>{ $label }</b>.
learned-own-network = من الآن، مرات الجلب من تلك الشبكة هي عروضك أنت، لهذا المتتبِّع وللمتتبِّعات التالية.
learned-machine = من الآن، ذلك العميل من تلك الشبكة آلة، وليس قراءة أبدًا، لهذا المتتبِّع وللمتتبِّعات التالية.
shared-network-own-view = جاء ذلك الجلب من عنوان يتشاركه كثيرون (وكيل صور لبريد ويب، أو مُرحِّل Apple، أو شبكة مزوّد خدمة)، لذا لا يستطيع MailPing أن يتعلّمه على أنه لك.
shared-network-machine = جاء ذلك الجلب من عنوان يتشاركه كثيرون (وكيل صور لبريد ويب، أو مُرحِّل Apple، أو شبكة مزوّد خدمة)، لذا لا يستطيع MailPing أن يتعلّمه على أنه آلة دون إخفاء قراءات حقيقية.
opens-marks-it = <code>/opens { $number }</code> يُظهر العلامة.
open-gone = ⚠️ ذلك الجلب لرقم { $number } <b>{ $label }</b> لم يعد مسجلًا، فلا شيء للإبلاغ عنه.

muted = 🔕 كُتم رقم { $number } <b>{ $label }</b>. تبقى مرات الفتح مسجلة، لكنني لن أنبّهك.
unmuted = 🔔 أُلغي كتم رقم { $number } <b>{ $label }</b>. سأنبّهك عندما تُفتح.
confirm-delete = 🗑 أأحذف رقم { $number } <b>{ $label }</b> وكل مرات فتحه؟ لا يمكن التراجع عن هذا، وستتوقف الصورة في رسالتك عن الإبلاغ.
deleted = 🗑 حُذف رقم { $number } <b>{ $label }</b> مع كل مرات فتحه.
kept = أُبقي على رقم { $number } <b>{ $label }</b>.
current-timezone = 🌍 منطقتك الزمنية { $timezone }. لتغييرها أرسل <code>/tz Asia/Riyadh</code> بمنطقتك أنت.
bad-timezone = ⚠️ <code>{ $input }</code> ليست منطقة زمنية أعرفها. استخدم اسمًا من IANA مثل <code>Asia/Riyadh</code> أو <code>Africa/Cairo</code>.
timezone-set = 🌍 ضُبطت المنطقة الزمنية على { $timezone }. تُعرض الأوقات الآن بها.

alert-apple = 📭 وصلت <b>{ $label }</b> إلى صندوق Apple Mail. جلبتها Apple عند التسليم، فهذه ليست قراءة مؤكدة.
alert-opened = 📬 فُتحت: <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = الفتح رقم { $ordinal }
alert-times-since = فُتحت { $count } مرة منذ آخر تنبيه
alert-more-in-minutes = { $minutes ->
    [one] فُتحت { $count } مرة أخرى في الدقيقة الأخيرة
   *[other] فُتحت { $count } مرة أخرى في آخر { $minutes } دقيقة
}
alert-reminder-cancelled = ⏰ أُلغي التذكير
alert-again-client-network = 🔀 فُتحت مجددًا، في { $client }، من شبكة أخرى: أُعيد توجيهها، أو جهاز آخر.
alert-again-client = 🔀 فُتحت مجددًا، في { $client }: جهاز آخر، أو أُعيد توجيهها.
alert-again-network = 🔀 فُتحت مجددًا، من شبكة أخرى: مكان آخر، أو أُعيد توجيهها.

stats-nothing = 📊 لا شيء للرسم بعد: لا متتبِّعات ولا مرات جلب في آخر { $days } يومًا. أنشئ واحدًا بـ<code>{ example-track }</code> وعد بعد أن يُفتح.
stats-no-fetches = 📭 لا مرات جلب مسجلة لرقم { $number } <b>{ $label }</b> بعد، فلا شيء للرسم.
stats-tracker = 📊 رقم { $number } <b>{ $label }</b>: مرات الجلب { $fetches }، احتُسب منها { $reads } قراءة.
stats-account = 📊 آخر { $days } يومًا: أُنشئ { $created } متتبِّع، وقُرئ { $read }، ولم يُقرأ { $unread } بعد.
stats-median = الوسيط حتى أول قراءة: <b>{ $median }</b>.

export-nothing = 📭 لا شيء للتصدير بعد: لم يسجّل أي من متتبِّعاتك جلبًا. <code>/opens</code> يعرضها.
export-no-fetches = 📭 لا مرات جلب مسجلة لرقم { $number } <b>{ $label }</b> بعد، فلا شيء للتصدير.
export-too-large = ⚠️ لا يمكن إرسال هذا التصدير هنا: حد الرفع { $limit }. جرّب متتبِّعًا واحدًا في كل مرة، مثل <code>/export 3</code>.
export-all = 📤 تصديرك: كل جلب مسجل (صف لكل واحد، بالوقت بتوقيت UTC وبمنطقتك الزمنية)، وملف منفصل بقائمة المتتبِّعات.
export-tracker = 📤 تصديرك: مرات الجلب المسجلة للمتتبِّع رقم { $number } (صف لكل واحدة، بالوقت بتوقيت UTC وبمنطقتك الزمنية)، وملف منفصل بقائمة المتتبِّعات.
export-parts = حتى بعد الضغط يتجاوز حد الرفع هنا ({ $limit })، لذا يصل على أجزاء: مرات الجلب في { $fetches } ملف، والمتتبِّعات في { $trackers } ملف (.csv.gz، كلٌّ منها CSV كامل بصف العناوين). فُكّ ضغطها قبل فتحها.
export-compressed = مضغوط بصيغة .csv.gz ليناسب حد الرفع ({ $limit })؛ فُكّ ضغطه قبل فتحه.
size-mib = { $count } MiB
size-mb = { $count } MB
size-kb = { $count } KB

language-current = 🗣 لغة هذه المحادثة: { $language }. اختر لغة أخرى:
language-set = 🗣 تغيّرت اللغة: { $language }.
language-auto = 🗣 من الآن أكتب بلغة تطبيقك (حاليًا { $language }).
language-unknown = ⚠️ لا أتحدث <code>{ $input }</code>. اختر واحدة من هذه:
button-language-auto = لغة التطبيق

chart-kind-direct = مباشر
chart-kind-gmail-proxy = وكيل Gmail
chart-kind-yahoo-proxy = وكيل Yahoo
chart-kind-apple-mpp = جلب Apple المسبق
chart-kind-link-preview = معاينة رابط
chart-kind-scanner = ماسح أو روبوت
chart-kind-unverified = عميل غير معروف
chart-kind-self-view = عرضك أنت
chart-kind-duplicate = تكرار
chart-other-reads = قراءات أخرى
chart-account-title = آخر { $days } يومًا، بتوقيت { $timezone }
chart-reads-per-day = القراءات يوميًا
chart-not-counted = لم تُحتسب قراءات: جلب Apple المسبق، والروبوتات، وعروضك أنت، والتكرارات
chart-tracker-caption = مرات الجلب { $fetches }، احتُسب منها { $reads } قراءة (النقاط المصمتة). الأوقات بتوقيت { $timezone }.

## الخصوصية (المسألة 29)
command-privacy = ما يُحفظ ولأي مدة؛ الوضع الصارم لا يحفظ الشبكة ولا الوكيل ولا البرنامج
    .args = [strict|standard]
command-retention = مدة حفظ مرات الفتح في هذه المحادثة، ضمن حد الخادم
    .args = [30d|90d|1y]
command-notice = سطر فيه رابط إلغاء لمستلمك، يضيفه /track
    .args = [on|off|نص]
option-mode = الوضع
    .description = strict أو standard (اتركه فارغًا لترى ما يُحفظ)
option-period = المدة
    .description = مثل 30d أو 90d أو 1y أو default (اتركه فارغًا للعرض)
option-notice = الإشعار
    .description = on أو off أو default أو جملتك الخاصة مع {"{"}link{"}"}
not-kept = البرنامج غير محفوظ (خصوصية صارمة)
retention-forever = بلا حد زمني
retention-days = { $count ->
    [zero] { $count } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
   *[other] { $count } يومًا
}
retention-years = { $count ->
    [zero] { $count } سنة
    [one] سنة واحدة
    [two] سنتان
    [few] { $count } سنوات
   *[other] { $count } سنة
}
privacy-title = <b>🔒 الخصوصية في هذه المحادثة</b>
privacy-mode-strict = الوضع: صارم — لا تحفظ كل مرة فتح إلا متتبِّعها ووقتها ونوعها (قراءة، تحميل Apple المسبق، ماسح…) وسببها. لا شبكة ولا User-Agent ولا اسم لبرنامج البريد.
privacy-mode-standard = الوضع: قياسي — تحفظ كل مرة فتح وقتها ونوعها وسببها، والشبكة ‎/24 أو ‎/48 (لا العنوان الكامل أبدًا)، وحتى 200 بايت من User-Agent واسم برنامج البريد.
privacy-server-default = (الإعداد الافتراضي للخادم)
privacy-kept-chat = مدة الحفظ: { $period } (اختيار هذه المحادثة)، ثم الحذف.
privacy-kept-server = مدة الحفظ: { $period } (حد الخادم)، ثم الحذف.
privacy-also-kept = يُحفظ أيضًا: أسماء متتبِّعاتك، وإعداداتك (المنطقة الزمنية، التذكيرات، ساعات الهدوء)، وشبكات زياراتك أنت لصفحة النسخ، حتى لا تُحسب زياراتك قراءات.
privacy-notice-on = إشعار المستلم: مفعَّل — يضيف /track سطرًا فيه رابط إلغاء لمستلمك.
privacy-notice-off = إشعار المستلم: معطَّل — يضيف /notice on سطرًا فيه رابط إلغاء تحت مقتطف /track.
privacy-own-wording = (بصياغتك الخاصة)
privacy-change = للتغيير: <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (أو 90d، 1y) · <code>/notice on</code>
privacy-forget = احذف كل ما يحفظه MailPing عن هذه المحادثة: <code>/forget</code>
privacy-rules =
    قواعد عن بكسلات البريد قد ترغب في قراءتها (هذه ليست استشارة قانونية؛ أنت من يقرر ما ينطبق عليك):
    • إرشادات EDPB رقم 2/2023 بشأن المادة 5(3) من توجيه ePrivacy: بكسل التتبع في رسالة بريد هو وصول إلى جهاز المستلم.
    • قرار CNIL رقم 2026-042: قياس الفتح لكل مستلم يحتاج إلى موافقة، مع استثناءات ضيقة؛ وسحب الموافقة يشمل الرسائل المرسلة من قبل.
    • قرار Garante رقم 284/2026: ما عدا الأعداد الإجمالية مجهولة الهوية ورسائل الأمان ورسائل الخدمة الضرورية، تلزم الموافقة.
    • إرشادات ICO بشأن تقنيات التخزين والوصول (2026): تشمل البكسلات؛ واستثناء الإحصاءات فيها للاستخدام الإجمالي فقط.
privacy-set-strict = 🔒 الخصوصية الصارمة مفعَّلة. لا تحفظ مرات الفتح الجديدة إلا متتبِّعها ووقتها ونوعها وسببها. { $count ->
    [0] لم تكن أي مرة فتح سابقة تحفظ أكثر من ذلك.
    [one] مُسحت شبكة مرة فتح سابقة واحدة و User-Agent الخاص بها وبرنامجها.
   *[other] مُسحت الشبكات و User-Agent والبرامج لمرات الفتح السابقة، وعددها { $count }.
} ما زالت التنبيهات و /opens تميّز القراءات من الآلات، لكنها لم تعد تستطيع تسمية برنامج البريد.
privacy-set-standard = الخصوصية القياسية مفعَّلة: تعود مرات الفتح الجديدة لحفظ الشبكة ‎/24 أو ‎/48 و User-Agent واسم البرنامج. ما مُسح من قبل يبقى ممسوحًا.
privacy-bad = 🤔 «{ $input }» ليس وضع خصوصية. أرسل <code>/privacy strict</code> أو <code>/privacy standard</code> أو <code>/privacy</code> لترى ما يُحفظ.
retention-set = 🗑 مدة حفظ مرات الفتح في هذه المحادثة الآن: { $period }؛ وتُحذف الأقدم منها خلال ساعة.
retention-set-default = تُحفظ مرات الفتح في هذه المحادثة الآن ما دام الخادم يحفظها: { $period }.
retention-current = مدة حفظ مرات الفتح في هذه المحادثة: { $period }. غيّرها بـ <code>/retention 30d</code> (أو 90d، 1y)، بحد أقصى { $max }؛ ويعيدها <code>/retention default</code> إلى مدة الخادم.
retention-bad = 🤔 «{ $input }» ليست مدة أفهمها. أرسل مثلًا <code>/retention 30d</code> أو <code>/retention 90d</code> أو <code>/retention 1y</code>.
retention-too-long = هذا الخادم يحفظ مرات الفتح { $max } على الأكثر، لذا لا يمكن { $asked } هنا. اختر { $max } أو أقل.
notice-default = هذه الرسالة تُعلمني حين تُفتح. إن كنت تفضّل ألا تفعل، فأخبرني هنا:
notice-for-tracker = إشعار لرسالة #{ $number }:
notice-for-recipient = إشعار لمستلمك (ضعه في الرسالة، مثلًا تحت توقيعك):
notice-on = إشعار المستلم مفعَّل. يضيف /track هذا السطر، مع رابط الإلغاء الخاص بكل متتبِّع:
notice-off = إشعار المستلم معطَّل. مع /notice on، يضيف /track هذا السطر، مع رابط الإلغاء الخاص بكل متتبِّع:
notice-change = غيّر الصياغة بـ <code>/notice جملتك الخاصة مع {"{"}link{"}"}</code>؛ ويعيدها <code>/notice default</code>، ويوقفها <code>/notice off</code>.
notice-too-long = هذا الإشعار طويل جدًا: اجعله أقل من { $limit } حرف ليبقى سطرًا واحدًا بسيطًا.
withdrawal-notice = 🚫 طلب مستلم #{ $number } <b>{ $label }</b> ألا يُتتبَّع. لم يعد MailPing يسجل له شيئًا، وحُذفت مرات فتحه.
withdrawn-timeline = #{ $number } <b>{ $label }</b>: طلب مستلمه ألا يُتتبَّع، لذا لا يُسجَّل له شيء وحُذفت مرات فتحه.
export-strict-note = مرات الفتح المسجلة في وضع الخصوصية الصارم ليس لها شبكة ولا User-Agent ولا برنامج.
optout-title = إيقاف إشعارات الفتح
optout-ask = يُبلَّغ مرسل الرسالة التي جئت منها حين تُفتح. اضغط الزر فلن يُبلَّغ بعد الآن: لن يُسجَّل شيء آخر لتلك الرسالة، وسيُحذف ما سُجِّل.
optout-button = أوقف الإشعارات لهذه الرسالة
optout-done = تم. لن يُسجَّل شيء آخر لتلك الرسالة، وحُذف ما سُجِّل، وسيُبلَّغ المرسل بأنك طلبت ذلك.
optout-already = سبق أن تم ذلك: لا يُسجَّل شيء لتلك الرسالة.
optout-unknown = هذا الرابط غير صالح.
optout-press-the-button = لم يتغير شيء. لإيقاف الإشعارات، اضغط الزر في هذه الصفحة.
optout-try-later = حدث خطأ ما. يُرجى المحاولة مرة أخرى بعد قليل.
optout-too-many = طلبات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد دقيقة.
