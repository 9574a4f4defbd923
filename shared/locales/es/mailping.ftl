# MailPing en español. Claves y variables como en locales/en/mailping.ftl (lo comprueba un test).
# Términos: rastreador (tracker), lectura (read), acceso (fetch), aviso (alert), recordatorio,
# horas de silencio, página para copiar.

language-name = Español

example-track = /track Propuesta para ACME
example-track-recipients =
    /track Propuesta para ACME
    Alicia
    Bruno

commands-title = Comandos de MailPing
command-start = Bienvenida y guía en tres pasos
command-track = Crea un rastreador para un correo, p. ej. /track Propuesta para ACME; destinatarios, uno por línea
    .args = &lt;etiqueta&gt;
command-opens = Lista tus rastreadores o muestra la cronología del rastreador n
    .args = [n]
command-mute = Detiene los avisos del rastreador n (las aperturas se siguen registrando)
    .args = &lt;n&gt;
command-unmute = Reanuda los avisos del rastreador n
    .args = &lt;n&gt;
command-delete = Elimina el rastreador n y todas sus aperturas
    .args = &lt;n&gt;
command-tz = Configura tu zona horaria, p. ej. /tz Europe/Madrid
    .args = &lt;zona&gt;
command-remind = Aviso si el rastreador n sigue sin leer para entonces, p. ej. /remind 3 2d; solo, los lista
    .args = [n] [cuándo]
command-quiet = Horas sin recordatorios, p. ej. /quiet 22:00-08:00 o /quiet off
    .args = [horas]
command-forget = Borra todo lo que MailPing guarda de este chat
command-help = Muestra esta lista
command-stats = Un gráfico de tus últimos 30 días o de los accesos al rastreador n
    .args = [n]
command-export = Tus accesos registrados en un archivo CSV, o solo los del rastreador n
    .args = [n]
command-language = Elige el idioma en que te hablo, p. ej. /language es
    .args = [código]

option-label = etiqueta
    .description = Qué correo es, p. ej. Propuesta para ACME
option-recipients = destinatarios
    .description = Un rastreador por destinatario, separados por comas, p. ej. Alicia, Bruno
option-tracker = rastreador
    .description = Número del rastreador, o "default" para todos los nuevos (vacío para listar)
option-when = cuándo
    .description = p. ej. 2d, 36h, 1w, 3 days, o off
option-hours = horas
    .description = p. ej. 22:00-08:00, u off (vacío para verlas)
option-number = número
    .description = Número del rastreador, consulta /opens
option-number-to-list = número
    .description = Número del rastreador (vacío para listarlos)
option-number-or-all = número
    .description = Número del rastreador (vacío para todos tus rastreadores)
option-zone = zona
    .description = Zona horaria IANA, p. ej. Europe/Madrid
option-code = código
    .description = Un código de idioma como es o pt-BR (vacío para ver la lista)

welcome =
    <b>👋 Te damos la bienvenida a MailPing.</b> Te aviso cuando alguien abre un correo que enviaste: sin acceso a tu bandeja, sin reescribir enlaces, solo una imagen invisible.

    1. Envía <code>{ example-track }</code> para obtener un rastreador.
    2. Pega en tu correo el fragmento que te envío (si usas webmail, copia la imagen desde la página para copiar).
    3. Te escribo aquí cuando lo abran. <code>/opens</code> muestra el historial y <code>/help</code>, todo lo demás.
unknown-command = 🤔 No conozco el comando <code>/{ $name }</code>. Envía <code>/help</code> para ver lo que sé hacer.
not-a-command = Solo entiendo comandos. Para rastrear un correo, envía <code>{ example-track }</code>, o <code>/help</code> para lo demás.
not-supported = Esto no es compatible.
button-expired = Este botón ya no funciona. Envía /opens para obtener una lista actualizada.

