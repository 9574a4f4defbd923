# MailPing em português do Brasil. Chaves e variáveis como em locales/en/mailping.ftl (um teste
# confere). Termos: rastreador (tracker), leitura (read), acesso (fetch), alerta, lembrete,
# horário silencioso, página de cópia.

language-name = Português (Brasil)

example-track = /track Proposta para a ACME
example-track-recipients =
    /track Proposta para a ACME
    Ana
    Bruno

commands-title = Comandos do MailPing
command-start = Boas-vindas e um guia em três passos
command-track = Cria um rastreador para um e-mail, ex.: /track Proposta para a ACME; um destinatário por linha
    .args = &lt;rótulo&gt;
command-opens = Lista seus rastreadores ou mostra a linha do tempo do rastreador n
    .args = [n]
command-mute = Para os alertas do rastreador n (as aberturas continuam registradas)
    .args = &lt;n&gt;
command-unmute = Retoma os alertas do rastreador n
    .args = &lt;n&gt;
command-delete = Exclui o rastreador n e todas as aberturas dele
    .args = &lt;n&gt;
command-tz = Define seu fuso horário, ex.: /tz America/Sao_Paulo
    .args = &lt;fuso&gt;
command-remind = Me lembra se o rastreador n não for lido até lá, ex.: /remind 3 2d; sozinho, lista os lembretes
    .args = [n] [quando]
command-quiet = Horário sem lembretes, ex.: /quiet 22:00-08:00 ou /quiet off
    .args = [horas]
command-forget = Apaga tudo o que o MailPing guarda deste chat
command-help = Mostra esta lista
command-stats = Um gráfico dos seus últimos 30 dias ou dos acessos ao rastreador n
    .args = [n]
command-export = Seus acessos registrados em um arquivo CSV, ou só os do rastreador n
    .args = [n]
command-language = Escolhe o idioma em que eu falo, ex.: /language pt
    .args = [código]

option-label = rótulo
    .description = Qual é o e-mail, ex.: Proposta para a ACME
option-recipients = destinatários
    .description = Um rastreador por destinatário, separados por vírgula, ex.: Ana, Bruno
option-tracker = rastreador
    .description = Número do rastreador, ou "default" para todos os novos (vazio para listar)
option-when = quando
    .description = ex.: 2d, 36h, 1w, 3 days, ou off
option-hours = horas
    .description = ex.: 22:00-08:00, ou off (vazio para ver)
option-number = número
    .description = Número do rastreador, veja /opens
option-number-to-list = número
    .description = Número do rastreador (vazio para listar)
option-number-or-all = número
    .description = Número do rastreador (vazio para todos os seus rastreadores)
option-zone = fuso
    .description = Fuso horário IANA, ex.: America/Sao_Paulo
option-code = código
    .description = Um código de idioma como pt ou de (vazio para ver a lista)

welcome =
    <b>👋 Boas-vindas ao MailPing.</b> Eu aviso quando alguém abre um e-mail que você enviou: sem acesso à sua caixa de entrada, sem reescrever links, só uma imagem invisível.

    1. Envie <code>{ example-track }</code> para criar um rastreador.
    2. Cole no seu e-mail o trecho que eu mandar (no webmail, copie a imagem da página de cópia).
    3. Eu mando uma mensagem aqui quando ele for aberto. <code>/opens</code> mostra o histórico e <code>/help</code>, o resto.
unknown-command = 🤔 Não conheço o comando <code>/{ $name }</code>. Envie <code>/help</code> para ver o que sei fazer.
not-a-command = Só entendo comandos. Para rastrear um e-mail, envie <code>{ example-track }</code>, ou <code>/help</code> para o resto.
not-supported = Isso não é suportado.
button-expired = Este botão não funciona mais. Envie /opens para ver a lista atualizada.

