#!/usr/bin/env bash
# Does the recipient notice with its opt-out link cost spam points? (docs/privacy.md)
#
# Scores one HTML email (a proposal, with the tracker's image and the notice line) with
# SpamAssassin and rspamd, local rules only (no network tests): once with the opt-out link on
# the MailPing server's domain, once with the same sentence linking to the sender's own
# domain. Prints both scores and the rules each matched; exits 1 if the opt-out link scores
# higher with either filter.
#
#   apt-get install -y spamassassin rspamd
#   tests/spam/notice_score.sh
set -euo pipefail

command -v spamassassin >/dev/null || { echo "needs spamassassin (apt-get install -y spamassassin)" >&2; exit 2; }
command -v rspamd >/dev/null || { echo "needs rspamd (apt-get install -y rspamd)" >&2; exit 2; }

WORK=$(mktemp -d)
RSPAMD_PID=""
cleanup() {
    [[ -n "$RSPAMD_PID" ]] && kill "$RSPAMD_PID" 2>/dev/null && wait "$RSPAMD_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

PIXEL="https://px.mailping-host.net/i/3f2a9c1be8d84f0e9a7b6c5d4e3f2a1b.gif"
OPTOUT=${NOTICE_OPTOUT_URL:-"https://px.mailping-host.net/o/8c7b6a5f4e3d4c2b9a1f0e9d8c7b6a5f"}
OWN="https://doe-consulting.com/preferences"
NOTICE_TEXT="This email tells me when it is opened. If you would rather it did not, say so here:"

# One message; $1 is the notice's link.
message() {
    local link=$1
    cat <<MAIL
Return-Path: <jane@doe-consulting.com>
Received: from mail.doe-consulting.com (mail.doe-consulting.com [85.214.132.117])
	by mx.acme-corp.com with ESMTPS id 4Xk2; Mon, 7 Dec 2026 09:30:01 +0000
From: Jane Doe <jane@doe-consulting.com>
To: Bob Smith <bob@acme-corp.com>
Subject: Proposal for the ACME website redesign
Date: Mon, 7 Dec 2026 09:30:00 +0000
Message-ID: <20261207093000.4711@doe-consulting.com>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

Hi Bob,

As promised on Thursday, here is my proposal for the redesign of the ACME
website: three phases over ten weeks, with a fixed price for each phase.
The first phase covers the audit and the new information architecture.

I am happy to walk you through it on a call this week.

Best regards,
Jane Doe
Doe Consulting

$NOTICE_TEXT $link

--b1
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: 7bit

<html><body>
<p>Hi Bob,</p>
<p>As promised on Thursday, here is my proposal for the redesign of the ACME
website: three phases over ten weeks, with a fixed price for each phase.
The first phase covers the audit and the new information architecture.</p>
<p>I am happy to walk you through it on a call this week.</p>
<p>Best regards,<br>Jane Doe<br>Doe Consulting</p>
<p style="color:#666;font-size:12px">$NOTICE_TEXT <a href="$link">$link</a></p>
<img src="$PIXEL" width="1" height="1" alt="" style="border:0">
</body></html>

--b1--
MAIL
}

message "$OPTOUT" >"$WORK/optout.eml"
message "$OWN" >"$WORK/own.eml"

# --- SpamAssassin: -L runs local tests only (no DNS blocklists, no Razor/Pyzor) ---------------
sa_score() {
    spamassassin -L -t <"$1" 2>/dev/null | awk '/^X-Spam-Status:/ { s = 1 } s && /^[^ \t]/ && !/^X-Spam-Status:/ { s = 0 } s' |
        tr -d '\n\t' | sed -E 's/ +/ /g'
}
sa_points() { sed -nE 's/.*score=(-?[0-9.]+).*/\1/p' <<<"$1"; }

SA_OPTOUT=$(sa_score "$WORK/optout.eml")
SA_OWN=$(sa_score "$WORK/own.eml")

# --- rspamd: a private instance, its network modules off ---------------------------------------
mkdir -p "$WORK/local.d" "$WORK/db" "$WORK/run" "$WORK/log"
PORT=${RSPAMD_PORT:-11433}
cat >"$WORK/local.d/options.inc" <<CONF
dns { nameserver = ["127.0.0.1:1"]; timeout = 0.1s; retransmits = 0; }
CONF
for module in rbl surbl fuzzy_check asn emails phishing dcc spamassassin; do
    echo "enabled = false;" >"$WORK/local.d/$module.conf"
done
cat >"$WORK/local.d/worker-normal.inc" <<CONF
bind_socket = "127.0.0.1:$PORT";
CONF
cat >"$WORK/local.d/worker-controller.inc" <<CONF
bind_socket = "127.0.0.1:$((PORT + 1))";
CONF
echo 'enabled = false;' >"$WORK/local.d/worker-proxy.inc"
cat >"$WORK/local.d/logging.inc" <<CONF
type = "file"; filename = "$WORK/log/rspamd.log"; level = "warning";
CONF
chmod -R a+rwX "$WORK"
USER_OPTS=()
if [[ $(id -u) -eq 0 ]]; then USER_OPTS=(-u _rspamd -g _rspamd); fi
rspamd -f "${USER_OPTS[@]}" --var=LOCAL_CONFDIR="$WORK" --var=DBDIR="$WORK/db" \
    --var=RUNDIR="$WORK/run" --var=LOGDIR="$WORK/log" >"$WORK/log/stdout" 2>&1 &
RSPAMD_PID=$!
# rspamd compiles its regular expressions first: half a minute or more on a busy machine.
for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    kill -0 "$RSPAMD_PID" 2>/dev/null || { cat "$WORK/log/"* >&2; echo "rspamd did not start" >&2; exit 2; }
    sleep 0.2
done
sleep 2
rs_score() { rspamc -h "127.0.0.1:$PORT" symbols <"$1" 2>/dev/null; }
rs_points() { sed -nE 's/^Action: .*//; s/^Score: (-?[0-9.]+) \/.*/\1/p' <<<"$1"; }
RS_OPTOUT=$(rs_score "$WORK/optout.eml")
RS_OWN=$(rs_score "$WORK/own.eml")

echo "== SpamAssassin $(spamassassin --version | head -1 | awk '{print $3}') (spamassassin -L -t)"
echo "opt-out link : $SA_OPTOUT"
echo "own domain   : $SA_OWN"
echo
echo "== rspamd $(rspamd --version 2>/dev/null | head -1) (rspamc symbols; rbl, surbl, fuzzy, dcc off)"
echo "-- opt-out link"
grep -E '^(Score|Symbol):' <<<"$RS_OPTOUT" || echo "$RS_OPTOUT"
echo "-- own domain"
grep -E '^(Score|Symbol):' <<<"$RS_OWN" || echo "$RS_OWN"
echo

sa_o=$(sa_points "$SA_OPTOUT"); sa_w=$(sa_points "$SA_OWN")
rs_o=$(rs_points "$RS_OPTOUT"); rs_w=$(rs_points "$RS_OWN")
echo "RESULT spamassassin_optout=$sa_o spamassassin_own=$sa_w rspamd_optout=$rs_o rspamd_own=$rs_w"
[[ -n "$sa_o" && -n "$sa_w" && -n "$rs_o" && -n "$rs_w" ]] || { echo "a filter gave no score" >&2; exit 2; }
awk -v a="$sa_o" -v b="$sa_w" -v c="$rs_o" -v d="$rs_w" 'BEGIN { exit !(a <= b && c <= d) }' ||
    { echo "the opt-out link costs points" >&2; exit 1; }
echo "the opt-out link adds no points"
