# MailPing українською. Ключі та змінні ті самі, що в locales/en/mailping.ftl (перевіряє тест).
# Терміни: трекер, прочитання (read), завантаження (fetch), сповіщення (alert), нагадування,
# тихі години, сторінка для копіювання.

language-name = Українська

example-track = /track Пропозиція для ACME
example-track-recipients =
    /track Пропозиція для ACME
    Оксана
    Богдан

commands-title = Команди MailPing
command-start = Привітання та інструкція у три кроки
command-track = Створити трекер для листа, напр. /track Пропозиція для ACME; одержувачі — по рядку на кожного
    .args = &lt;назва&gt;
command-opens = Список трекерів або історія трекера n
    .args = [n]
command-mute = Вимкнути сповіщення трекера n (відкриття й далі записуються)
    .args = &lt;n&gt;
command-unmute = Знову ввімкнути сповіщення трекера n
    .args = &lt;n&gt;
command-delete = Видалити трекер n і всі його відкриття
    .args = &lt;n&gt;
command-tz = Вказати часовий пояс, напр. /tz Europe/Kyiv
    .args = &lt;пояс&gt;
command-remind = Нагадати, якщо трекер n досі не прочитано, напр. /remind 3 2d; без аргументів — список
    .args = [n] [коли]
command-quiet = Години без нагадувань, напр. /quiet 22:00-08:00 або /quiet off
    .args = [години]
command-forget = Видалити все, що MailPing зберігає про цей чат
command-help = Показати цей список
command-stats = Графік за останні 30 днів або завантаження трекера n
    .args = [n]
command-export = Записані завантаження у файлі CSV, або лише трекера n
    .args = [n]
command-language = Вибрати мову, якою я пишу, напр. /language uk
    .args = [код]

option-label = назва
    .description = Що це за лист, напр. Пропозиція для ACME
option-recipients = одержувачі
    .description = По трекеру на одержувача, через кому, напр. Оксана, Богдан
option-tracker = трекер
    .description = Номер трекера або "default" для всіх нових (порожньо — показати список)
option-when = коли
    .description = напр. 2d, 36h, 1w, 3 days або off
option-hours = години
    .description = напр. 22:00-08:00 або off (порожньо — показати)
option-number = номер
    .description = Номер трекера, див. /opens
option-number-to-list = номер
    .description = Номер трекера (порожньо — показати список)
option-number-or-all = номер
    .description = Номер трекера (порожньо — усі ваші трекери)
option-zone = пояс
    .description = Часовий пояс IANA, напр. Europe/Kyiv
option-code = код
    .description = Код мови, наприклад uk або pt-BR (порожньо — показати список)

welcome =
    <b>👋 Вітаємо в MailPing.</b> Я повідомляю, коли хтось відкриває надісланий вами лист: без доступу до скриньки, без підміни посилань, лише невидима картинка.

    1. Надішліть <code>{ example-track }</code>, щоб отримати трекер.
    2. Вставте в лист фрагмент, який я надішлю (у веб-пошті скопіюйте картинку зі сторінки для копіювання).
    3. Я напишу сюди, коли лист відкриють. <code>/opens</code> показує історію, <code>/help</code> — усе інше.
unknown-command = 🤔 Я не знаю команди <code>/{ $name }</code>. Надішліть <code>/help</code>, щоб побачити, що я вмію.
not-a-command = Я розумію лише команди. Щоб відстежувати лист, надішліть <code>{ example-track }</code>, а <code>/help</code> — для решти.
not-supported = Це не підтримується.
button-expired = Ця кнопка більше не працює. Надішліть /opens, щоб отримати свіжий список.