label-missing = ⚠️ Ponle una etiqueta al correo para distinguir tus rastreadores. Ejemplo: <code>{ example-track }</code>
label-too-long = ⚠️ Esa etiqueta tiene { $length } caracteres; el límite es { $limit }. Ejemplo: <code>{ example-track }</code>
label-control-characters = ⚠️ La etiqueta no puede contener caracteres de control, como tabulaciones o saltos de línea. Ejemplo: <code>{ example-track }</code>
label-invisible = ⚠️ Esa etiqueta no se vería: solo tiene caracteres invisibles. No se creó nada. Ejemplo: <code>{ example-track }</code>
label-layout-characters = ⚠️ La etiqueta no puede contener separadores de línea ni controles de dirección del texto (como U+202E): desordenarían los mensajes. No se creó nada. Ejemplo: <code>{ example-track }</code>
slow-down-commands = ⏳ Más despacio: puedes enviar { $count } comandos por minuto. Vuelve a intentarlo en un momento.
slow-down-trackers = ⏳ Más despacio: puedes crear { $count } rastreadores por minuto. Vuelve a intentarlo en un momento.
something-went-wrong = 😕 Algo falló por nuestra parte. Vuelve a intentarlo en un momento.
missing-number = ⚠️ ¿Qué rastreador? Indica su número, p. ej. <code>/{ $command } 3</code>. <code>/opens</code> los lista.
bad-number = ⚠️ <code>{ $input }</code> no es un número de rastreador. Ejemplo: <code>/{ $command } 3</code>
no-such-tracker = ⚠️ No tienes ningún rastreador n.º { $number }. <code>/opens</code> lista los tuyos.
too-many-recipients = ⚠️ Son { $count } destinatarios; un /track admite hasta { $limit }. No se creó nada. Ejemplo:
delay-unknown = ⚠️ No entiendo la duración "{ $input }". Usa una duración de un minuto a un año, como <code>2d</code>, <code>36h</code>, <code>1w</code> o <code>3 days</code>. No se cambió nada.
delay-too-short = ⚠️ Un recordatorio necesita al menos un minuto. Usa una duración de un minuto a un año, como <code>2d</code>, <code>36h</code>, <code>1w</code> o <code>3 days</code>. No se cambió nada.
delay-too-long = ⚠️ Un recordatorio no puede estar a más de un año. Usa una duración de un minuto a un año, como <code>2d</code>, <code>36h</code>, <code>1w</code> o <code>3 days</code>. No se cambió nada.
missing-delay = ⚠️ ¿Cuándo? Indica una duración, p. ej. <code>/remind { $target } 3d</code>, o <code>/remind { $target } off</code>.

button-timeline = 🕓 Cronología
button-mute = 🔕 Silenciar
button-unmute = 🔔 Reactivar
button-delete = 🗑 Eliminar
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ Recordar en { $delay }
button-stop-reminding = 🛑 No recordar más
button-wrong = ❓ ¿Error?
button-it-was-me = 👤 Fui yo
button-it-was-a-machine = 🤖 Fue una máquina
button-yes-delete = Sí, eliminar
button-yes-delete-everything = Sí, borrar todo
button-cancel = Cancelar
button-previous-page = ◀
button-next-page = ▶

duration-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
duration-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
duration-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
duration-weeks = { $count ->
    [one] { $count } semana
   *[other] { $count } semanas
}
ago-just-now = ahora mismo
ago-minutes = hace { $count } min
ago-hours = hace { $count } h
ago-yesterday = ayer
ago-days = { $count ->
    [one] hace { $count } día
   *[other] hace { $count } días
}
short-seconds = { $count } s
short-minutes = { $count } min
short-hours = { $count } h
short-hours-minutes = { $hours } h { $minutes } min
short-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
short-days-hours = { $days ->
    [one] { $days } día { $hours } h
   *[other] { $days } días { $hours } h
}

tracker-created =
    ✅ Rastreador n.º { $number } creado: <b>{ $label }</b>

    Pega este HTML en tu correo:
