-- wrk script for ./bench.sh: one phase per run (BENCH_PHASE), one connection per wrk thread, so that
-- each response pairs with the request its thread sent last. Parties come from BENCH_PARTIES (written
-- by BenchParties); the create phases write "request-id payer-index merchant-index" lines to
-- BENCH_OUT/created-<thread>.txt, which the pay and read phases take up again, and the 002 create
-- phase writes "token merchant-index" lines to BENCH_OUT/tokens-<thread>.txt for the confirm phase.
local parties = dofile(os.getenv("BENCH_PARTIES"))
local phase = os.getenv("BENCH_PHASE")
local out = os.getenv("BENCH_OUT")
local merchants, payers = parties.merchants, parties.payers
local next_thread = 1

function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
end

local function json(token)
  return { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

function init(args)
  sent = 0
  if phase == "create" or phase == "create-idempotent" then
    created = io.open(out .. "/created-" .. thread_id .. ".txt", phase == "create" and "w" or "a")
  elseif phase == "request-002" then
    created = io.open(out .. "/tokens-" .. thread_id .. ".txt", "w")
  elseif phase == "confirm" then
    queue, next_item = {}, 1
    for line in io.lines(out .. "/tokens-" .. thread_id .. ".txt") do
      local token, merchant = line:match("(%S+) (%d+)")
      queue[#queue + 1] = { token = token, merchant = merchants[tonumber(merchant)] }
    end
  elseif phase == "pay" or phase == "read" then
    queue, next_item = {}, 1
    for line in io.lines(out .. "/created-" .. thread_id .. ".txt") do
      local id, payer, merchant = line:match("(%S+) (%d+) (%d+)")
      queue[#queue + 1] = { id = id, payer = payers[tonumber(payer)], merchant = merchants[tonumber(merchant)] }
    end
  end
end

function request()
  sent = sent + 1
  if phase == "create" or phase == "create-idempotent" then
    merchant_index = (thread_id + sent) % #merchants + 1
    payer_index = (thread_id * 97 + sent) % #payers + 1
    local headers = json(merchants[merchant_index].token)
    if phase == "create-idempotent" then
      headers["Idempotency-Key"] = "bench-" .. thread_id .. "-" .. sent .. "-" .. os.time()
    end
    return wrk.format("POST", "/payments/v1/requests", headers, '{"amount": 1.25, "currency": "USD", "recipient": "'
      .. payers[payer_index].username .. '", "expires_in": 3600, "order": "bench"}')
  elseif phase == "pay" or phase == "read" then
    local item = queue[next_item]
    if item == nil and phase == "pay" then
      wrk.thread:stop() -- every request created is paid once: this thread's phase is over
      item = queue[#queue]
    elseif item == nil then
      next_item, item = 1, queue[1] -- reads go round again
    end
    next_item = next_item + 1
    if phase == "pay" then
      return wrk.format("POST", "/payments/v1/requests/" .. item.id .. "/pay", json(item.payer.token),
        '{"account_id": ' .. item.payer.account .. '}')
    end
    return wrk.format("GET", "/payments/v1/requests/" .. item.id, json(item.merchant.token))
  elseif phase == "request-002" then
    merchant_index = (thread_id + sent) % #merchants + 1
    local merchant = merchants[merchant_index]
    return wrk.format("POST", "/payments/v1/payment-requests", json(merchant.token), '{"amount": 1.25, "to": {"currency":'
      .. ' "USD", "account": {"id": ' .. merchant.account .. '}}}')
  elseif phase == "confirm" then
    local item = queue[next_item]
    if item == nil then
      wrk.thread:stop() -- every token is confirmed once: this thread's phase is over
      item = queue[#queue]
    end
    next_item = next_item + 1
    local payer = payers[(thread_id * 53 + next_item) % #payers + 1]
    return wrk.format("POST", "/payments/v1/payments", json(payer.token), '{"descriptor": "PAYMENT REQUEST ACCEPT",'
      .. ' "token": "' .. item.token .. '", "from": [{"amount": 1.25, "currency": "USD", "account": {"id": ' .. payer.account
      .. '}}], "to": [{"currency": "USD", "account": {"id": ' .. item.merchant.account .. '}}]}')
  elseif phase == "transfer" then
    local from = payers[(thread_id * 31 + sent) % #payers + 1]
    local to = payers[(thread_id * 31 + sent + 1) % #payers + 1]
    return wrk.format("POST", "/payments/v1/payments", json(from.token), '{"from": [{"amount": 0.01, "currency": "USD",'
      .. ' "account": {"id": ' .. from.account .. '}}], "to": [{"currency": "USD", "account": {"id": ' .. to.account .. '}}]}')
  end
  error("unknown phase " .. tostring(phase))
end

function response(status, headers, body)
  if created ~= nil and phase == "request-002" and status == 201 then
    local code = body:match('"code":"([^"]+)"')
    if code then
      created:write(code, " ", merchant_index, "\n")
      created:flush()
    end
  elseif created ~= nil and status == 200 then
    local id = body:match('"id":"([^"]+)"')
    if id then
      created:write(id, " ", payer_index, " ", merchant_index, "\n")
      created:flush()
    end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("WRK %d %.1f %.1f %.1f %.1f %d %.3f\n", summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors, seconds))
end