label-missing = ⚠️ Дайте листу назву, щоб розрізняти трекери. Приклад: <code>{ example-track }</code>
label-too-long = ⚠️ У цій назві { $length } симв.; максимум — { $limit }. Приклад: <code>{ example-track }</code>
label-control-characters = ⚠️ У назві не може бути керівних символів, як-от табуляції чи перенесення рядка. Приклад: <code>{ example-track }</code>
label-invisible = ⚠️ Така назва була б порожньою: у ній лише невидимі символи. Нічого не створено. Приклад: <code>{ example-track }</code>
label-layout-characters = ⚠️ У назві не може бути роздільників рядків і символів керування напрямком тексту (як-от U+202E): вони переплутають повідомлення. Нічого не створено. Приклад: <code>{ example-track }</code>
slow-down-commands = ⏳ Не так швидко: можна надсилати { $count } команд на хвилину. Спробуйте трохи згодом.
slow-down-trackers = ⏳ Не так швидко: можна створювати { $count } трекерів на хвилину. Спробуйте трохи згодом.
something-went-wrong = 😕 У нас щось пішло не так. Спробуйте трохи згодом.
missing-number = ⚠️ Який трекер? Вкажіть номер, напр. <code>/{ $command } 3</code>. Список — <code>/opens</code>.
bad-number = ⚠️ <code>{ $input }</code> — це не номер трекера. Приклад: <code>/{ $command } 3</code>
no-such-tracker = ⚠️ У вас немає трекера № { $number }. Ваші трекери — у <code>/opens</code>.
too-many-recipients = ⚠️ Одержувачів: { $count }; один /track приймає не більше { $limit }. Нічого не створено. Приклад:
delay-unknown = ⚠️ Не розумію термін «{ $input }». Вкажіть термін від хвилини до року, наприклад <code>2d</code>, <code>36h</code>, <code>1w</code> або <code>3 days</code>. Нічого не змінено.
delay-too-short = ⚠️ Нагадування можна поставити щонайменше за хвилину. Вкажіть термін від хвилини до року, наприклад <code>2d</code>, <code>36h</code>, <code>1w</code> або <code>3 days</code>. Нічого не змінено.
delay-too-long = ⚠️ Нагадування можна поставити щонайбільше на рік. Вкажіть термін від хвилини до року, наприклад <code>2d</code>, <code>36h</code>, <code>1w</code> або <code>3 days</code>. Нічого не змінено.
missing-delay = ⚠️ Коли? Вкажіть термін, напр. <code>/remind { $target } 3d</code> або <code>/remind { $target } off</code>.

button-timeline = 🕓 Історія
button-mute = 🔕 Без звуку
button-unmute = 🔔 Зі звуком
button-delete = 🗑 Видалити
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ Нагадати через { $delay }
button-stop-reminding = 🛑 Не нагадувати
button-wrong = ❓ Помилка?
button-it-was-me = 👤 Це був я
button-it-was-a-machine = 🤖 Це була програма
button-yes-delete = Так, видалити
button-yes-delete-everything = Так, видалити все
button-cancel = Скасувати
button-previous-page = ◀
button-next-page = ▶

duration-minutes = { $count ->
    [one] { $count } хвилину
    [few] { $count } хвилини
   *[other] { $count } хвилин
}
duration-hours = { $count ->
    [one] { $count } годину
    [few] { $count } години
   *[other] { $count } годин
}
duration-days = { $count ->
    [one] { $count } день
    [few] { $count } дні
   *[other] { $count } днів
}
duration-weeks = { $count ->
    [one] { $count } тиждень
    [few] { $count } тижні
   *[other] { $count } тижнів
}
ago-just-now = щойно
ago-minutes = { $count } хв тому
ago-hours = { $count } год тому
ago-yesterday = учора
ago-days = { $count ->
    [one] { $count } день тому
    [few] { $count } дні тому
   *[other] { $count } днів тому
}
short-seconds = { $count } с
short-minutes = { $count } хв
short-hours = { $count } год
short-hours-minutes = { $hours } год { $minutes } хв
short-days = { $count ->
    [one] { $count } день
    [few] { $count } дні
   *[other] { $count } днів
}
short-days-hours = { $days ->
    [one] { $days } день { $hours } год
    [few] { $days } дні { $hours } год
   *[other] { $days } днів { $hours } год
}

tracker-created =
    ✅ Трекер № { $number } створено: <b>{ $label }</b>

    Вставте цей HTML у лист:
tracker-image-url = Адреса картинки: <code>{ $url }</code>
tracker-webmail = Пишете в Gmail чи Outlook у браузері? Відкрийте <a href="{ $url }">сторінку для копіювання</a> і скопіюйте невидиму картинку звідти.
default-reminder-note = ⏰ Я нагадаю, якщо за { $delay } не буде підтвердженого прочитання (ваше налаштування за замовчуванням).
ask-reminder = Нагадати, якщо лист ніхто не прочитає?
trackers-created = ✅ Створено трекерів: { $count }, по одному на одержувача. Надішліть кожному окрему копію листа з його власною картинкою:
trackers-created-line = № { $number } <b>{ $label }</b>
copy-page = сторінка для копіювання
trackers-snippet = HTML для кожного: <code>{ $snippet }</code>.
image-url-placeholder = &lt;адреса картинки&gt;
trackers-reminder-hint = Щоб отримати нагадування, якщо якийсь лист не прочитають, надішліть <code>/remind { $number } 3d</code>.

reminder-set = ⏰ Через { $delay }, { $due } ({ $timezone }), я нагадаю, якщо № { $number } <b>{ $label }</b> не матиме підтвердженого прочитання.
reminder-in-quiet-hours = Це припадає на ваші тихі години, тож нагадування прийде { $at }.
reminder-stopped = 🛑 Для № { $number } <b>{ $label }</b> нагадування немає.
already-read = ✅ № { $number } <b>{ $label }</b> уже прочитано, нагадувати нема про що.
default-reminder-set = ⏰ Відтепер кожен новий трекер нагадає, якщо за { $delay } не буде підтвердженого прочитання.
default-reminder-off = ⏰ Нові трекери не мають нагадувань, доки ви не попросите.
reminders-title = ⏰ Нагадування
reminders-none = Нагадувань в очікуванні немає.
reminders-line = № { $number } <b>{ $label }</b> — { $due }
reminders-times-in = Час — { $timezone }.
reminders-default = Нові трекери нагадують через { $delay }.
reminders-no-default = Нові трекери за замовчуванням не нагадують.
reminders-quiet-hours = Тихі години: { $hours }.
reminders-how = Поставити: <code>/remind 3 2d</code>, скасувати: <code>/remind 3 off</code>, за замовчуванням: <code>/remind default 3d</code>.
reminder-due = ⏰ <b>{ $label }</b> не має підтвердженого прочитання через { $waited } (надіслано { $sent }).
reminder-apple-fetched = Apple Mail завантажив лист під час доставки ({ $at }), але це не прочитання.
reminder-late = (Це нагадування запізнилося на { $late }: MailPing був недоступний, коли настав термін.)

quiet-hours-on = 🌙 Тихі години: { $hours } ({ $timezone }). Нагадування на цей час чекають їх завершення.
quiet-hours-off-now = 🌙 Тихі години вимкнено.
quiet-hours-how = Задати: <code>/quiet 22:00-08:00</code>, вимкнути: <code>/quiet off</code>.
bad-quiet-hours = ⚠️ <code>{ $input }</code> — це не проміжок часу. Приклад: <code>/quiet 22:00-08:00</code>. Нічого не змінено.
quiet-hours-set = 🌙 Тихі години: { $hours } ({ $timezone }). Нагадування на цей час прийдуть після їх завершення; сповіщення про відкриття приходять одразу, як і раніше.

confirm-forget = 🧹 Видалити все, що MailPing зберігає про цей чат: трекери, усі відкриття, сповіщення й нагадування, налаштування та мережі, вивчені за вашими сторінками для копіювання? Це не можна скасувати, і картинки у ваших листах перестануть повідомляти про відкриття.
forgotten = 🧹 Готово: MailPing більше нічого не зберігає про цей чат. Наступна команда почне все з чистого аркуша.
kept-everything = Усе збережено.

no-trackers = У вас поки немає трекерів. Створіть перший: <code>{ example-track }</code>.
trackers-title = 📋 Ваші трекери
trackers-page = (сторінка { $page } з { $pages })
tracker-not-opened = ще не відкрито
tracker-only-machines = доставлено, прочитання ще не підтверджено (завантажували лише програми: { $machines })
tracker-opened = відкрито { $count }×
tracker-last-read = , востаннє { $ago }
trackers-details = Докладніше: <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 без звуку

