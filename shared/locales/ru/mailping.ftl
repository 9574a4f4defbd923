# MailPing по-русски. Ключи и переменные те же, что в locales/en/mailping.ftl (проверяет тест).
# Термины: трекер, прочтение (read), загрузка (fetch), уведомление (alert), напоминание,
# тихие часы, страница для копирования.

language-name = Русский

example-track = /track Предложение для ACME
example-track-recipients =
    /track Предложение для ACME
    Анна
    Борис

commands-title = Команды MailPing
command-start = Приветствие и инструкция в три шага
command-track = Создать трекер для письма, напр. /track Предложение для ACME; получатели — по строке на каждого
    .args = &lt;название&gt;
command-opens = Список трекеров или история трекера n
    .args = [n]
command-mute = Отключить уведомления трекера n (открытия по-прежнему записываются)
    .args = &lt;n&gt;
command-unmute = Снова включить уведомления трекера n
    .args = &lt;n&gt;
command-delete = Удалить трекер n и все его открытия
    .args = &lt;n&gt;
command-tz = Указать часовой пояс, напр. /tz Europe/Moscow
    .args = &lt;пояс&gt;
command-remind = Напомнить, если трекер n к тому времени не прочитан, напр. /remind 3 2d; без аргументов — список
    .args = [n] [когда]
command-quiet = Часы без напоминаний, напр. /quiet 22:00-08:00 или /quiet off
    .args = [часы]
command-forget = Удалить всё, что MailPing хранит об этом чате
command-help = Показать этот список
command-stats = График за последние 30 дней или загрузки трекера n
    .args = [n]
command-export = Записанные загрузки в CSV-файле, или только трекера n
    .args = [n]
command-language = Выбрать язык, на котором я пишу, напр. /language ru
    .args = [код]

option-label = название
    .description = Что это за письмо, напр. Предложение для ACME
option-recipients = получатели
    .description = По трекеру на получателя, через запятую, напр. Анна, Борис
option-tracker = трекер
    .description = Номер трекера или "default" для всех новых (пусто — показать список)
option-when = когда
    .description = напр. 2d, 36h, 1w, 3 days или off
option-hours = часы
    .description = напр. 22:00-08:00 или off (пусто — показать)
option-number = номер
    .description = Номер трекера, см. /opens
option-number-to-list = номер
    .description = Номер трекера (пусто — показать список)
option-number-or-all = номер
    .description = Номер трекера (пусто — все ваши трекеры)
option-zone = пояс
    .description = Часовой пояс IANA, напр. Europe/Moscow
option-code = код
    .description = Код языка, например ru или pt-BR (пусто — показать список)

welcome =
    <b>👋 Добро пожаловать в MailPing.</b> Я сообщаю, когда кто-то открывает отправленное вами письмо: без доступа к почтовому ящику, без подмены ссылок, только невидимая картинка.

    1. Отправьте <code>{ example-track }</code>, чтобы получить трекер.
    2. Вставьте в письмо фрагмент, который я пришлю (в веб-почте скопируйте картинку со страницы для копирования).
    3. Я напишу сюда, когда письмо откроют. <code>/opens</code> показывает историю, <code>/help</code> — всё остальное.
unknown-command = 🤔 Я не знаю команду <code>/{ $name }</code>. Отправьте <code>/help</code>, чтобы увидеть, что я умею.
not-a-command = Я понимаю только команды. Чтобы отслеживать письмо, отправьте <code>{ example-track }</code>, а <code>/help</code> — для остального.
not-supported = Это не поддерживается.
button-expired = Эта кнопка больше не работает. Отправьте /opens, чтобы получить свежий список.