label-missing = ⚠️ Dê um rótulo ao e-mail para distinguir seus rastreadores. Exemplo: <code>{ example-track }</code>
label-too-long = ⚠️ Esse rótulo tem { $length } caracteres; o limite é { $limit }. Exemplo: <code>{ example-track }</code>
label-control-characters = ⚠️ O rótulo não pode ter caracteres de controle, como tabulações ou quebras de linha. Exemplo: <code>{ example-track }</code>
label-invisible = ⚠️ Esse rótulo não apareceria: só tem caracteres invisíveis. Nada foi criado. Exemplo: <code>{ example-track }</code>
label-layout-characters = ⚠️ O rótulo não pode ter separadores de linha nem controles de direção do texto (como U+202E): eles bagunçariam as mensagens. Nada foi criado. Exemplo: <code>{ example-track }</code>
slow-down-commands = ⏳ Calma: você pode enviar { $count } comandos por minuto. Tente de novo daqui a pouco.
slow-down-trackers = ⏳ Calma: você pode criar { $count } rastreadores por minuto. Tente de novo daqui a pouco.
something-went-wrong = 😕 Algo deu errado do nosso lado. Tente de novo daqui a pouco.
missing-number = ⚠️ Qual rastreador? Informe o número, ex.: <code>/{ $command } 3</code>. <code>/opens</code> lista todos.
bad-number = ⚠️ <code>{ $input }</code> não é um número de rastreador. Exemplo: <code>/{ $command } 3</code>
no-such-tracker = ⚠️ Você não tem o rastreador nº { $number }. <code>/opens</code> lista os seus.
too-many-recipients = ⚠️ São { $count } destinatários; um /track aceita até { $limit }. Nada foi criado. Exemplo:
delay-unknown = ⚠️ Não entendi a duração "{ $input }". Use uma duração de um minuto a um ano, como <code>2d</code>, <code>36h</code>, <code>1w</code> ou <code>3 days</code>. Nada foi alterado.
delay-too-short = ⚠️ Um lembrete precisa de pelo menos um minuto. Use uma duração de um minuto a um ano, como <code>2d</code>, <code>36h</code>, <code>1w</code> ou <code>3 days</code>. Nada foi alterado.
delay-too-long = ⚠️ Um lembrete pode ser de no máximo um ano. Use uma duração de um minuto a um ano, como <code>2d</code>, <code>36h</code>, <code>1w</code> ou <code>3 days</code>. Nada foi alterado.
missing-delay = ⚠️ Quando? Informe uma duração, ex.: <code>/remind { $target } 3d</code>, ou <code>/remind { $target } off</code>.

button-timeline = 🕓 Linha do tempo
button-mute = 🔕 Silenciar
button-unmute = 🔔 Reativar
button-delete = 🗑 Excluir
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ Lembrar de novo em { $delay }
button-stop-reminding = 🛑 Parar de lembrar
button-wrong = ❓ Errado?
button-it-was-me = 👤 Fui eu
button-it-was-a-machine = 🤖 Foi uma máquina
button-yes-delete = Sim, excluir
button-yes-delete-everything = Sim, apagar tudo
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
    [one] { $count } dia
   *[other] { $count } dias
}
duration-weeks = { $count ->
    [one] { $count } semana
   *[other] { $count } semanas
}
ago-just-now = agora mesmo
ago-minutes = há { $count } min
ago-hours = há { $count } h
ago-yesterday = ontem
ago-days = { $count ->
    [one] há { $count } dia
   *[other] há { $count } dias
}
short-seconds = { $count } s
short-minutes = { $count } min
short-hours = { $count } h
short-hours-minutes = { $hours } h { $minutes } min
short-days = { $count ->
    [one] { $count } dia
   *[other] { $count } dias
}
short-days-hours = { $days ->
    [one] { $days } dia { $hours } h
   *[other] { $days } dias { $hours } h
}

tracker-created =
    ✅ Rastreador nº { $number } criado: <b>{ $label }</b>

    Cole este HTML no seu e-mail:
tracker-image-url = URL da imagem: <code>{ $url }</code>
tracker-webmail = Escrevendo no Gmail ou no Outlook web? Abra a <a href="{ $url }">página de cópia</a> e copie a imagem invisível de lá.
default-reminder-note = ⏰ Vou lembrar você se não houver leitura confirmada em { $delay } (seu padrão).
ask-reminder = Quer um lembrete se ninguém ler?
trackers-created = ✅ { $count } rastreadores criados, um por destinatário. Envie a cada destinatário a própria cópia do e-mail com a própria imagem:
trackers-created-line = nº { $number } <b>{ $label }</b>
copy-page = página de cópia
trackers-snippet = O HTML de cada um é <code>{ $snippet }</code>.
image-url-placeholder = &lt;URL da imagem&gt;
trackers-reminder-hint = Para um lembrete caso algum não seja lido, envie <code>/remind { $number } 3d</code>.

reminder-set = ⏰ Daqui a { $delay }, em { $due } ({ $timezone }), vou lembrar você se o nº { $number } <b>{ $label }</b> não tiver leitura confirmada.
reminder-in-quiet-hours = Isso cai no seu horário silencioso, então o lembrete chega em { $at }.
reminder-stopped = 🛑 Sem lembrete para o nº { $number } <b>{ $label }</b>.
already-read = ✅ O nº { $number } <b>{ $label }</b> já foi lido, então não há nada para lembrar.
default-reminder-set = ⏰ De agora em diante, todo rastreador novo lembra você se não tiver leitura confirmada em { $delay }.
default-reminder-off = ⏰ Rastreadores novos não têm lembrete, a menos que você peça.
reminders-title = ⏰ Lembretes
reminders-none = Nenhum lembrete pendente.
reminders-line = nº { $number } <b>{ $label }</b> — { $due }
reminders-times-in = Horários em { $timezone }.
reminders-default = Rastreadores novos lembram você depois de { $delay }.
reminders-no-default = Rastreadores novos não têm lembrete por padrão.
reminders-quiet-hours = Horário silencioso: { $hours }.
reminders-how = Crie um com <code>/remind 3 2d</code>, pare com <code>/remind 3 off</code> ou defina um padrão com <code>/remind default 3d</code>.
reminder-due = ⏰ Nenhuma leitura confirmada de <b>{ $label }</b> depois de { $waited } (enviado { $sent }).
reminder-apple-fetched = O Apple Mail o baixou na entrega ({ $at }), o que não é uma leitura.
reminder-late = (Este lembrete está { $late } atrasado: o MailPing estava fora do ar na hora certa.)

quiet-hours-on = 🌙 Horário silencioso: { $hours } ({ $timezone }). Lembretes desse horário esperam até ele acabar.
quiet-hours-off-now = 🌙 O horário silencioso está desativado.
quiet-hours-how = Defina com <code>/quiet 22:00-08:00</code> ou desative com <code>/quiet off</code>.
bad-quiet-hours = ⚠️ <code>{ $input }</code> não é um intervalo de horas. Exemplo: <code>/quiet 22:00-08:00</code>. Nada foi alterado.
quiet-hours-set = 🌙 Horário silencioso definido: { $hours } ({ $timezone }). Lembretes desse horário chegam quando ele acabar; alertas de abertura continuam chegando na hora.

confirm-forget = 🧹 Apagar tudo o que o MailPing guarda deste chat: seus rastreadores, cada abertura, alerta e lembrete, suas configurações e as redes aprendidas pelas suas páginas de cópia? Não dá para desfazer, e as imagens nos seus e-mails vão parar de informar.
forgotten = 🧹 Pronto: o MailPing não guarda mais nada deste chat. Se enviar outro comando, você começa do zero.
kept-everything = Tudo foi mantido.

no-trackers = Você ainda não tem rastreadores. Crie um com <code>{ example-track }</code>.
trackers-title = 📋 Seus rastreadores
trackers-page = (página { $page } de { $pages })
tracker-not-opened = ainda não aberto
tracker-only-machines = entregue, leitura ainda não confirmada (só máquinas o baixaram: { $machines })
tracker-opened = aberto { $count }×
tracker-last-read = , último { $ago }
trackers-details = Detalhes: <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 silenciado

