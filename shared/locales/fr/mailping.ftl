# MailPing en français. Mêmes clés et variables que locales/en/mailping.ftl (vérifié par un
# test). Termes : traceur (tracker), lecture (read), chargement (fetch), alerte, rappel,
# heures calmes, page de copie.

language-name = Français

example-track = /track Proposition pour ACME
example-track-recipients =
    /track Proposition pour ACME
    Alice
    Bruno

commands-title = Commandes de MailPing
command-start = Accueil et guide en trois étapes
command-track = Crée un traceur pour un e-mail, ex. /track Proposition pour ACME ; un destinataire par ligne
    .args = &lt;libellé&gt;
command-opens = Liste tes traceurs, ou montre la chronologie du traceur n
    .args = [n]
command-mute = Coupe les alertes du traceur n (les ouvertures restent enregistrées)
    .args = &lt;n&gt;
command-unmute = Réactive les alertes du traceur n
    .args = &lt;n&gt;
command-delete = Supprime le traceur n et toutes ses ouvertures
    .args = &lt;n&gt;
command-tz = Règle ton fuseau horaire, ex. /tz Europe/Paris
    .args = &lt;fuseau&gt;
command-remind = Me rappeler si le traceur n n'est pas lu d'ici là, ex. /remind 3 2d ; seul, liste les rappels
    .args = [n] [quand]
command-quiet = Heures sans rappels, ex. /quiet 22:00-08:00 ou /quiet off
    .args = [heures]
command-forget = Efface tout ce que MailPing garde sur ce chat
command-help = Affiche cette liste
command-stats = Un graphique de tes 30 derniers jours, ou des chargements du traceur n
    .args = [n]
command-export = Tes chargements enregistrés en fichier CSV, ou seulement ceux du traceur n
    .args = [n]
command-language = Choisis la langue dans laquelle je te parle, ex. /language fr
    .args = [code]

option-label = libellé
    .description = De quel e-mail il s'agit, ex. Proposition pour ACME
option-recipients = destinataires
    .description = Un traceur par destinataire, séparés par des virgules, ex. Alice, Bruno
option-tracker = traceur
    .description = Numéro du traceur, ou "default" pour chaque nouveau traceur (vide pour lister)
option-when = quand
    .description = ex. 2d, 36h, 1w, 3 days, ou off
option-hours = heures
    .description = ex. 22:00-08:00, ou off (vide pour afficher)
option-number = numéro
    .description = Numéro du traceur, voir /opens
option-number-to-list = numéro
    .description = Numéro du traceur (vide pour lister)
option-number-or-all = numéro
    .description = Numéro du traceur (vide pour tous tes traceurs)
option-zone = fuseau
    .description = Fuseau horaire IANA, ex. Europe/Paris
option-code = code
    .description = Un code de langue comme fr ou pt-BR (vide pour la liste)