timeline-title = 🕓 № { $number } <b>{ $label }</b> — час: { $timezone }
timeline-empty = Ще не відкрито.
timeline-only-machines = 📭 Доставлено, прочитання ще не підтверджено: поки лист завантажували лише програми. У кожному рядку нижче сказано, які.
timeline-skipped = … не показано попередніх рядків: { $count }
timeline-reported = ❓ ви позначили це як помилку
timeline-older = (не показано попередніх відкриттів: { $count })
timeline-through-relay = (через проксі конфіденційності)
timeline-not-counted = не зараховано: { $why }

kind-direct = відкрито
kind-gmail-proxy = відкрито через проксі картинок Gmail
kind-yahoo-proxy = відкрито через проксі картинок Yahoo
kind-apple-mpp = попереднє завантаження Apple Mail (доставлено, прочитання не підтверджено)
kind-link-preview = бот попереднього перегляду посилань (не прочитання)
kind-scanner = сканер безпеки або бот (не прочитання)
kind-unverified = невідомий клієнт (прочитання не підтверджено)
kind-self-view = ваш власний перегляд (не прочитання)
kind-duplicate = повторне завантаження (не зараховується)
why-grace = ваш власний перегляд (одразу після створення трекера)
why-own-view = ваш власний перегляд
why-repeat = повторне завантаження · { $client }
why-link-scan = перевірка посилань { $client }
why-prefetch = попереднє завантаження { $client } під час доставки
why-crawler = пошуковий робот { $client }
why-known-bot = відомий бот
why-no-agent = скрипт без User-Agent
why-data-centre = дата-центр { $client } (там працюють сканери, а не люди)
why-unrecognised = невідомий клієнт { $client } (жодних ознак людини)
why-implausible = { $client } (такий ідентифікатор браузера не надсилає жоден справжній браузер: це програма)
why-bot-convention = { $client } (сам називає себе ботом чи сервісом)
why-reported-own-network = ваш власний перегляд (мережа, яку ви позначили як свою)
why-reported-machine = { $client } (ви позначили це як програму)
why-link-preview = попередній перегляд посилання { $client }
why-scanner = { $client } (сканер безпеки або скрипт)
why-apple-mpp = попереднє завантаження Захисту конфіденційності Пошти Apple (доставлено, прочитання не підтверджено)

what-was-it = ❓ Що це було за завантаження № { $number } <b>{ $label }</b>?
noted = 📝 Враховано для № { $number } <b>{ $label }</b>.
learned-own-network = Відтепер завантаження з цієї мережі вважаються вашими власними переглядами — для цього трекера й наступних.
learned-machine = Відтепер цей клієнт із цієї мережі вважається програмою, а не прочитанням — для цього трекера й наступних.
shared-network-own-view = Це завантаження надійшло з адреси, якою користуються багато людей (проксі картинок веб-пошти, ретранслятор Apple або мережа провайдера), тож MailPing не може запам'ятати її як вашу.
shared-network-machine = Це завантаження надійшло з адреси, якою користуються багато людей (проксі картинок веб-пошти, ретранслятор Apple або мережа провайдера), тож MailPing не може запам'ятати її як програму, не приховавши справжніх прочитань.
opens-marks-it = Позначку видно в <code>/opens { $number }</code>.
open-gone = ⚠️ Це завантаження № { $number } <b>{ $label }</b> більше не зберігається, повідомляти нема про що.