timeline-title = 🕓 nº { $number } <b>{ $label }</b> — horários em { $timezone }
timeline-empty = Ainda não aberto.
timeline-only-machines = 📭 Entregue, leitura ainda não confirmada: até agora só máquinas o baixaram. Cada linha abaixo diz qual.
timeline-skipped = … { $count } linhas anteriores não mostradas
timeline-reported = ❓ você disse que isto estava errado
timeline-older = ({ $count } aberturas anteriores não mostradas)
timeline-through-relay = (por um retransmissor de privacidade)
timeline-not-counted = não contado: { $why }

kind-direct = aberto
kind-gmail-proxy = aberto pelo proxy de imagens do Gmail
kind-yahoo-proxy = aberto pelo proxy de imagens do Yahoo
kind-apple-mpp = pré-carregamento do Apple Mail (entregue, leitura não confirmada)
kind-link-preview = robô de pré-visualização de links (não é leitura)
kind-scanner = scanner de segurança ou robô (não é leitura)
kind-unverified = cliente não reconhecido (leitura não confirmada)
kind-self-view = sua própria visualização (não é leitura)
kind-duplicate = carregamento repetido (não contado)
why-grace = sua própria visualização (logo depois de criar o rastreador)
why-own-view = sua própria visualização
why-repeat = carregamento repetido · { $client }
why-link-scan = verificação de links do { $client }
why-prefetch = pré-carregamento do { $client } na entrega
why-crawler = rastreador web do { $client }
why-known-bot = um robô conhecido
why-no-agent = um script que não enviou User-Agent
why-data-centre = data center do { $client } (lá rodam scanners, não pessoas)
why-unrecognised = cliente não reconhecido { $client } (nenhum sinal de pessoa)
why-implausible = { $client } (um agente de navegador que nenhum navegador real envia: uma máquina)
why-bot-convention = { $client } (se identifica como robô ou serviço)
why-reported-own-network = sua própria visualização (uma rede que você disse ser sua)
why-reported-machine = { $client } (você disse que era uma máquina)
why-link-preview = pré-visualização de link do { $client }
why-scanner = { $client } (um scanner de segurança ou script)
why-apple-mpp = pré-carregamento da Proteção de Privacidade do Mail da Apple (entregue, leitura não confirmada)

what-was-it = ❓ O que foi aquele acesso ao nº { $number } <b>{ $label }</b>?
noted = 📝 Anotado para o nº { $number } <b>{ $label }</b>.
learned-own-network = De agora em diante, acessos dessa rede são suas próprias visualizações, neste rastreador e nos próximos.
learned-machine = De agora em diante, esse cliente nessa rede é uma máquina, nunca uma leitura, neste rastreador e nos próximos.
shared-network-own-view = Esse acesso veio de um endereço que muita gente compartilha (um proxy de imagens de webmail, o retransmissor da Apple ou a rede de um provedor), então o MailPing não pode aprendê-lo como seu.
shared-network-machine = Esse acesso veio de um endereço que muita gente compartilha (um proxy de imagens de webmail, o retransmissor da Apple ou a rede de um provedor), então o MailPing não pode aprendê-lo como máquina sem esconder leituras reais.
opens-marks-it = <code>/opens { $number }</code> marca isso.
open-gone = ⚠️ Aquele acesso ao nº { $number } <b>{ $label }</b> não está mais registrado, então não há o que informar.

muted = 🔕 Silenciado o nº { $number } <b>{ $label }</b>. As aberturas continuam registradas, mas não vou alertar você.
unmuted = 🔔 Reativado o nº { $number } <b>{ $label }</b>. Vou alertar você quando for aberto.
confirm-delete = 🗑 Excluir o nº { $number } <b>{ $label }</b> e todas as aberturas dele? Não dá para desfazer, e a imagem no seu e-mail vai parar de informar.
deleted = 🗑 Excluído o nº { $number } <b>{ $label }</b> com todas as aberturas.
kept = Mantido o nº { $number } <b>{ $label }</b>.
current-timezone = 🌍 Seu fuso horário é { $timezone }. Para mudar, envie <code>/tz America/Sao_Paulo</code> com o seu fuso.
bad-timezone = ⚠️ <code>{ $input }</code> não é um fuso horário que eu conheça. Use um nome IANA como <code>America/Sao_Paulo</code> ou <code>Europe/Lisbon</code>.
timezone-set = 🌍 Fuso horário definido: { $timezone }. Os horários agora aparecem nele.

