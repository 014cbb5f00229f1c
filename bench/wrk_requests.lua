-- For bench/webhook.py: every request is a different signed message (a fresh nonce and
-- MsgId), read from a file written just before the run, one per line: path TAB body.
-- wrk thread k sends lines k, k + n, k + 2n ...; a thread that runs out starts over
-- (bench/webhook.py writes more lines than a run can send, and counts non-2xx answers).
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local path, threads = args[1], tonumber(args[2])
  requests, sent = {}, 0
  local i = 0
  for line in io.lines(path) do
    if i % threads == id then
      local tab = line:find("\t", 1, true)
      requests[#requests + 1] = wrk.format("POST", line:sub(1, tab - 1), {["Content-Type"] = "text/xml"},
                                           line:sub(tab + 1))
    end
    i = i + 1
  end
end

function request()
  sent = sent % #requests + 1
  return requests[sent]
end