tracker-image-url = URL de la imagen: <code>{ $url }</code>
tracker-webmail = ¿Escribes en Gmail u Outlook web? Abre la <a href="{ $url }">página para copiar</a> y copia desde allí la imagen invisible.
default-reminder-note = ⏰ Te lo recordaré si no hay una lectura confirmada en { $delay } (tu valor predeterminado).
ask-reminder = ¿Te lo recuerdo si nadie lo lee?
trackers-created = ✅ { $count } rastreadores creados, uno por destinatario. Envía a cada uno su propia copia del correo con su propia imagen:
trackers-created-line = n.º { $number } <b>{ $label }</b>
copy-page = página para copiar
trackers-snippet = El HTML de cada uno es <code>{ $snippet }</code>.
image-url-placeholder = &lt;URL de la imagen&gt;
trackers-reminder-hint = Para un recordatorio si alguno no se lee, envía <code>/remind { $number } 3d</code>.

reminder-set = ⏰ Dentro de { $delay }, el { $due } ({ $timezone }), te avisaré si el n.º { $number } <b>{ $label }</b> no tiene una lectura confirmada.
reminder-in-quiet-hours = Eso cae en tus horas de silencio, así que llegará el { $at }.
reminder-stopped = 🛑 Sin recordatorio para el n.º { $number } <b>{ $label }</b>.
already-read = ✅ El n.º { $number } <b>{ $label }</b> ya se ha leído, así que no hay nada que recordarte.
default-reminder-set = ⏰ A partir de ahora, cada rastreador nuevo te avisa si no tiene una lectura confirmada en { $delay }.
default-reminder-off = ⏰ Los rastreadores nuevos no tienen recordatorio salvo que lo pidas.
reminders-title = ⏰ Recordatorios
reminders-none = No hay recordatorios pendientes.
reminders-line = n.º { $number } <b>{ $label }</b> — { $due }
reminders-times-in = Horas en { $timezone }.
reminders-default = Los rastreadores nuevos te avisan tras { $delay }.
reminders-no-default = Los rastreadores nuevos no tienen recordatorio por defecto.
reminders-quiet-hours = Horas de silencio: { $hours }.
reminders-how = Crea uno con <code>/remind 3 2d</code>, detenlo con <code>/remind 3 off</code> o fija uno por defecto con <code>/remind default 3d</code>.
reminder-due = ⏰ Sin lectura confirmada de <b>{ $label }</b> tras { $waited } (enviado { $sent }).
reminder-apple-fetched = Apple Mail lo descargó al entregarlo ({ $at }), y eso no es una lectura.
reminder-late = (Este recordatorio llega { $late } tarde: MailPing estaba fuera de servicio cuando tocaba.)

quiet-hours-on = 🌙 Horas de silencio: { $hours } ({ $timezone }). Los recordatorios de esas horas esperan a que terminen.
quiet-hours-off-now = 🌙 Las horas de silencio están desactivadas.
quiet-hours-how = Fíjalas con <code>/quiet 22:00-08:00</code> o desactívalas con <code>/quiet off</code>.
bad-quiet-hours = ⚠️ <code>{ $input }</code> no es un intervalo de horas. Ejemplo: <code>/quiet 22:00-08:00</code>. No se cambió nada.
quiet-hours-set = 🌙 Horas de silencio: { $hours } ({ $timezone }). Los recordatorios de esas horas llegarán al terminar; los avisos de apertura siguen llegando al momento.

confirm-forget = 🧹 ¿Borrar todo lo que MailPing guarda de este chat: tus rastreadores, cada apertura, aviso y recordatorio, tus ajustes y las redes aprendidas de tus páginas para copiar? No se puede deshacer, y las imágenes de tus correos dejarán de informar.
forgotten = 🧹 Hecho: MailPing ya no guarda nada de este chat. Si envías otro comando, empiezas de cero.
kept-everything = Se ha conservado todo.

no-trackers = Aún no tienes rastreadores. Crea uno con <code>{ example-track }</code>.
trackers-title = 📋 Tus rastreadores
trackers-page = (página { $page } de { $pages })
tracker-not-opened = aún sin abrir
tracker-only-machines = entregado, aún sin lectura confirmada (solo lo descargaron máquinas: { $machines })
tracker-opened = abierto { $count }×
tracker-last-read = , la última { $ago }
trackers-details = Detalles: <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 silenciado