label-missing = ⚠️ Дайте письму название, чтобы различать трекеры. Пример: <code>{ example-track }</code>
label-too-long = ⚠️ В этом названии { $length } симв.; максимум — { $limit }. Пример: <code>{ example-track }</code>
label-control-characters = ⚠️ В названии не может быть управляющих символов, например табуляции или переноса строки. Пример: <code>{ example-track }</code>
label-invisible = ⚠️ Такое название было бы пустым: в нём только невидимые символы. Ничего не создано. Пример: <code>{ example-track }</code>
label-layout-characters = ⚠️ В названии не может быть разделителей строк и символов управления направлением текста (например, U+202E): они перепутают сообщения. Ничего не создано. Пример: <code>{ example-track }</code>
slow-down-commands = ⏳ Не так быстро: можно отправлять { $count } команд в минуту. Попробуйте чуть позже.
slow-down-trackers = ⏳ Не так быстро: можно создавать { $count } трекеров в минуту. Попробуйте чуть позже.
something-went-wrong = 😕 У нас что-то пошло не так. Попробуйте чуть позже.
missing-number = ⚠️ Какой трекер? Укажите номер, напр. <code>/{ $command } 3</code>. Список — <code>/opens</code>.
bad-number = ⚠️ <code>{ $input }</code> — это не номер трекера. Пример: <code>/{ $command } 3</code>
no-such-tracker = ⚠️ У вас нет трекера № { $number }. Ваши трекеры — в <code>/opens</code>.
too-many-recipients = ⚠️ Получателей: { $count }; один /track принимает не больше { $limit }. Ничего не создано. Пример:
delay-unknown = ⚠️ Не понимаю срок «{ $input }». Укажите срок от минуты до года, например <code>2d</code>, <code>36h</code>, <code>1w</code> или <code>3 days</code>. Ничего не изменено.
delay-too-short = ⚠️ Напоминание можно поставить не раньше чем через минуту. Укажите срок от минуты до года, например <code>2d</code>, <code>36h</code>, <code>1w</code> или <code>3 days</code>. Ничего не изменено.
delay-too-long = ⚠️ Напоминание можно поставить не дальше чем на год. Укажите срок от минуты до года, например <code>2d</code>, <code>36h</code>, <code>1w</code> или <code>3 days</code>. Ничего не изменено.
missing-delay = ⚠️ Когда? Укажите срок, напр. <code>/remind { $target } 3d</code> или <code>/remind { $target } off</code>.

button-timeline = 🕓 История
button-mute = 🔕 Без звука
button-unmute = 🔔 Со звуком
button-delete = 🗑 Удалить
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ Напомнить через { $delay }
button-stop-reminding = 🛑 Не напоминать
button-wrong = ❓ Ошибка?
button-it-was-me = 👤 Это был я
button-it-was-a-machine = 🤖 Это была программа
button-yes-delete = Да, удалить
button-yes-delete-everything = Да, удалить всё
button-cancel = Отмена
button-previous-page = ◀
button-next-page = ▶

duration-minutes = { $count ->
    [one] { $count } минуту
    [few] { $count } минуты
   *[other] { $count } минут
}
duration-hours = { $count ->
    [one] { $count } час
    [few] { $count } часа
   *[other] { $count } часов
}
duration-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[other] { $count } дней
}
duration-weeks = { $count ->
    [one] { $count } неделю
    [few] { $count } недели
   *[other] { $count } недель
}
ago-just-now = только что
ago-minutes = { $count } мин назад
ago-hours = { $count } ч назад
ago-yesterday = вчера
ago-days = { $count ->
    [one] { $count } день назад
    [few] { $count } дня назад
   *[other] { $count } дней назад
}
short-seconds = { $count } с
short-minutes = { $count } мин
short-hours = { $count } ч
short-hours-minutes = { $hours } ч { $minutes } мин
short-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[other] { $count } дней
}
short-days-hours = { $days ->
    [one] { $days } день { $hours } ч
    [few] { $days } дня { $hours } ч
   *[other] { $days } дней { $hours } ч
}

tracker-created =
    ✅ Трекер № { $number } создан: <b>{ $label }</b>

    Вставьте этот HTML в письмо:
tracker-image-url = Адрес картинки: <code>{ $url }</code>
tracker-webmail = Пишете в Gmail или Outlook в браузере? Откройте <a href="{ $url }">страницу для копирования</a> и скопируйте невидимую картинку оттуда.
default-reminder-note = ⏰ Я напомню, если за { $delay } не будет подтверждённого прочтения (ваша настройка по умолчанию).
ask-reminder = Напомнить, если письмо никто не прочитает?
trackers-created = ✅ Создано трекеров: { $count }, по одному на получателя. Отправьте каждому получателю отдельную копию письма с его собственной картинкой:
trackers-created-line = № { $number } <b>{ $label }</b>
copy-page = страница для копирования
trackers-snippet = HTML для каждого: <code>{ $snippet }</code>.
image-url-placeholder = &lt;адрес картинки&gt;
trackers-reminder-hint = Чтобы получить напоминание, если какое-то письмо не прочитают, отправьте <code>/remind { $number } 3d</code>.

reminder-set = ⏰ Через { $delay }, { $due } ({ $timezone }), я напомню, если у № { $number } <b>{ $label }</b> не будет подтверждённого прочтения.
reminder-in-quiet-hours = Это попадает на ваши тихие часы, поэтому напоминание придёт { $at }.
reminder-stopped = 🛑 Напоминания для № { $number } <b>{ $label }</b> нет.
already-read = ✅ № { $number } <b>{ $label }</b> уже прочитано, напоминать не о чем.
default-reminder-set = ⏰ Теперь каждый новый трекер напомнит, если за { $delay } не будет подтверждённого прочтения.
default-reminder-off = ⏰ У новых трекеров нет напоминаний, пока вы их не попросите.
reminders-title = ⏰ Напоминания
reminders-none = Ожидающих напоминаний нет.
reminders-line = № { $number } <b>{ $label }</b> — { $due }
reminders-times-in = Время — { $timezone }.
reminders-default = Новые трекеры напоминают через { $delay }.
reminders-no-default = У новых трекеров по умолчанию нет напоминаний.
reminders-quiet-hours = Тихие часы: { $hours }.
reminders-how = Поставить: <code>/remind 3 2d</code>, отменить: <code>/remind 3 off</code>, по умолчанию: <code>/remind default 3d</code>.
reminder-due = ⏰ У <b>{ $label }</b> нет подтверждённого прочтения спустя { $waited } (отправлено { $sent }).
reminder-apple-fetched = Apple Mail загрузил письмо при доставке ({ $at }), но это не прочтение.
reminder-late = (Это напоминание опоздало на { $late }: MailPing был недоступен, когда подошёл срок.)

quiet-hours-on = 🌙 Тихие часы: { $hours } ({ $timezone }). Напоминания на это время ждут их окончания.
quiet-hours-off-now = 🌙 Тихие часы выключены.
quiet-hours-how = Задать: <code>/quiet 22:00-08:00</code>, выключить: <code>/quiet off</code>.
bad-quiet-hours = ⚠️ <code>{ $input }</code> — это не промежуток времени. Пример: <code>/quiet 22:00-08:00</code>. Ничего не изменено.
quiet-hours-set = 🌙 Тихие часы: { $hours } ({ $timezone }). Напоминания на это время придут после их окончания; уведомления об открытиях приходят сразу, как и раньше.

confirm-forget = 🧹 Удалить всё, что MailPing хранит об этом чате: трекеры, все открытия, уведомления и напоминания, настройки и сети, выученные по вашим страницам для копирования? Это нельзя отменить, и картинки в ваших письмах перестанут сообщать об открытиях.
forgotten = 🧹 Готово: MailPing больше ничего не хранит об этом чате. Следующая команда начнёт всё с чистого листа.
kept-everything = Всё сохранено.

no-trackers = У вас пока нет трекеров. Создайте первый: <code>{ example-track }</code>.
trackers-title = 📋 Ваши трекеры
trackers-page = (страница { $page } из { $pages })
tracker-not-opened = ещё не открыто
tracker-only-machines = доставлено, прочтение пока не подтверждено (загружали только программы: { $machines })
tracker-opened = открыто { $count }×
tracker-last-read = , последний раз { $ago }
trackers-details = Подробнее: <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 без звука