muted = 🔕 № { $number } <b>{ $label }</b> без звуку. Відкриття записуються, але сповіщати я не буду.
unmuted = 🔔 № { $number } <b>{ $label }</b> знову зі звуком. Я повідомлю, коли лист відкриють.
confirm-delete = 🗑 Видалити № { $number } <b>{ $label }</b> і всі його відкриття? Це не можна скасувати, і картинка в листі перестане повідомляти про відкриття.
deleted = 🗑 № { $number } <b>{ $label }</b> видалено разом з усіма відкриттями.
kept = № { $number } <b>{ $label }</b> збережено.
current-timezone = 🌍 Ваш часовий пояс — { $timezone }. Щоб змінити його, надішліть <code>/tz Europe/Kyiv</code> зі своїм поясом.
bad-timezone = ⚠️ <code>{ $input }</code> — незнайомий мені часовий пояс. Використайте назву IANA, наприклад <code>Europe/Kyiv</code> або <code>Europe/Warsaw</code>.
timezone-set = 🌍 Часовий пояс: { $timezone }. Тепер час показується в ньому.

alert-apple = 📭 <b>{ $label }</b> дійшов до скриньки Apple Mail. Apple завантажив лист під час доставки, тож це не підтверджене прочитання.
alert-opened = 📬 Відкрито: <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = { $ordinal }-е відкриття
alert-times-since = { $count ->
    [few] відкрито { $count } рази від останнього сповіщення
   *[other] відкрито { $count } разів від останнього сповіщення
}
alert-more-in-minutes = { $count ->
    [one] ще { $count } відкриття
    [few] ще { $count } відкриття
   *[other] ще { $count } відкриттів
} { $minutes ->
    [one] за останню хвилину
   *[other] за останні { $minutes } хв
}
alert-reminder-cancelled = ⏰ нагадування скасовано
alert-again-client-network = 🔀 Знову відкрито, у { $client }, з іншої мережі: переслали або інший пристрій.
alert-again-client = 🔀 Знову відкрито, у { $client }: інший пристрій або переслали.
alert-again-network = 🔀 Знову відкрито, з іншої мережі: інше місце або переслали.

stats-nothing = 📊 Поки нічого показати на графіку: за останні { $days } дн. немає ні трекерів, ні завантажень. Створіть трекер: <code>{ example-track }</code> — і повертайтеся, коли лист відкриють.
stats-no-fetches = 📭 № { $number } <b>{ $label }</b> ще не має записаних завантажень, показувати на графіку нічого.
stats-tracker = 📊 № { $number } <b>{ $label }</b>: завантажень — { $fetches }, із них зараховано як прочитання — { $reads }.
stats-account = 📊 Останні { $days } дн.: створено трекерів — { $created }, прочитано — { $read }, ще не прочитано — { $unread }.
stats-median = Медіана до першого прочитання: <b>{ $median }</b>.

export-nothing = 📭 Поки нічого вивантажувати: жоден трекер не записав завантажень. Список — <code>/opens</code>.
export-no-fetches = 📭 № { $number } <b>{ $label }</b> ще не має записаних завантажень, вивантажувати нічого.
export-too-large = ⚠️ Це вивантаження не можна надіслати сюди: ліміт файлів — { $limit }. Спробуйте по одному трекеру, напр. <code>/export 3</code>.
export-all = 📤 Ваше вивантаження: усі записані завантаження (по рядку на кожне, час в UTC і у вашому поясі) та окремий файл зі списком трекерів.
export-tracker = 📤 Ваше вивантаження: записані завантаження трекера № { $number } (по рядку на кожне, час в UTC і у вашому поясі) та окремий файл зі списком трекерів.
export-parts = Навіть стиснене, воно більше за ліміт { $limit }, тож надходить частинами: завантаження — файлів: { $fetches }, трекери — файлів: { $trackers } (.csv.gz, кожен — повний CSV з рядком заголовків). Розпакуйте їх перед відкриттям.
export-compressed = Стиснено в .csv.gz, щоб укластися в ліміт { $limit }; розпакуйте перед відкриттям.
size-mib = { $count } МіБ
size-mb = { $count } МБ
size-kb = { $count } КБ

language-current = 🗣 Мова цього чату: { $language }. Виберіть іншу:
language-set = 🗣 Мову змінено: { $language }.
language-auto = 🗣 Відтепер я пишу мовою вашого застосунку (зараз — { $language }).
language-unknown = ⚠️ Я не розмовляю мовою <code>{ $input }</code>. Виберіть одну з цих мов:
button-language-auto = Мова застосунку

