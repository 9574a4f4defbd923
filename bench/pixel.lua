-- wrk script for the pixel benchmark (also used, unchanged, against nginx's empty_gif).
--
-- Every request fetches the pixel of one of the seeded trackers, from one of 131,072 client
-- addresses in 198.18.0.0/15 (the benchmarking range) sent as X-Forwarded-For, with a mix of
-- real mail-client User-Agents. The pixel server trusts X-Forwarded-For from loopback only, so
-- its per-client rate limiter sees 131,072 keys and its per-tracker limiter 10,000.
--
-- Requests are formatted once in init(): per request, request() only picks the next string, so
-- wrk's single thread spends its time on the socket rather than in Lua.
--
-- BENCH_TOKENS names the file of tokens, one 32-hex-digit token a line.

local tokens_file = os.getenv("BENCH_TOKENS") or "tokens.txt"

-- Weighted like a typical newsletter audience: most opens come through Gmail's proxy or Apple
-- Mail Privacy Protection; some mail clients, bots and scanners.
local user_agents = {
  { 40, "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)" },
  { 25, "Mozilla/5.0" },
  { 10, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)" },
  { 8,  "Microsoft Office/16.0 (Microsoft Outlook 16.0.12329; Pro), Mozilla/4.0 (compatible; ms-office; MSOffice 16)" },
  { 5,  "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html" },
  { 4,  "Mozilla/5.0 (X11; Linux x86_64; rv:24.0) Gecko/20100101 Thunderbird/24.4.0 Lightning/2.6.4" },
  { 4,  "Barracuda Sentinel (EE)" },
  { 4,  "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)" },
}

local CLIENTS = 131072 -- every address of 198.18.0.0/15

requests = {}
count = 0
sent = 0

local function load_tokens()
  local tokens = {}
  local f = io.open(tokens_file, "r")
  if not f then
    error("cannot open the token file " .. tokens_file .. " (set BENCH_TOKENS)")
  end
  for line in f:lines() do
    if #line == 32 then
      tokens[#tokens + 1] = line
    end
  end
  f:close()
  if #tokens == 0 then
    error("no tokens in " .. tokens_file)
  end
  return tokens
end

local function user_agent_table()
  local expanded = {}
  for _, w in ipairs(user_agents) do
    for _ = 1, w[1] do
      expanded[#expanded + 1] = w[2]
    end
  end
  return expanded
end

function init(args)
  local tokens = load_tokens()
  local agents = user_agent_table()
  -- The same sequence in every run, so runs are comparable.
  math.randomseed(20261127)
  for i = 0, CLIENTS - 1 do
    local token = tokens[(i % #tokens) + 1]
    local ip = string.format("198.%d.%d.%d", 18 + math.floor(i / 65536), math.floor(i / 256) % 256, i % 256)
    local ua = agents[math.random(#agents)]
    requests[i + 1] = wrk.format("GET", "/i/" .. token .. ".gif", {
      ["X-Forwarded-For"] = ip,
      ["User-Agent"] = ua,
    })
  end
  count = #requests
  -- Each thread starts at its own place in the sequence.
  sent = 0
end

function request()
  sent = sent + 1
  return requests[((sent - 1) % count) + 1]
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

-- One machine-readable line for bench/run, after wrk's own report.
function done(summary, latency, requests_)
  local total_sent = 0
  for _, t in ipairs(threads) do
    total_sent = total_sent + t:get("sent")
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT requests=%d sent=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d " ..
    "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, total_sent, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