timeline-title = 🕓 № { $number } <b>{ $label }</b> — время: { $timezone }
timeline-empty = Ещё не открыто.
timeline-only-machines = 📭 Доставлено, прочтение пока не подтверждено: пока письмо загружали только программы. В каждой строке ниже сказано, какие.
timeline-skipped = … не показано более ранних строк: { $count }
timeline-reported = ❓ вы отметили это как ошибку
timeline-older = (не показано более ранних открытий: { $count })
timeline-through-relay = (через прокси-сервер конфиденциальности)
timeline-not-counted = не засчитано: { $why }

kind-direct = открыто
kind-gmail-proxy = открыто через прокси картинок Gmail
kind-yahoo-proxy = открыто через прокси картинок Yahoo
kind-apple-mpp = предзагрузка Apple Mail (доставлено, прочтение не подтверждено)
kind-link-preview = бот предпросмотра ссылок (не прочтение)
kind-scanner = сканер безопасности или бот (не прочтение)
kind-unverified = неизвестный клиент (прочтение не подтверждено)
kind-self-view = ваш собственный просмотр (не прочтение)
kind-duplicate = повторная загрузка (не засчитывается)
why-grace = ваш собственный просмотр (сразу после создания трекера)
why-own-view = ваш собственный просмотр
why-repeat = повторная загрузка · { $client }
why-link-scan = проверка ссылок { $client }
why-prefetch = предзагрузка { $client } при доставке
why-crawler = поисковый робот { $client }
why-known-bot = известный бот
why-no-agent = скрипт без User-Agent
why-data-centre = дата-центр { $client } (там работают сканеры, а не люди)
why-unrecognised = неизвестный клиент { $client } (нет признаков человека)
why-implausible = { $client } (такой идентификатор браузера не отправляет ни один настоящий браузер: это программа)
why-bot-convention = { $client } (сам называет себя ботом или сервисом)
why-reported-own-network = ваш собственный просмотр (сеть, которую вы отметили как свою)
why-reported-machine = { $client } (вы отметили это как программу)
why-link-preview = предпросмотр ссылки { $client }
why-scanner = { $client } (сканер безопасности или скрипт)
why-apple-mpp = предзагрузка защиты конфиденциальности Почты Apple (доставлено, прочтение не подтверждено)

what-was-it = ❓ Что это была за загрузка № { $number } <b>{ $label }</b>?
noted = 📝 Учтено для № { $number } <b>{ $label }</b>.
learned-own-network = Теперь загрузки из этой сети считаются вашими собственными просмотрами — для этого трекера и следующих.
learned-machine = Теперь этот клиент из этой сети считается программой, а не прочтением — для этого трекера и следующих.
shared-network-own-view = Эта загрузка пришла с адреса, которым пользуются многие (прокси картинок веб-почты, ретранслятор Apple или сеть провайдера), поэтому MailPing не может запомнить его как ваш.
shared-network-machine = Эта загрузка пришла с адреса, которым пользуются многие (прокси картинок веб-почты, ретранслятор Apple или сеть провайдера), поэтому MailPing не может запомнить его как программу, не скрыв настоящих прочтений.
opens-marks-it = Отметку видно в <code>/opens { $number }</code>.
open-gone = ⚠️ Эта загрузка № { $number } <b>{ $label }</b> больше не хранится, сообщать не о чем.