alert-apple = 📭 <b>{ $label }</b> chegou a uma caixa do Apple Mail. A Apple o baixou na entrega, então isto não é uma leitura confirmada.
alert-opened = 📬 Aberto: <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = { $ordinal }ª abertura
alert-times-since = aberto { $count } vezes desde o último alerta
alert-more-in-minutes = { $minutes ->
    [one] { $count ->
        [one] aberto mais { $count } vez no último minuto
       *[other] aberto mais { $count } vezes no último minuto
    }
   *[other] { $count ->
        [one] aberto mais { $count } vez nos últimos { $minutes } minutos
       *[other] aberto mais { $count } vezes nos últimos { $minutes } minutos
    }
}
alert-reminder-cancelled = ⏰ lembrete cancelado
alert-again-client-network = 🔀 Aberto de novo, no { $client }, em outra rede: encaminhado, ou outro dispositivo.
alert-again-client = 🔀 Aberto de novo, no { $client }: outro dispositivo, ou encaminhado.
alert-again-network = 🔀 Aberto de novo, em outra rede: outro lugar, ou encaminhado.

stats-nothing = 📊 Ainda não há o que mostrar no gráfico: nenhum rastreador e nenhum acesso nos últimos { $days } dias. Crie um com <code>{ example-track }</code> e volte depois que ele for aberto.
stats-no-fetches = 📭 O nº { $number } <b>{ $label }</b> ainda não tem acessos registrados, então não há o que mostrar no gráfico.
stats-tracker = 📊 nº { $number } <b>{ $label }</b>: { $fetches ->
    [one] { $fetches } acesso
   *[other] { $fetches } acessos
}, { $reads ->
    [one] { $reads } contado como leitura
   *[other] { $reads } contados como leituras
}.
stats-account = 📊 Últimos { $days } dias: { $created ->
    [one] { $created } rastreador criado
   *[other] { $created } rastreadores criados
}, { $read } lidos, { $unread } ainda não lidos.
stats-median = Tempo mediano até a primeira leitura: <b>{ $median }</b>.

export-nothing = 📭 Ainda não há o que exportar: nenhum dos seus rastreadores registrou um acesso. <code>/opens</code> lista todos.
export-no-fetches = 📭 O nº { $number } <b>{ $label }</b> ainda não tem acessos registrados, então não há o que exportar.
export-too-large = ⚠️ Esta exportação não pode ser enviada aqui: o limite de envio é { $limit }. Tente um rastreador por vez, ex.: <code>/export 3</code>.
export-all = 📤 Sua exportação: todos os acessos registrados (um por linha, com horário em UTC e no seu fuso) e um arquivo separado com os rastreadores.
export-tracker = 📤 Sua exportação: os acessos registrados do rastreador nº { $number } (um por linha, com horário em UTC e no seu fuso) e um arquivo separado com os rastreadores.
export-parts = Mesmo compactada, ela passa do limite de envio de { $limit } aqui, então vem em partes: { $fetches ->
    [one] os acessos em um arquivo
   *[other] os acessos em { $fetches } arquivos
}, { $trackers ->
    [one] os rastreadores em um arquivo
   *[other] os rastreadores em { $trackers } arquivos
} (.csv.gz, cada um um CSV completo com a linha de cabeçalho). Descompacte antes de abrir.
export-compressed = Compactada como .csv.gz para caber no limite de envio de { $limit }; descompacte antes de abrir.
size-mib = { $count } MiB
size-mb = { $count } MB
size-kb = { $count } KB

language-current = 🗣 Idioma deste chat: { $language }. Escolha outro:
language-set = 🗣 Idioma alterado: { $language }.
language-auto = 🗣 De agora em diante uso o idioma do seu aplicativo (agora, { $language }).
language-unknown = ⚠️ Não falo <code>{ $input }</code>. Escolha um destes:
button-language-auto = Idioma do aplicativo