timeline-title = 🕓 n.º { $number } <b>{ $label }</b> — horas en { $timezone }
timeline-empty = Aún sin abrir.
timeline-only-machines = 📭 Entregado, aún sin lectura confirmada: de momento solo lo han descargado máquinas. Cada línea indica cuál.
timeline-skipped = … { $count } líneas anteriores no mostradas
timeline-reported = ❓ dijiste que esto era un error
timeline-older = ({ $count } aperturas anteriores no mostradas)
timeline-through-relay = (a través de un relé de privacidad)
timeline-not-counted = no cuenta: { $why }

kind-direct = abierto
kind-gmail-proxy = abierto a través del proxy de imágenes de Gmail
kind-yahoo-proxy = abierto a través del proxy de imágenes de Yahoo
kind-apple-mpp = descarga previa de Apple Mail (entregado, sin lectura confirmada)
kind-link-preview = bot de vista previa de enlaces (no es una lectura)
kind-scanner = escáner de seguridad o bot (no es una lectura)
kind-unverified = cliente no reconocido (sin lectura confirmada)
kind-self-view = tu propia visualización (no es una lectura)
kind-duplicate = carga repetida (no cuenta)
why-grace = tu propia visualización (justo después de crear el rastreador)
why-own-view = tu propia visualización
why-repeat = carga repetida · { $client }
why-link-scan = análisis de enlaces de { $client }
why-prefetch = descarga previa de { $client } al entregarse
why-crawler = rastreador web de { $client }
why-known-bot = un bot conocido
why-no-agent = un script que no envió User-Agent
why-data-centre = centro de datos de { $client } (allí funcionan escáneres, no personas)
why-unrecognised = cliente no reconocido { $client } (sin señales de una persona)
why-implausible = { $client } (un agente de navegador que ningún navegador real envía: una máquina)
why-bot-convention = { $client } (se identifica como bot o servicio)
why-reported-own-network = tu propia visualización (una red que dijiste que es tuya)
why-reported-machine = { $client } (dijiste que era una máquina)
why-link-preview = vista previa de enlace de { $client }
why-scanner = { $client } (un escáner de seguridad o un script)
why-apple-mpp = descarga previa de la Protección de Privacidad de Mail de Apple (entregado, sin lectura confirmada)

what-was-it = ❓ ¿Qué fue ese acceso al n.º { $number } <b>{ $label }</b>?
noted = 📝 Anotado para el n.º { $number } <b>{ $label }</b>.
learned-own-network = A partir de ahora, los accesos desde esa red son tus propias visualizaciones, para este rastreador y los siguientes.
learned-machine = A partir de ahora, ese cliente desde esa red es una máquina, nunca una lectura, para este rastreador y los siguientes.
shared-network-own-view = Ese acceso llegó por una dirección que comparten muchas personas (un proxy de imágenes de webmail, el relé de Apple o la red de un proveedor), así que MailPing no puede aprenderla como tuya.
shared-network-machine = Ese acceso llegó por una dirección que comparten muchas personas (un proxy de imágenes de webmail, el relé de Apple o la red de un proveedor), así que MailPing no puede aprenderla como máquina sin ocultar lecturas reales.
opens-marks-it = <code>/opens { $number }</code> lo señala.
open-gone = ⚠️ Ese acceso al n.º { $number } <b>{ $label }</b> ya no está registrado, así que no hay nada que informar.

muted = 🔕 Silenciado el n.º { $number } <b>{ $label }</b>. Las aperturas se siguen registrando, pero no te avisaré.
unmuted = 🔔 Reactivado el n.º { $number } <b>{ $label }</b>. Te avisaré cuando lo abran.
confirm-delete = 🗑 ¿Eliminar el n.º { $number } <b>{ $label }</b> y todas sus aperturas? No se puede deshacer, y la imagen de tu correo dejará de informar.
deleted = 🗑 Eliminado el n.º { $number } <b>{ $label }</b> con todas sus aperturas.
kept = Se conserva el n.º { $number } <b>{ $label }</b>.
current-timezone = 🌍 Tu zona horaria es { $timezone }. Para cambiarla, envía <code>/tz Europe/Madrid</code> con tu propia zona.
bad-timezone = ⚠️ <code>{ $input }</code> no es una zona horaria que conozca. Usa un nombre IANA como <code>Europe/Madrid</code> o <code>America/Mexico_City</code>.
timezone-set = 🌍 Zona horaria cambiada a { $timezone }. Las horas se muestran ahora en ella.