welcome =
    <b>👋 Bienvenue sur MailPing.</b> Je te préviens quand quelqu'un ouvre un e-mail que tu as envoyé : sans accès à ta boîte, sans réécrire les liens, juste une image invisible.

    1. Envoie <code>{ example-track }</code> pour obtenir un traceur.
    2. Colle dans ton e-mail l'extrait que je t'envoie (en webmail, copie l'image depuis la page de copie).
    3. Je t'écris ici dès qu'il est ouvert. <code>/opens</code> montre l'historique, <code>/help</code> le reste.
unknown-command = 🤔 Je ne connais pas la commande <code>/{ $name }</code>. Envoie <code>/help</code> pour voir ce que je sais faire.
not-a-command = Je ne comprends que les commandes. Pour suivre un e-mail, envoie <code>{ example-track }</code>, ou <code>/help</code> pour le reste.
not-supported = Ce n'est pas pris en charge.
button-expired = Ce bouton ne fonctionne plus. Envoie /opens pour une liste à jour.

label-missing = ⚠️ Donne un libellé à l'e-mail pour distinguer tes traceurs. Exemple : <code>{ example-track }</code>
label-too-long = ⚠️ Ce libellé fait { $length } caractères ; la limite est de { $limit }. Exemple : <code>{ example-track }</code>
label-control-characters = ⚠️ Le libellé ne peut pas contenir de caractères de contrôle comme des tabulations ou des retours à la ligne. Exemple : <code>{ example-track }</code>
label-invisible = ⚠️ Ce libellé ne s'afficherait pas : il ne contient que des caractères invisibles. Rien n'a été créé. Exemple : <code>{ example-track }</code>
label-layout-characters = ⚠️ Le libellé ne peut pas contenir de séparateurs de ligne ni de contrôles de sens d'écriture (comme U+202E) : ils brouilleraient les messages. Rien n'a été créé. Exemple : <code>{ example-track }</code>
slow-down-commands = ⏳ Doucement : tu peux envoyer { $count } commandes par minute. Réessaie dans un instant.
slow-down-trackers = ⏳ Doucement : tu peux créer { $count } traceurs par minute. Réessaie dans un instant.
something-went-wrong = 😕 Un problème est survenu de notre côté. Réessaie dans un instant.
missing-number = ⚠️ Quel traceur ? Indique son numéro, ex. <code>/{ $command } 3</code>. <code>/opens</code> les liste.
bad-number = ⚠️ <code>{ $input }</code> n'est pas un numéro de traceur. Exemple : <code>/{ $command } 3</code>
no-such-tracker = ⚠️ Tu n'as pas de traceur nº { $number }. <code>/opens</code> liste les tiens.
too-many-recipients = ⚠️ Ça fait { $count } destinataires ; un /track en accepte { $limit } au plus. Rien n'a été créé. Exemple :
delay-unknown = ⚠️ Je ne comprends pas la durée « { $input } ». Indique une durée d'une minute à un an, comme <code>2d</code>, <code>36h</code>, <code>1w</code> ou <code>3 days</code>. Rien n'a été modifié.
delay-too-short = ⚠️ Un rappel doit être dans une minute au moins. Indique une durée d'une minute à un an, comme <code>2d</code>, <code>36h</code>, <code>1w</code> ou <code>3 days</code>. Rien n'a été modifié.
delay-too-long = ⚠️ Un rappel peut être dans un an au plus. Indique une durée d'une minute à un an, comme <code>2d</code>, <code>36h</code>, <code>1w</code> ou <code>3 days</code>. Rien n'a été modifié.
missing-delay = ⚠️ Quand ? Indique une durée, ex. <code>/remind { $target } 3d</code>, ou <code>/remind { $target } off</code>.

button-timeline = 🕓 Chronologie
button-mute = 🔕 Sourdine
button-unmute = 🔔 Réactiver
button-delete = 🗑 Supprimer
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ Me rappeler dans { $delay }
button-stop-reminding = 🛑 Ne plus rappeler
button-wrong = ❓ Erreur ?
button-it-was-me = 👤 C'était moi
button-it-was-a-machine = 🤖 C'était une machine
button-yes-delete = Oui, supprimer
button-yes-delete-everything = Oui, tout effacer
button-cancel = Annuler
button-previous-page = ◀
button-next-page = ▶

duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
duration-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
duration-weeks = { $count ->
    [one] { $count } semaine
   *[other] { $count } semaines
}
ago-just-now = à l'instant
ago-minutes = il y a { $count } min
ago-hours = il y a { $count } h
ago-yesterday = hier
ago-days = { $count ->
    [one] il y a { $count } jour
   *[other] il y a { $count } jours
}
short-seconds = { $count } s
short-minutes = { $count } min
short-hours = { $count } h
short-hours-minutes = { $hours } h { $minutes } min
short-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
short-days-hours = { $days ->
    [one] { $days } jour { $hours } h
   *[other] { $days } jours { $hours } h
}

tracker-created =
    ✅ Traceur nº { $number } créé : <b>{ $label }</b>

    Colle ce HTML dans ton e-mail :
tracker-image-url = URL de l'image : <code>{ $url }</code>
tracker-webmail = Tu écris dans Gmail ou Outlook sur le web ? Ouvre la <a href="{ $url }">page de copie</a> et copie l'image invisible depuis là.
default-reminder-note = ⏰ Je te le rappellerai s'il n'y a pas de lecture confirmée d'ici { $delay } (ton réglage par défaut).
ask-reminder = Un rappel si personne ne le lit ?
trackers-created = ✅ { $count } traceurs créés, un par destinataire. Envoie à chacun sa propre copie de l'e-mail avec sa propre image :
trackers-created-line = nº { $number } <b>{ $label }</b>
copy-page = page de copie
trackers-snippet = Le HTML de chacun est <code>{ $snippet }</code>.
image-url-placeholder = &lt;URL de l'image&gt;
trackers-reminder-hint = Pour un rappel si l'un d'eux n'est pas lu, envoie <code>/remind { $number } 3d</code>.

reminder-set = ⏰ Dans { $delay }, le { $due } ({ $timezone }), je te préviendrai si le nº { $number } <b>{ $label }</b> n'a pas de lecture confirmée.
reminder-in-quiet-hours = Ça tombe pendant tes heures calmes, il arrivera donc le { $at }.
reminder-stopped = 🛑 Plus de rappel pour le nº { $number } <b>{ $label }</b>.
already-read = ✅ Le nº { $number } <b>{ $label }</b> a déjà été lu, il n'y a donc rien à te rappeler.
default-reminder-set = ⏰ Désormais, chaque nouveau traceur te prévient s'il n'a pas de lecture confirmée d'ici { $delay }.
default-reminder-off = ⏰ Les nouveaux traceurs n'ont pas de rappel, sauf si tu en demandes un.
reminders-title = ⏰ Rappels
reminders-none = Aucun rappel en attente.
reminders-line = nº { $number } <b>{ $label }</b> — { $due }
reminders-times-in = Heures en { $timezone }.
reminders-default = Les nouveaux traceurs te préviennent après { $delay }.
reminders-no-default = Les nouveaux traceurs n'ont pas de rappel par défaut.
reminders-quiet-hours = Heures calmes : { $hours }.
reminders-how = Crée-en un avec <code>/remind 3 2d</code>, arrête-le avec <code>/remind 3 off</code>, ou règle un défaut avec <code>/remind default 3d</code>.
reminder-due = ⏰ Pas de lecture confirmée de <b>{ $label }</b> après { $waited } (envoyé { $sent }).
reminder-apple-fetched = Apple Mail l'a chargé à la livraison ({ $at }), ce qui n'est pas une lecture.
reminder-late = (Ce rappel arrive avec { $late } de retard : MailPing était hors ligne à l'échéance.)

quiet-hours-on = 🌙 Heures calmes : { $hours } ({ $timezone }). Les rappels prévus pendant ces heures attendent leur fin.
quiet-hours-off-now = 🌙 Les heures calmes sont désactivées.
quiet-hours-how = Règle-les avec <code>/quiet 22:00-08:00</code> ou désactive-les avec <code>/quiet off</code>.
bad-quiet-hours = ⚠️ <code>{ $input }</code> n'est pas une plage horaire. Exemple : <code>/quiet 22:00-08:00</code>. Rien n'a été modifié.
quiet-hours-set = 🌙 Heures calmes réglées sur { $hours } ({ $timezone }). Les rappels prévus pendant ces heures arrivent à leur fin ; les alertes d'ouverture arrivent toujours tout de suite.

confirm-forget = 🧹 Effacer tout ce que MailPing garde sur ce chat : tes traceurs, chaque ouverture, alerte et rappel, tes réglages, et les réseaux appris via tes pages de copie ? C'est irréversible, et les images de tes e-mails ne signaleront plus rien.
forgotten = 🧹 C'est fait : MailPing ne garde plus rien de ce chat. Si tu envoies une autre commande, tu repars de zéro.
kept-everything = Tout a été conservé.

no-trackers = Tu n'as pas encore de traceur. Crées-en un avec <code>{ example-track }</code>.
trackers-title = 📋 Tes traceurs
trackers-page = (page { $page } sur { $pages })
tracker-not-opened = pas encore ouvert
tracker-only-machines = livré, lecture pas encore confirmée (seules des machines l'ont chargé : { $machines })
tracker-opened = ouvert { $count }×
tracker-last-read = , dernière fois { $ago }
trackers-details = Détails : <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 en sourdine

timeline-title = 🕓 nº { $number } <b>{ $label }</b> — heures en { $timezone }
timeline-empty = Pas encore ouvert.
timeline-only-machines = 📭 Livré, lecture pas encore confirmée : pour l'instant, seules des machines l'ont chargé. Chaque ligne ci-dessous dit lesquelles.
timeline-skipped = … { $count } lignes antérieures non affichées
timeline-reported = ❓ tu as signalé une erreur
timeline-older = ({ $count } ouvertures antérieures non affichées)
timeline-through-relay = (via un relais de confidentialité)
timeline-not-counted = non compté : { $why }

kind-direct = ouvert
kind-gmail-proxy = ouvert via le proxy d'images de Gmail
kind-yahoo-proxy = ouvert via le proxy d'images de Yahoo
kind-apple-mpp = préchargement d'Apple Mail (livré, lecture non confirmée)
kind-link-preview = robot d'aperçu de lien (pas une lecture)
kind-scanner = scanner de sécurité ou robot (pas une lecture)
kind-unverified = client non reconnu (lecture non confirmée)
kind-self-view = ta propre consultation (pas une lecture)
kind-duplicate = chargement répété (non compté)
why-grace = ta propre consultation (juste après la création du traceur)
why-own-view = ta propre consultation
why-repeat = chargement répété · { $client }
why-link-scan = analyse de liens de { $client }
why-prefetch = préchargement de { $client } à la livraison
why-crawler = robot d'indexation de { $client }
why-known-bot = un robot connu
why-no-agent = un script sans User-Agent
why-data-centre = centre de données de { $client } (des scanners y tournent, pas des personnes)
why-unrecognised = client non reconnu { $client } (aucun signe d'une personne)
why-implausible = { $client } (un agent de navigateur qu'aucun vrai navigateur n'envoie : une machine)
why-bot-convention = { $client } (se présente comme robot ou service)
why-reported-own-network = ta propre consultation (un réseau que tu as déclaré comme le tien)
why-reported-machine = { $client } (tu as dit que c'était une machine)
why-link-preview = aperçu de lien de { $client }
why-scanner = { $client } (un scanner de sécurité ou un script)
why-apple-mpp = préchargement de la Protection de la confidentialité de Mail d'Apple (livré, lecture non confirmée)

what-was-it = ❓ Qu'était ce chargement du nº { $number } <b>{ $label }</b> ?
noted = 📝 C'est noté pour le nº { $number } <b>{ $label }</b>.
learned-own-network = Désormais, les chargements depuis ce réseau sont tes propres consultations, pour ce traceur et les suivants.
learned-machine = Désormais, ce client depuis ce réseau est une machine, jamais une lecture, pour ce traceur et les suivants.
shared-network-own-view = Ce chargement est passé par une adresse que beaucoup de gens partagent (un proxy d'images de webmail, le relais d'Apple ou le réseau d'un fournisseur), MailPing ne peut donc pas l'apprendre comme la tienne.
shared-network-machine = Ce chargement est passé par une adresse que beaucoup de gens partagent (un proxy d'images de webmail, le relais d'Apple ou le réseau d'un fournisseur), MailPing ne peut donc pas l'apprendre comme une machine sans masquer de vraies lectures.
opens-marks-it = <code>/opens { $number }</code> le signale.
open-gone = ⚠️ Ce chargement du nº { $number } <b>{ $label }</b> n'est plus enregistré, il n'y a donc rien à signaler.

muted = 🔕 nº { $number } <b>{ $label }</b> en sourdine. Les ouvertures restent enregistrées, mais je ne t'alerterai pas.
unmuted = 🔔 nº { $number } <b>{ $label }</b> réactivé. Je t'alerterai quand il sera ouvert.
confirm-delete = 🗑 Supprimer le nº { $number } <b>{ $label }</b> et toutes ses ouvertures ? C'est irréversible, et l'image de ton e-mail ne signalera plus rien.
deleted = 🗑 nº { $number } <b>{ $label }</b> supprimé avec toutes ses ouvertures.
kept = nº { $number } <b>{ $label }</b> conservé.
current-timezone = 🌍 Ton fuseau horaire est { $timezone }. Pour le changer, envoie <code>/tz Europe/Paris</code> avec ton propre fuseau.
bad-timezone = ⚠️ <code>{ $input }</code> n'est pas un fuseau horaire que je connais. Utilise un nom IANA comme <code>Europe/Paris</code> ou <code>America/Montreal</code>.
timezone-set = 🌍 Fuseau horaire réglé sur { $timezone }. Les heures s'affichent désormais dans ce fuseau.

alert-apple = 📭 <b>{ $label }</b> est arrivé dans une boîte Apple Mail. Apple l'a chargé à la livraison, ce n'est donc pas une lecture confirmée.
alert-opened = 📬 Ouvert : <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = { $ordinal ->
    [one] { $ordinal }re ouverture
   *[other] { $ordinal }e ouverture
}
alert-times-since = ouvert { $count } fois depuis la dernière alerte
alert-more-in-minutes = { $minutes ->
    [one] ouvert { $count } fois de plus dans la dernière minute
   *[other] ouvert { $count } fois de plus dans les { $minutes } dernières minutes
}
alert-reminder-cancelled = ⏰ rappel annulé
alert-again-client-network = 🔀 Rouvert, dans { $client }, depuis un autre réseau : transféré, ou un autre appareil.
alert-again-client = 🔀 Rouvert, dans { $client } : un autre appareil, ou transféré.
alert-again-network = 🔀 Rouvert, depuis un autre réseau : un autre endroit, ou transféré.

stats-nothing = 📊 Rien à représenter pour l'instant : aucun traceur ni chargement ces { $days } derniers jours. Crées-en un avec <code>{ example-track }</code>, et reviens une fois qu'il aura été ouvert.
stats-no-fetches = 📭 Le nº { $number } <b>{ $label }</b> n'a encore aucun chargement enregistré, il n'y a donc rien à représenter.
stats-tracker = 📊 nº { $number } <b>{ $label }</b> : { $fetches ->
    [one] { $fetches } chargement
   *[other] { $fetches } chargements
}, { $reads ->
    [one] { $reads } compté comme lecture
   *[other] { $reads } comptés comme lectures
}.
stats-account = 📊 { $days } derniers jours : { $created ->
    [one] { $created } traceur créé
   *[other] { $created } traceurs créés
}, { $read } lus, { $unread } pas encore lus.
stats-median = Délai médian jusqu'à la première lecture : <b>{ $median }</b>.

export-nothing = 📭 Rien à exporter pour l'instant : aucun de tes traceurs n'a enregistré de chargement. <code>/opens</code> les liste.
export-no-fetches = 📭 Le nº { $number } <b>{ $label }</b> n'a encore aucun chargement enregistré, il n'y a donc rien à exporter.
export-too-large = ⚠️ Cet export ne peut pas être envoyé ici : la limite d'envoi est de { $limit }. Essaie un traceur à la fois, ex. <code>/export 3</code>.
export-all = 📤 Ton export : chaque chargement enregistré (une ligne chacun, heures en UTC et dans ton fuseau), et un fichier à part qui liste les traceurs.
export-tracker = 📤 Ton export : les chargements enregistrés du traceur nº { $number } (une ligne chacun, heures en UTC et dans ton fuseau), et un fichier à part qui liste les traceurs.
export-parts = Même compressé, il dépasse ici la limite d'envoi de { $limit }, il arrive donc en plusieurs parties : { $fetches ->
    [one] les chargements en un fichier
   *[other] les chargements en { $fetches } fichiers
}, { $trackers ->
    [one] les traceurs en un fichier
   *[other] les traceurs en { $trackers } fichiers
} (.csv.gz, chacun un CSV complet avec sa ligne d'en-tête). Décompresse-les avant de les ouvrir.
export-compressed = Compressé en .csv.gz pour tenir dans la limite d'envoi de { $limit } ; décompresse-le avant de l'ouvrir.
size-mib = { $count } Mio
size-mb = { $count } Mo
size-kb = { $count } ko

language-current = 🗣 Langue de ce chat : { $language }. Choisis-en une autre :
language-set = 🗣 Langue changée : { $language }.
language-auto = 🗣 Désormais, j'utilise la langue de ton application ({ $language } pour l'instant).
language-unknown = ⚠️ Je ne parle pas <code>{ $input }</code>. Choisis l'une de ces langues :
button-language-auto = Langue de l'application

chart-kind-direct = Direct
chart-kind-gmail-proxy = Proxy Gmail
chart-kind-yahoo-proxy = Proxy Yahoo
chart-kind-apple-mpp = Préchargement Apple
chart-kind-link-preview = Aperçu de lien
chart-kind-scanner = Scanner ou robot
chart-kind-unverified = Client non reconnu
chart-kind-self-view = Ta propre consultation
chart-kind-duplicate = Répétition
chart-other-reads = Autres lectures
chart-account-title = { $days } derniers jours, fuseau { $timezone }
chart-reads-per-day = Lectures par jour
chart-not-counted = Non comptés comme lectures : préchargements Apple, robots, tes consultations, répétitions
chart-tracker-caption = { $fetches ->
    [one] { $fetches } chargement
   *[other] { $fetches } chargements
}, { $reads } { $reads ->
    [one] compté comme lecture
   *[other] comptés comme lectures
} (points pleins). Heures en { $timezone }.

## Confidentialité (ticket 29)
command-privacy = Ce qui est gardé et combien de temps ; le mode strict ne garde ni réseau, ni agent, ni client
    .args = [strict|standard]
command-retention = Combien de temps les ouvertures de ce chat sont gardées, dans la limite du serveur
    .args = [30d|90d|1y]
command-notice = Une ligne avec un lien de désinscription pour votre destinataire, ajoutée par /track
    .args = [on|off|texte]
option-mode = mode
    .description = strict ou standard (laisser vide pour voir ce qui est gardé)
option-period = durée
    .description = p. ex. 30d, 90d, 1y ou default (laisser vide pour l'afficher)
option-notice = mention
    .description = on, off, default ou votre propre phrase avec {"{"}link{"}"}
not-kept = client non gardé (confidentialité stricte)
retention-forever = sans limite
retention-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
retention-years = { $count ->
    [one] { $count } an
   *[other] { $count } ans
}
privacy-title = <b>🔒 Confidentialité dans ce chat</b>
privacy-mode-strict = Mode : strict — chaque ouverture ne garde que son traceur, son heure, son type (lecture, préchargement Apple, scanner…) et la raison. Ni réseau, ni User-Agent, ni nom du logiciel de messagerie.
privacy-mode-standard = Mode : standard — chaque ouverture garde son heure, son type et la raison, le réseau /24 ou /48 (jamais l'adresse complète), jusqu'à 200 octets de User-Agent et le nom du logiciel de messagerie.
privacy-server-default = (réglage par défaut du serveur)
privacy-kept-chat = Durée de conservation : { $period } (choix de ce chat), puis suppression.
privacy-kept-server = Durée de conservation : { $period } (limite du serveur), puis suppression.
privacy-also-kept = Également gardés : les libellés de vos traceurs, vos réglages (fuseau horaire, rappels, heures calmes) et les réseaux de vos propres visites de la page de copie, pour qu'elles ne comptent pas comme lectures.
privacy-notice-on = Mention pour le destinataire : activée — /track ajoute une ligne avec un lien de désinscription pour votre destinataire.
privacy-notice-off = Mention pour le destinataire : désactivée — /notice on ajoute une ligne avec un lien de désinscription sous l'extrait de /track.
privacy-own-wording = (votre propre formulation)
privacy-change = Modifier : <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (ou 90d, 1y) · <code>/notice on</code>
privacy-forget = Effacer tout ce que MailPing garde sur ce chat : <code>/forget</code>
privacy-rules =
    Textes sur les pixels dans les e-mails à lire (ceci n'est pas un conseil juridique ; à vous de décider ce qui s'applique à vous) :
    • Lignes directrices 2/2023 du CEPD sur l'art. 5(3) ePrivacy : un pixel de suivi dans un e-mail est un accès à l'appareil du destinataire.
    • Délibération CNIL 2026-042 : mesurer l'ouverture destinataire par destinataire exige un consentement, sauf exceptions étroites ; le retrait vaut aussi pour les e-mails déjà envoyés.
    • Mesure du Garante 284/2026 : au-delà des comptages agrégés anonymisés, des messages de sécurité et des messages de service obligatoires, le consentement est requis.
    • Guide de l'ICO sur les technologies de stockage et d'accès (2026) : les pixels sont concernés ; l'exception statistique vise un usage agrégé.
privacy-set-strict = 🔒 La confidentialité stricte est activée. Les nouvelles ouvertures ne gardent que leur traceur, leur heure, leur type et la raison. { $count ->
    [0] Aucune ouverture précédente ne gardait davantage.
    [one] Le réseau, le User-Agent et le client de { $count } ouverture précédente sont effacés.
   *[other] Les réseaux, User-Agents et clients de { $count } ouvertures précédentes sont effacés.
} Les alertes et /opens distinguent toujours les lectures des machines, mais ne peuvent plus nommer le logiciel de messagerie.
privacy-set-standard = La confidentialité standard est activée : les nouvelles ouvertures gardent à nouveau le réseau /24 ou /48, le User-Agent et le nom du client. Ce qui a été effacé le reste.
privacy-bad = 🤔 « { $input } » n'est pas un mode de confidentialité. Envoyez <code>/privacy strict</code>, <code>/privacy standard</code> ou <code>/privacy</code> pour voir ce qui est gardé.
retention-set = 🗑 Les ouvertures de ce chat sont désormais gardées : { $period } ; les plus anciennes sont supprimées dans l'heure.
retention-set-default = Les ouvertures de ce chat sont désormais gardées aussi longtemps que le serveur les garde : { $period }.
retention-current = Durée de conservation des ouvertures de ce chat : { $period }. Modifiez-la avec <code>/retention 30d</code> (ou 90d, 1y), jusqu'à { $max } ; <code>/retention default</code> revient à celle du serveur.
retention-bad = 🤔 « { $input } » n'est pas une durée que je comprends. Envoyez par exemple <code>/retention 30d</code>, <code>/retention 90d</code> ou <code>/retention 1y</code>.
retention-too-long = Ce serveur garde les ouvertures au plus { $max } : { $asked } n'est donc pas possible ici. Choisissez { $max } ou moins.
notice-default = Cet e-mail m'indique quand il est ouvert. Si vous préférez que ce ne soit pas le cas, dites-le ici :
notice-for-tracker = Mention pour l'e-mail du #{ $number } :
notice-for-recipient = Mention pour votre destinataire (à mettre dans l'e-mail, p. ex. sous votre signature) :
notice-on = La mention pour le destinataire est activée. /track ajoute cette ligne, avec le lien de désinscription propre à chaque traceur :
notice-off = La mention pour le destinataire est désactivée. Avec /notice on, /track ajoute cette ligne, avec le lien de désinscription propre à chaque traceur :
notice-change = Changez la formulation avec <code>/notice Votre propre phrase avec {"{"}link{"}"}</code> ; <code>/notice default</code> la rétablit, <code>/notice off</code> l'arrête.
notice-too-long = Cette mention est trop longue : restez sous { $limit } caractères pour qu'elle tienne sur une simple ligne.
withdrawal-notice = 🚫 Le destinataire du #{ $number } <b>{ $label }</b> a demandé à ne pas être suivi. MailPing n'enregistre plus rien pour ce traceur, et ses ouvertures sont supprimées.
withdrawn-timeline = #{ $number } <b>{ $label }</b> : son destinataire a demandé à ne pas être suivi ; rien n'est enregistré et ses ouvertures sont supprimées.
export-strict-note = Les ouvertures enregistrées en confidentialité stricte n'ont ni réseau, ni User-Agent, ni client.
optout-title = Ne plus signaler l'ouverture
optout-ask = L'expéditeur de l'e-mail d'où vous venez est prévenu quand il est ouvert. Appuyez sur le bouton et il ne le sera plus : plus rien n'est enregistré pour cet e-mail, et ce qui l'a été est supprimé.
optout-button = Ne plus signaler l'ouverture de cet e-mail
optout-done = C'est fait. Plus rien n'est enregistré pour cet e-mail, ce qui l'avait été est supprimé, et l'expéditeur est informé de votre demande.
optout-already = C'était déjà fait : rien n'est enregistré pour cet e-mail.
optout-unknown = Ce lien n'est pas valide.
optout-press-the-button = Rien n'a été modifié. Pour ne plus être suivi, appuyez sur le bouton de cette page.
optout-try-later = Un problème est survenu. Veuillez réessayer dans un instant.
optout-too-many = Trop de demandes. Veuillez réessayer dans une minute.