muted = 🔕 № { $number } <b>{ $label }</b> без звука. Открытия записываются, но уведомлять я не буду.
unmuted = 🔔 № { $number } <b>{ $label }</b> снова со звуком. Я сообщу, когда письмо откроют.
confirm-delete = 🗑 Удалить № { $number } <b>{ $label }</b> и все его открытия? Это нельзя отменить, и картинка в письме перестанет сообщать об открытиях.
deleted = 🗑 № { $number } <b>{ $label }</b> удалён вместе со всеми открытиями.
kept = № { $number } <b>{ $label }</b> сохранён.
current-timezone = 🌍 Ваш часовой пояс — { $timezone }. Чтобы сменить его, отправьте <code>/tz Europe/Moscow</code> со своим поясом.
bad-timezone = ⚠️ <code>{ $input }</code> — незнакомый мне часовой пояс. Используйте название IANA, например <code>Europe/Moscow</code> или <code>Asia/Yekaterinburg</code>.
timezone-set = 🌍 Часовой пояс: { $timezone }. Теперь время показывается в нём.

alert-apple = 📭 <b>{ $label }</b> дошло до ящика Apple Mail. Apple загрузил письмо при доставке, так что это не подтверждённое прочтение.
alert-opened = 📬 Открыто: <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = { $ordinal }-е открытие
alert-times-since = { $count ->
    [few] открыто { $count } раза с последнего уведомления
   *[other] открыто { $count } раз с последнего уведомления
}
alert-more-in-minutes = { $count ->
    [one] ещё { $count } открытие
    [few] ещё { $count } открытия
   *[other] ещё { $count } открытий
} { $minutes ->
    [one] за последнюю минуту
   *[other] за последние { $minutes } мин
}
alert-reminder-cancelled = ⏰ напоминание отменено
alert-again-client-network = 🔀 Снова открыто, в { $client }, из другой сети: переслали или другое устройство.
alert-again-client = 🔀 Снова открыто, в { $client }: другое устройство или переслали.
alert-again-network = 🔀 Снова открыто, из другой сети: другое место или переслали.

stats-nothing = 📊 Пока нечего показать на графике: за последние { $days } дн. нет ни трекеров, ни загрузок. Создайте трекер: <code>{ example-track }</code> — и возвращайтесь, когда письмо откроют.
stats-no-fetches = 📭 У № { $number } <b>{ $label }</b> пока нет записанных загрузок, показывать на графике нечего.
stats-tracker = 📊 № { $number } <b>{ $label }</b>: загрузок — { $fetches }, из них засчитано как прочтение — { $reads }.
stats-account = 📊 Последние { $days } дн.: создано трекеров — { $created }, прочитано — { $read }, ещё не прочитано — { $unread }.
stats-median = Медиана до первого прочтения: <b>{ $median }</b>.

export-nothing = 📭 Пока нечего выгружать: ни один трекер не записал загрузок. Список — <code>/opens</code>.
export-no-fetches = 📭 У № { $number } <b>{ $label }</b> пока нет записанных загрузок, выгружать нечего.
export-too-large = ⚠️ Эту выгрузку нельзя отправить сюда: лимит загрузки файлов — { $limit }. Попробуйте по одному трекеру, напр. <code>/export 3</code>.
export-all = 📤 Ваша выгрузка: все записанные загрузки (по строке на каждую, время в UTC и в вашем поясе) и отдельный файл со списком трекеров.
export-tracker = 📤 Ваша выгрузка: записанные загрузки трекера № { $number } (по строке на каждую, время в UTC и в вашем поясе) и отдельный файл со списком трекеров.
export-parts = Даже в сжатом виде она больше лимита в { $limit }, поэтому приходит частями: загрузки — файлов: { $fetches }, трекеры — файлов: { $trackers } (.csv.gz, каждый — полный CSV со строкой заголовков). Распакуйте их перед открытием.
export-compressed = Сжато в .csv.gz, чтобы уложиться в лимит { $limit }; распакуйте перед открытием.
size-mib = { $count } МиБ
size-mb = { $count } МБ
size-kb = { $count } КБ

language-current = 🗣 Язык этого чата: { $language }. Выберите другой:
language-set = 🗣 Язык изменён: { $language }.
language-auto = 🗣 Теперь я пишу на языке вашего приложения (сейчас — { $language }).
language-unknown = ⚠️ Я не говорю на <code>{ $input }</code>. Выберите один из этих языков:
button-language-auto = Язык приложения

