-- wrk script: each request is a new guardian application for a new fictitious
-- minor (valid ID check digit), so every request is a real write.
local counter = 0
local thread_no = 0
local weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local checks = {"1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"}

local function id_number(n)
  local year = 2010 + (n % 10)
  local month = 1 + (math.floor(n / 10) % 12)
  local day = 1 + (math.floor(n / 120) % 28)
  local seq = math.floor(n / 3360) % 1000
  local body = string.format("110101%04d%02d%02d%03d", year, month, day, seq)
  local sum = 0
  for i = 1, 17 do
    sum = sum + tonumber(body:sub(i, i)) * weights[i]
  end
  return body .. checks[(sum % 11) + 1]
end

-- Thread k numbers its minors k * 1000000 + 1, + 2, ...: `load.sh --registry FILE`
-- writes the same minors into an identity registry file, since a guardian can
-- only apply for a child the registry confirms.
function setup(thread)
  thread_no = thread_no + 1
  thread:set("offset", thread_no * 1000000)
end

function request()
  counter = counter + 1
  local n = offset + counter
  local body = string.format(
    '{"city":"beijing","bank":"icbc","pickup":"branch","branch_id":"bj-icbc-dongcheng",' ..
    '"minor":{"name":"测试儿童","id_number":"%s","guardianship_proof":"birth_certificate"},' ..
    '"eligibility":{"insured_in_city":true,"proof_of_guardianship":true}}',
    id_number(n))
  local headers = {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "load-" .. n,
    ["Cookie"] = wrk.headers["Cookie"],
  }
  return wrk.format("POST", "/api/v1/applications", headers, body)
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("submissions: %.0f requests/s, p99 %.2f ms, p50 %.2f ms, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
    latency:percentile(50) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