chart-kind-direct = Напряму
chart-kind-gmail-proxy = Проксі Gmail
chart-kind-yahoo-proxy = Проксі Yahoo
chart-kind-apple-mpp = Попереднє завантаження Apple
chart-kind-link-preview = Перегляд посилання
chart-kind-scanner = Сканер або бот
chart-kind-unverified = Невідомий клієнт
chart-kind-self-view = Ваш перегляд
chart-kind-duplicate = Повтор
chart-other-reads = Інші прочитання
chart-account-title = Останні { $days } дн., { $timezone }
chart-reads-per-day = Прочитання за днями
chart-not-counted = Не зараховано як прочитання: попередні завантаження Apple, боти, ваші перегляди, повтори
chart-tracker-caption = Завантажень — { $fetches }, зараховано як прочитання — { $reads } (зафарбовані точки). Час: { $timezone }.

## Конфіденційність (задача 29)
command-privacy = Що зберігається і як довго; суворий режим не зберігає ні мережу, ні агент, ні клієнт
    .args = [strict|standard]
command-retention = Як довго зберігаються відкриття цього чату, у межах ліміту сервера
    .args = [30d|90d|1y]
command-notice = Рядок із посиланням для відмови, який /track додає для отримувача
    .args = [on|off|текст]
option-mode = режим
    .description = strict або standard (залиште порожнім, щоб побачити, що зберігається)
option-period = термін
    .description = наприклад 30d, 90d, 1y або default (залиште порожнім, щоб переглянути)
option-notice = примітка
    .description = on, off, default або ваша фраза з {"{"}link{"}"}
not-kept = клієнт не збережено (суворий режим конфіденційності)
retention-forever = без обмеження строку
retention-days = { $count ->
    [one] { $count } день
    [few] { $count } дні
   *[other] { $count } днів
}
retention-years = { $count ->
    [one] { $count } рік
    [few] { $count } роки
   *[other] { $count } років
}
privacy-title = <b>🔒 Конфіденційність у цьому чаті</b>
privacy-mode-strict = Режим: суворий — для кожного відкриття зберігаються лише трекер, час, вид (прочитання, попереднє завантаження Apple, сканер…) і причина. Ні мережі, ні User-Agent, ні назви поштового клієнта.
privacy-mode-standard = Режим: стандартний — для кожного відкриття зберігаються час, вид і причина, мережа /24 або /48 (ніколи не повна адреса), до 200 байтів User-Agent і назва поштового клієнта.
privacy-server-default = (типово на сервері)
privacy-kept-chat = Термін зберігання: { $period } (вибір цього чату), потім видалення.
privacy-kept-server = Термін зберігання: { $period } (ліміт сервера), потім видалення.
privacy-also-kept = Також зберігаються: назви ваших трекерів, ваші налаштування (часовий пояс, нагадування, тихі години) і мережі ваших власних переглядів сторінки для копіювання, щоб вони не рахувалися як прочитання.
privacy-notice-on = Примітка для отримувача: увімкнено — /track додає рядок із посиланням для відмови для вашого отримувача.
privacy-notice-off = Примітка для отримувача: вимкнено — /notice on додає рядок із посиланням для відмови під фрагментом від /track.
privacy-own-wording = (ваш власний текст)
privacy-change = Змінити: <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (або 90d, 1y) · <code>/notice on</code>
privacy-forget = Видалити все, що MailPing зберігає про цей чат: <code>/forget</code>
privacy-rules =
    Правила щодо пікселів у листах, з якими варто ознайомитися (це не юридична консультація; що стосується вас, вирішуєте ви):
    • Настанови EDPB 2/2023 щодо ст. 5(3) директиви ePrivacy: піксель відстеження в листі — це доступ до пристрою отримувача.
    • Рішення CNIL 2026-042: вимірювання відкриттів для кожного отримувача потребує згоди, з вузькими винятками; відкликання згоди стосується й уже надісланих листів.
    • Припис Garante 284/2026: окрім анонімізованих зведених підрахунків, повідомлень безпеки й обов'язкових службових повідомлень, потрібна згода.
    • Настанови ICO щодо технологій зберігання й доступу (2026): пікселі під них підпадають; виняток для статистики стосується лише зведеного використання.