alert-apple = 📭 <b>{ $label }</b> llegó a un buzón de Apple Mail. Apple lo descargó al entregarlo, así que no es una lectura confirmada.
alert-opened = 📬 Abierto: <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = { $ordinal }.ª apertura
alert-times-since = abierto { $count } veces desde el último aviso
alert-more-in-minutes = { $minutes ->
    [one] { $count ->
        [one] abierto { $count } vez más en el último minuto
       *[other] abierto { $count } veces más en el último minuto
    }
   *[other] { $count ->
        [one] abierto { $count } vez más en los últimos { $minutes } minutos
       *[other] abierto { $count } veces más en los últimos { $minutes } minutos
    }
}
alert-reminder-cancelled = ⏰ recordatorio cancelado
alert-again-client-network = 🔀 Abierto de nuevo, en { $client }, desde otra red: reenviado, u otro dispositivo.
alert-again-client = 🔀 Abierto de nuevo, en { $client }: otro dispositivo, o reenviado.
alert-again-network = 🔀 Abierto de nuevo, desde otra red: otro lugar, o reenviado.

stats-nothing = 📊 Aún no hay nada que graficar: ni rastreadores ni accesos en los últimos { $days } días. Crea uno con <code>{ example-track }</code> y vuelve cuando lo hayan abierto.
stats-no-fetches = 📭 El n.º { $number } <b>{ $label }</b> aún no tiene accesos registrados, así que no hay nada que graficar.
stats-tracker = 📊 n.º { $number } <b>{ $label }</b>: { $fetches ->
    [one] { $fetches } acceso
   *[other] { $fetches } accesos
}, { $reads ->
    [one] { $reads } cuenta como lectura
   *[other] { $reads } cuentan como lecturas
}.
stats-account = 📊 Últimos { $days } días: { $created ->
    [one] { $created } rastreador creado
   *[other] { $created } rastreadores creados
}, { $read } leídos, { $unread } aún sin leer.
stats-median = Mediana hasta la primera lectura: <b>{ $median }</b>.

export-nothing = 📭 Aún no hay nada que exportar: ninguno de tus rastreadores ha registrado un acceso. <code>/opens</code> los lista.
export-no-fetches = 📭 El n.º { $number } <b>{ $label }</b> aún no tiene accesos registrados, así que no hay nada que exportar.
export-too-large = ⚠️ Esta exportación no se puede enviar aquí: el límite de subida es { $limit }. Prueba con un rastreador cada vez, p. ej. <code>/export 3</code>.
export-all = 📤 Tu exportación: todos los accesos registrados (uno por fila, con la hora en UTC y en tu zona horaria) y un archivo aparte con los rastreadores.
export-tracker = 📤 Tu exportación: los accesos registrados del rastreador n.º { $number } (uno por fila, con la hora en UTC y en tu zona horaria) y un archivo aparte con los rastreadores.
export-parts = Incluso comprimida supera el límite de subida de { $limit } aquí, así que llega en partes: { $fetches ->
    [one] los accesos en un archivo
   *[other] los accesos en { $fetches } archivos
}, { $trackers ->
    [one] los rastreadores en un archivo
   *[other] los rastreadores en { $trackers } archivos
} (.csv.gz, cada uno un CSV completo con la fila de encabezado). Descomprímelos antes de abrirlos.
export-compressed = Comprimida como .csv.gz para no superar el límite de subida de { $limit }; descomprímela antes de abrirla.
size-mib = { $count } MiB
size-mb = { $count } MB
size-kb = { $count } KB

language-current = 🗣 Idioma de este chat: { $language }. Elige otro:
language-set = 🗣 Idioma cambiado: { $language }.
language-auto = 🗣 A partir de ahora uso el idioma de tu aplicación (ahora mismo, { $language }).
language-unknown = ⚠️ No hablo <code>{ $input }</code>. Elige uno de estos:
button-language-auto = Idioma de tu aplicación