chart-kind-direct = Direto
chart-kind-gmail-proxy = Proxy do Gmail
chart-kind-yahoo-proxy = Proxy do Yahoo
chart-kind-apple-mpp = Pré-carregamento da Apple
chart-kind-link-preview = Pré-visualização de link
chart-kind-scanner = Scanner ou robô
chart-kind-unverified = Cliente não reconhecido
chart-kind-self-view = Sua própria visualização
chart-kind-duplicate = Repetição
chart-other-reads = Outras leituras
chart-account-title = Últimos { $days } dias, em { $timezone }
chart-reads-per-day = Leituras por dia
chart-not-counted = Não contados como leitura: pré-carregamentos da Apple, robôs, suas visualizações, repetições
chart-tracker-caption = { $fetches ->
    [one] { $fetches } acesso
   *[other] { $fetches } acessos
}, { $reads } { $reads ->
    [one] contado como leitura
   *[other] contados como leituras
} (pontos cheios). Horários em { $timezone }.

## Privacidade (issue 29)
command-privacy = O que é guardado e por quanto tempo; o modo estrito não guarda rede, agente nem cliente
    .args = [strict|standard]
command-retention = Por quanto tempo as aberturas deste chat são guardadas, dentro do limite do servidor
    .args = [30d|90d|1y]
command-notice = Uma linha com um link de descadastro para o seu destinatário, que o /track adiciona
    .args = [on|off|texto]
option-mode = modo
    .description = strict ou standard (deixe vazio para ver o que é guardado)
option-period = periodo
    .description = ex.: 30d, 90d, 1y ou default (deixe vazio para ver)
option-notice = aviso
    .description = on, off, default ou sua própria frase com {"{"}link{"}"}
not-kept = cliente não guardado (privacidade estrita)
retention-forever = sem limite
retention-days = { $count ->
    [one] { $count } dia
   *[other] { $count } dias
}
retention-years = { $count ->
    [one] { $count } ano
   *[other] { $count } anos
}
privacy-title = <b>🔒 Privacidade neste chat</b>
privacy-mode-strict = Modo: estrito — cada abertura guarda só o rastreador, o horário, o tipo (leitura, pré-carregamento da Apple, scanner…) e o motivo. Sem rede, sem User-Agent, sem nome do programa de e-mail.
privacy-mode-standard = Modo: padrão — cada abertura guarda o horário, o tipo e o motivo, a rede /24 ou /48 (nunca o endereço completo), até 200 bytes de User-Agent e o nome do programa de e-mail.
privacy-server-default = (padrão do servidor)
privacy-kept-chat = Guardado por: { $period } (escolha deste chat), depois apagado.
privacy-kept-server = Guardado por: { $period } (limite do servidor), depois apagado.
privacy-also-kept = Também guardados: os nomes dos seus rastreadores, suas configurações (fuso horário, lembretes, horário silencioso) e as redes das suas próprias visitas à página de cópia, para que elas não contem como leituras.
privacy-notice-on = Aviso ao destinatário: ligado — o /track adiciona uma linha com um link de descadastro para o seu destinatário.
privacy-notice-off = Aviso ao destinatário: desligado — /notice on adiciona uma linha com um link de descadastro abaixo do trecho do /track.
privacy-own-wording = (com o seu próprio texto)
privacy-change = Alterar: <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (ou 90d, 1y) · <code>/notice on</code>
privacy-forget = Apagar tudo o que o MailPing guarda deste chat: <code>/forget</code>
privacy-rules =
    Regras sobre pixels em e-mails que vale a pena ler (isto não é aconselhamento jurídico; você decide o que se aplica ao seu caso):
    • Diretrizes 2/2023 do CEPD sobre o art. 5(3) da ePrivacy: um pixel de rastreamento em um e-mail é um acesso ao dispositivo do destinatário.
    • Deliberação 2026-042 da CNIL: medir aberturas por destinatário exige consentimento, com exceções restritas; a retirada vale também para e-mails já enviados.
    • Provimento 284/2026 do Garante: além de contagens agregadas anonimizadas, mensagens de segurança e de serviço obrigatórias, é preciso consentimento.
    • Orientação do ICO sobre tecnologias de armazenamento e acesso (2026): pixels estão incluídos; a exceção para estatísticas é para uso agregado.
