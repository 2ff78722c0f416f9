-- wrk script: each request provisions a new agent through SCIM (POST /scim/v2/Users), as an HR system does for a
-- joiner. Arguments: the first staff number to use (each thread takes 20,000 from there), the department's code, the
-- bearer token. Every answer other than 201 is counted and a few are printed.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  base = tonumber(args[1]) + id * 20000
  department = args[2]
  token = args[3]
  counter = 0
  refused = 0
  shown = 0
end

-- digits as letters: a family name has no digits
local function letters(n)
  return (tostring(n):gsub("%d", function(d) return string.char(97 + tonumber(d)) end))
end

function request()
  counter = counter + 1
  local soi = tostring(base + counter)
  local body = string.format(
    '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],'
      .. '"name":{"givenName":"Bench","familyName":"Scim%s"},'
      .. '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"%s","department":"%s"}}',
    letters(soi), soi, department)
  return wrk.format("POST", "/scim/v2/Users",
    { ["Content-Type"] = "application/scim+json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, body)
  if status ~= 201 then
    refused = refused + 1
    if shown < 3 then
      shown = shown + 1
      io.stderr:write(status .. " " .. body:sub(1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local refusedAll = 0
  for _, thread in ipairs(threads) do
    refusedAll = refusedAll + thread:get("refused")
  end
  io.write(string.format("created %d, refused %d, %.1f creations/s, latency median %.1f ms, p99 %.1f ms\n",
    summary.requests - refusedAll, refusedAll, (summary.requests - refusedAll) / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