chart-kind-direct = Directo
chart-kind-gmail-proxy = Proxy de Gmail
chart-kind-yahoo-proxy = Proxy de Yahoo
chart-kind-apple-mpp = Descarga previa de Apple
chart-kind-link-preview = Vista previa de enlace
chart-kind-scanner = Escáner o bot
chart-kind-unverified = Cliente no reconocido
chart-kind-self-view = Tu propia visualización
chart-kind-duplicate = Repetición
chart-other-reads = Otras lecturas
chart-account-title = Últimos { $days } días, en { $timezone }
chart-reads-per-day = Lecturas por día
chart-not-counted = No cuentan como lecturas: descargas previas de Apple, bots, tus propias visualizaciones, repeticiones
chart-tracker-caption = { $fetches ->
    [one] { $fetches } acceso
   *[other] { $fetches } accesos
}, { $reads } { $reads ->
    [one] cuenta como lectura
   *[other] cuentan como lecturas
} (puntos rellenos). Horas en { $timezone }.

## Privacidad (issue 29)
command-privacy = Qué se guarda y durante cuánto tiempo; el modo estricto no guarda red, agente ni cliente
    .args = [strict|standard]
command-retention = Cuánto tiempo se guardan las aperturas de este chat, dentro del límite del servidor
    .args = [30d|90d|1y]
command-notice = Una línea con un enlace de baja para tu destinatario, que añade /track
    .args = [on|off|texto]
option-mode = modo
    .description = strict o standard (déjalo vacío para ver qué se guarda)
option-period = periodo
    .description = p. ej. 30d, 90d, 1y o default (déjalo vacío para verlo)
option-notice = nota
    .description = on, off, default o tu propia frase con {"{"}link{"}"}
not-kept = cliente no guardado (privacidad estricta)
retention-forever = sin límite
retention-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
retention-years = { $count ->
    [one] { $count } año
   *[other] { $count } años
}
privacy-title = <b>🔒 Privacidad en este chat</b>
privacy-mode-strict = Modo: estricto — cada apertura guarda solo su rastreador, su hora, su tipo (lectura, precarga de Apple, escáner…) y el motivo. Ni red, ni User-Agent, ni nombre del cliente de correo.
privacy-mode-standard = Modo: estándar — cada apertura guarda su hora, tipo y motivo, la red /24 o /48 (nunca la dirección completa), hasta 200 bytes de User-Agent y el nombre del cliente de correo.
privacy-server-default = (lo predeterminado del servidor)
privacy-kept-chat = Se guarda: { $period } (elegido en este chat); después se borra.
privacy-kept-server = Se guarda: { $period } (límite del servidor); después se borra.
privacy-also-kept = También se guardan: los nombres de tus rastreadores, tus ajustes (zona horaria, recordatorios, horas de silencio) y las redes de tus propias visitas a la página para copiar, para que no cuenten como lecturas.
privacy-notice-on = Nota para el destinatario: activada — /track añade una línea con un enlace de baja para tu destinatario.
privacy-notice-off = Nota para el destinatario: desactivada — /notice on añade una línea con un enlace de baja bajo el fragmento de /track.
privacy-own-wording = (con tu propio texto)
privacy-change = Cambiar: <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (o 90d, 1y) · <code>/notice on</code>
privacy-forget = Borrar todo lo que MailPing guarda de este chat: <code>/forget</code>
privacy-rules =
    Normas sobre píxeles en el correo que quizá quieras leer (esto no es asesoramiento legal; tú decides qué se te aplica):
    • Directrices 2/2023 del CEPD sobre el art. 5.3 de ePrivacy: un píxel de seguimiento en un correo es un acceso al dispositivo del destinatario.
    • Deliberación 2026-042 de la CNIL: medir aperturas por destinatario requiere consentimiento, con excepciones estrictas; la retirada alcanza a los correos ya enviados.
    • Providencia 284/2026 del Garante: más allá de recuentos agregados anonimizados, mensajes de seguridad y de servicio obligatorios, hace falta consentimiento.
    • Guía del ICO sobre tecnologías de almacenamiento y acceso (2026): los píxeles están incluidos; su excepción estadística es para uso agregado.