chart-kind-direct = Напрямую
chart-kind-gmail-proxy = Прокси Gmail
chart-kind-yahoo-proxy = Прокси Yahoo
chart-kind-apple-mpp = Предзагрузка Apple
chart-kind-link-preview = Предпросмотр ссылки
chart-kind-scanner = Сканер или бот
chart-kind-unverified = Неизвестный клиент
chart-kind-self-view = Ваш просмотр
chart-kind-duplicate = Повтор
chart-other-reads = Другие прочтения
chart-account-title = Последние { $days } дн., { $timezone }
chart-reads-per-day = Прочтения по дням
chart-not-counted = Не засчитано как прочтение: предзагрузки Apple, боты, ваши просмотры, повторы
chart-tracker-caption = Загрузок — { $fetches }, засчитано как прочтение — { $reads } (закрашенные точки). Время: { $timezone }.

## Конфиденциальность (задача 29)
command-privacy = Что хранится и как долго; строгий режим не хранит ни сеть, ни агент, ни клиент
    .args = [strict|standard]
command-retention = Как долго хранятся открытия этого чата, в пределах лимита сервера
    .args = [30d|90d|1y]
command-notice = Строка со ссылкой для отказа, которую /track добавляет для получателя
    .args = [on|off|текст]
option-mode = режим
    .description = strict или standard (оставьте пустым, чтобы увидеть, что хранится)
option-period = срок
    .description = например 30d, 90d, 1y или default (оставьте пустым, чтобы посмотреть)
option-notice = примечание
    .description = on, off, default или ваша фраза с {"{"}link{"}"}
not-kept = клиент не сохранён (строгая конфиденциальность)
retention-forever = без ограничения срока
retention-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[other] { $count } дней
}
retention-years = { $count ->
    [one] { $count } год
    [few] { $count } года
   *[other] { $count } лет
}
privacy-title = <b>🔒 Конфиденциальность в этом чате</b>
privacy-mode-strict = Режим: строгий — у каждого открытия хранятся только трекер, время, вид (прочтение, предзагрузка Apple, сканер…) и причина. Ни сети, ни User-Agent, ни названия почтового клиента.
privacy-mode-standard = Режим: стандартный — у каждого открытия хранятся время, вид и причина, сеть /24 или /48 (никогда не полный адрес), до 200 байт User-Agent и название почтового клиента.
privacy-server-default = (по умолчанию на сервере)
privacy-kept-chat = Срок хранения: { $period } (выбор этого чата), затем удаление.
privacy-kept-server = Срок хранения: { $period } (лимит сервера), затем удаление.
privacy-also-kept = Также хранятся: названия ваших трекеров, ваши настройки (часовой пояс, напоминания, тихие часы) и сети ваших собственных просмотров страницы для копирования, чтобы они не считались прочтениями.
privacy-notice-on = Примечание для получателя: включено — /track добавляет строку со ссылкой для отказа для вашего получателя.
privacy-notice-off = Примечание для получателя: выключено — /notice on добавляет строку со ссылкой для отказа под фрагментом от /track.
privacy-own-wording = (ваш собственный текст)
privacy-change = Изменить: <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (или 90d, 1y) · <code>/notice on</code>
privacy-forget = Удалить всё, что MailPing хранит об этом чате: <code>/forget</code>
privacy-rules =
    Правила о пикселях в письмах, с которыми стоит ознакомиться (это не юридическая консультация; что к вам применимо, решаете вы):
    • Руководство EDPB 2/2023 по ст. 5(3) директивы ePrivacy: пиксель отслеживания в письме — это доступ к устройству получателя.
    • Решение CNIL 2026-042: измерение открытий по каждому получателю требует согласия, с узкими исключениями; отзыв согласия распространяется и на уже отправленные письма.
    • Предписание Garante 284/2026: помимо анонимизированных сводных подсчётов, сообщений безопасности и обязательных служебных сообщений, нужно согласие.
    • Руководство ICO по технологиям хранения и доступа (2026): пиксели подпадают под него; исключение для статистики касается только сводного использования.