privacy-set-strict = 🔒 Суворий режим конфіденційності ввімкнено. Нові відкриття зберігають лише трекер, час, вид і причину. { $count ->
    [0] Жодне попереднє відкриття не зберігало більше.
    [one] Мережу, User-Agent і клієнт { $count } попереднього відкриття видалено.
   *[other] Мережі, User-Agent і клієнти { $count } попередніх відкриттів видалено.
} Сповіщення та /opens і далі відрізняють прочитання від машин, але більше не можуть назвати поштовий клієнт.
privacy-set-standard = Стандартний режим конфіденційності ввімкнено: нові відкриття знову зберігають мережу /24 або /48, User-Agent і назву клієнта. Видалене раніше лишається видаленим.
privacy-bad = 🤔 «{ $input }» — це не режим конфіденційності. Надішліть <code>/privacy strict</code>, <code>/privacy standard</code> або <code>/privacy</code>, щоб побачити, що зберігається.
retention-set = 🗑 Термін зберігання відкриттів цього чату тепер: { $period }; старіші видаляються протягом години.
retention-set-default = Відкриття цього чату тепер зберігаються стільки ж, скільки на сервері: { $period }.
retention-current = Термін зберігання відкриттів у цьому чаті: { $period }. Змінити: <code>/retention 30d</code> (або 90d, 1y), не більше ніж { $max }; <code>/retention default</code> повертає термін сервера.
retention-bad = 🤔 Не розумію термін «{ $input }». Надішліть, наприклад, <code>/retention 30d</code>, <code>/retention 90d</code> або <code>/retention 1y</code>.
retention-too-long = Цей сервер зберігає відкриття не довше ніж { $max }, тож { $asked } тут неможливо. Виберіть { $max } або менше.
notice-default = Цей лист повідомляє мені, коли його відкривають. Якщо ви проти, скажіть про це тут:
notice-for-tracker = Примітка для листа #{ $number }:
notice-for-recipient = Примітка для отримувача (вставте її в лист, наприклад під підписом):
notice-on = Примітку для отримувача ввімкнено. /track додає цей рядок із власним посиланням для відмови кожного трекера:
notice-off = Примітку для отримувача вимкнено. З /notice on /track додає цей рядок із власним посиланням для відмови кожного трекера:
notice-change = Змінити текст: <code>/notice Ваша власна фраза з {"{"}link{"}"}</code>; <code>/notice default</code> повертає типовий, <code>/notice off</code> вимикає.
notice-too-long = Примітка задовга: вкладіться в { $limit } символів, щоб вона лишилася одним простим рядком.
withdrawal-notice = 🚫 Отримувач #{ $number } <b>{ $label }</b> попросив його не відстежувати. MailPing більше нічого не записує для цього трекера, а його відкриття видалено.
withdrawn-timeline = #{ $number } <b>{ $label }</b>: отримувач попросив його не відстежувати, тож нічого не записується, а відкриття видалено.
export-strict-note = Відкриття, записані в суворому режимі конфіденційності, не мають мережі, User-Agent і клієнта.
optout-title = Вимкнути сповіщення про відкриття
optout-ask = Відправник листа, з якого ви прийшли, дізнається, коли його відкривають. Натисніть кнопку, і він більше про це не дізнаватиметься: для цього листа більше нічого не записується, а записане видаляється.
optout-button = Вимкнути сповіщення для цього листа
optout-done = Готово. Для цього листа більше нічого не записується, записане видалено, а відправник дізнається, що ви про це попросили.
optout-already = Це вже зроблено: для цього листа нічого не записується.
optout-unknown = Це посилання недійсне.
optout-press-the-button = Нічого не змінено. Щоб вимкнути сповіщення, натисніть кнопку на цій сторінці.
optout-try-later = Щось пішло не так. Спробуйте ще раз трохи згодом.
optout-too-many = Забагато запитів. Спробуйте ще раз за хвилину.