privacy-set-strict = 🔒 La privacidad estricta está activada. Las nuevas aperturas guardan solo su rastreador, hora, tipo y motivo. { $count ->
    [0] Ninguna apertura anterior guardaba más.
    [one] Se han borrado la red, el User-Agent y el cliente de { $count } apertura anterior.
   *[other] Se han borrado las redes, User-Agents y clientes de { $count } aperturas anteriores.
} Los avisos y /opens siguen distinguiendo lecturas de máquinas, pero ya no pueden nombrar el cliente de correo.
privacy-set-standard = La privacidad estándar está activada: las nuevas aperturas vuelven a guardar la red /24 o /48, el User-Agent y el nombre del cliente. Lo borrado antes sigue borrado.
privacy-bad = 🤔 «{ $input }» no es un modo de privacidad. Envía <code>/privacy strict</code>, <code>/privacy standard</code> o <code>/privacy</code> para ver qué se guarda.
retention-set = 🗑 Las aperturas de este chat se guardan ahora: { $period }; las más antiguas se borran en menos de una hora.
retention-set-default = Las aperturas de este chat se guardan ahora lo mismo que en el servidor: { $period }.
retention-current = Las aperturas de este chat se guardan: { $period }. Cámbialo con <code>/retention 30d</code> (o 90d, 1y), hasta { $max }; <code>/retention default</code> vuelve a lo del servidor.
retention-bad = 🤔 «{ $input }» no es un periodo que entienda. Envía p. ej. <code>/retention 30d</code>, <code>/retention 90d</code> o <code>/retention 1y</code>.
retention-too-long = Este servidor guarda las aperturas como máximo { $max }, así que { $asked } no es posible aquí. Elige { $max } o menos.
notice-default = Este correo me avisa cuando se abre. Si prefieres que no lo haga, dímelo aquí:
notice-for-tracker = Nota para el correo de #{ $number }:
notice-for-recipient = Nota para tu destinatario (ponla en el correo, p. ej. bajo tu firma):
notice-on = La nota para el destinatario está activada. /track añade esta línea, con el enlace de baja propio de cada rastreador:
notice-off = La nota para el destinatario está desactivada. Con /notice on, /track añade esta línea, con el enlace de baja propio de cada rastreador:
notice-change = Cambia el texto con <code>/notice Tu propia frase con {"{"}link{"}"}</code>; <code>/notice default</code> lo restablece, <code>/notice off</code> la desactiva.
notice-too-long = Esa nota es demasiado larga: no pases de { $limit } caracteres, para que siga siendo una sola línea.
withdrawal-notice = 🚫 El destinatario de #{ $number } <b>{ $label }</b> pidió no ser rastreado. MailPing ya no registra nada para él y sus aperturas se han borrado.
withdrawn-timeline = #{ $number } <b>{ $label }</b>: su destinatario pidió no ser rastreado, así que no se registra nada y sus aperturas se han borrado.
export-strict-note = Las aperturas registradas en modo de privacidad estricta no tienen red, User-Agent ni cliente.
optout-title = Dejar de avisar de la apertura
optout-ask = Al remitente del correo del que vienes se le avisa cuando se abre. Pulsa el botón y ya no se le avisará: no se registrará nada más de ese correo y lo registrado se borrará.
optout-button = Dejar de avisar de este correo
optout-done = Hecho. No se registra nada más de ese correo, lo registrado se ha borrado y al remitente se le dice que lo pediste.
optout-already = Ya estaba hecho: no se registra nada de ese correo.
optout-unknown = Este enlace no es válido.
optout-press-the-button = No se ha cambiado nada. Para dejar de avisar, pulsa el botón de esta página.
optout-try-later = Algo salió mal. Vuelve a intentarlo en un momento.
optout-too-many = Demasiadas solicitudes. Vuelve a intentarlo en un minuto.