privacy-set-strict = 🔒 Строгая конфиденциальность включена. Новые открытия хранят только трекер, время, вид и причину. { $count ->
    [0] Ни одно прежнее открытие не хранило больше.
    [one] Сеть, User-Agent и клиент { $count } прежнего открытия удалены.
   *[other] Сети, User-Agent и клиенты { $count } прежних открытий удалены.
} Уведомления и /opens по-прежнему отличают прочтения от машин, но больше не могут назвать почтовый клиент.
privacy-set-standard = Стандартная конфиденциальность включена: новые открытия снова хранят сеть /24 или /48, User-Agent и название клиента. Удалённое ранее остаётся удалённым.
privacy-bad = 🤔 «{ $input }» — это не режим конфиденциальности. Отправьте <code>/privacy strict</code>, <code>/privacy standard</code> или <code>/privacy</code>, чтобы увидеть, что хранится.
retention-set = 🗑 Срок хранения открытий этого чата теперь: { $period }; более старые удаляются в течение часа.
retention-set-default = Открытия этого чата теперь хранятся столько же, сколько на сервере: { $period }.
retention-current = Срок хранения открытий в этом чате: { $period }. Изменить: <code>/retention 30d</code> (или 90d, 1y), не больше чем { $max }; <code>/retention default</code> возвращает срок сервера.
retention-bad = 🤔 Не понимаю срок «{ $input }». Отправьте, например, <code>/retention 30d</code>, <code>/retention 90d</code> или <code>/retention 1y</code>.
retention-too-long = Этот сервер хранит открытия не дольше чем { $max }, поэтому { $asked } здесь невозможно. Выберите { $max } или меньше.
notice-default = Это письмо сообщает мне, когда его открывают. Если вы против, скажите об этом здесь:
notice-for-tracker = Примечание для письма #{ $number }:
notice-for-recipient = Примечание для получателя (вставьте его в письмо, например под подписью):
notice-on = Примечание для получателя включено. /track добавляет эту строку со своей ссылкой для отказа у каждого трекера:
notice-off = Примечание для получателя выключено. С /notice on /track добавляет эту строку со своей ссылкой для отказа у каждого трекера:
notice-change = Изменить текст: <code>/notice Ваша собственная фраза с {"{"}link{"}"}</code>; <code>/notice default</code> возвращает стандартный, <code>/notice off</code> выключает.
notice-too-long = Примечание слишком длинное: уложитесь в { $limit } символов, чтобы оно осталось одной простой строкой.
withdrawal-notice = 🚫 Получатель #{ $number } <b>{ $label }</b> попросил его не отслеживать. MailPing больше ничего не записывает по этому трекеру, а его открытия удалены.
withdrawn-timeline = #{ $number } <b>{ $label }</b>: получатель попросил его не отслеживать, поэтому ничего не записывается, а открытия удалены.
export-strict-note = У открытий, записанных в строгом режиме конфиденциальности, нет сети, User-Agent и клиента.
optout-title = Отключить уведомления об открытии
optout-ask = Отправитель письма, из которого вы пришли, узнаёт, когда его открывают. Нажмите кнопку, и он больше не будет об этом узнавать: по этому письму больше ничего не записывается, а записанное удаляется.
optout-button = Отключить уведомления для этого письма
optout-done = Готово. По этому письму больше ничего не записывается, записанное удалено, а отправитель узнает, что вы об этом попросили.
optout-already = Это уже сделано: по этому письму ничего не записывается.
optout-unknown = Эта ссылка недействительна.
optout-press-the-button = Ничего не изменено. Чтобы отключить уведомления, нажмите кнопку на этой странице.
optout-try-later = Что-то пошло не так. Попробуйте ещё раз чуть позже.
optout-too-many = Слишком много запросов. Попробуйте ещё раз через минуту.