privacy-set-strict = 🔒 A privacidade estrita está ligada. Novas aberturas guardam só o rastreador, o horário, o tipo e o motivo. { $count ->
    [0] Nenhuma abertura anterior guardava mais.
    [one] A rede, o User-Agent e o cliente de { $count } abertura anterior foram apagados.
   *[other] As redes, User-Agents e clientes de { $count } aberturas anteriores foram apagados.
} Os alertas e o /opens continuam distinguindo leituras de máquinas, mas não podem mais dizer o programa de e-mail.
privacy-set-standard = A privacidade padrão está ligada: novas aberturas voltam a guardar a rede /24 ou /48, o User-Agent e o nome do cliente. O que foi apagado antes continua apagado.
privacy-bad = 🤔 "{ $input }" não é um modo de privacidade. Envie <code>/privacy strict</code>, <code>/privacy standard</code> ou <code>/privacy</code> para ver o que é guardado.
retention-set = 🗑 As aberturas deste chat agora são guardadas por: { $period }; as mais antigas são apagadas em até uma hora.
retention-set-default = As aberturas deste chat agora são guardadas pelo mesmo tempo que o servidor guarda: { $period }.
retention-current = As aberturas deste chat são guardadas por: { $period }. Altere com <code>/retention 30d</code> (ou 90d, 1y), até { $max }; <code>/retention default</code> volta ao do servidor.
retention-bad = 🤔 "{ $input }" não é um período que eu entenda. Envie, por exemplo, <code>/retention 30d</code>, <code>/retention 90d</code> ou <code>/retention 1y</code>.
retention-too-long = Este servidor guarda aberturas por no máximo { $max }, então { $asked } não é possível aqui. Escolha { $max } ou menos.
notice-default = Este e-mail me avisa quando é aberto. Se preferir que não avise, diga aqui:
notice-for-tracker = Aviso para o e-mail do #{ $number }:
notice-for-recipient = Aviso para o seu destinatário (coloque no e-mail, por exemplo abaixo da assinatura):
notice-on = O aviso ao destinatário está ligado. O /track adiciona esta linha, com o link de descadastro de cada rastreador:
notice-off = O aviso ao destinatário está desligado. Com /notice on, o /track adiciona esta linha, com o link de descadastro de cada rastreador:
notice-change = Mude o texto com <code>/notice Sua própria frase com {"{"}link{"}"}</code>; <code>/notice default</code> restaura o padrão, <code>/notice off</code> desliga.
notice-too-long = Esse aviso é longo demais: use menos de { $limit } caracteres, para que continue sendo uma linha simples.
withdrawal-notice = 🚫 O destinatário do #{ $number } <b>{ $label }</b> pediu para não ser rastreado. O MailPing não registra mais nada para ele, e as aberturas foram apagadas.
withdrawn-timeline = #{ $number } <b>{ $label }</b>: o destinatário pediu para não ser rastreado, então nada é registrado e as aberturas foram apagadas.
export-strict-note = Aberturas registradas no modo de privacidade estrita não têm rede, User-Agent nem cliente.
optout-title = Parar os avisos de abertura
optout-ask = O remetente do e-mail de onde você veio é avisado quando ele é aberto. Toque no botão e ele não será mais avisado: nada mais é registrado para esse e-mail, e o que foi registrado é apagado.
optout-button = Parar os avisos deste e-mail
optout-done = Pronto. Nada mais é registrado para esse e-mail, o que foi registrado foi apagado, e o remetente fica sabendo que você pediu.
optout-already = Isso já tinha sido feito: nada é registrado para esse e-mail.
optout-unknown = Este link não é válido.
optout-press-the-button = Nada foi alterado. Para parar os avisos, toque no botão desta página.
optout-try-later = Algo deu errado. Tente de novo daqui a pouco.
optout-too-many = Pedidos demais. Tente de novo daqui a um minuto.
