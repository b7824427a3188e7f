-- Replays the pre-signed username checks written by io.gatehouse.bench.WrkRequests:
--   wrk -t1 -c32 -d20s -s bench/wrk/presigned.lua http://127.0.0.1:PORT -- FILE
-- Each request is sent once (a nonce is accepted once), so the thread stops when the file
-- runs out; done() then says so and how many were left unsent. One request costs wrk a
-- table read and one string concatenation: no signing while it measures.

local requests = {}
local prefix
-- Globals, so that done() can read them from each thread (thread:get).
next_index = 1
signed = 0
exhausted = false

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   local file = assert(io.open(args[1], "r"))
   local head = {}
   local body = ""
   for line in file:lines() do
      if line == "" then break end
      if line:sub(1, 6) == "#body " then
         body = line:sub(7)
      else
         table.insert(head, line)
      end
   end
   prefix = table.concat(head, "\r\n") .. "\r\nx-app-payload: "
   local n = 0
   for line in file:lines() do
      local space = line:find(" ", 1, true)
      n = n + 1
      requests[n] = line:sub(1, space - 1) .. "\r\nx-app-signature: " .. line:sub(space + 1) .. "\r\n\r\n" .. body
   end
   file:close()
   signed = n
end

function request()
   local tail = requests[next_index]
   if tail == nil then
      -- Out of fresh nonces: stop rather than replay one (a replay is a 403).
      exhausted = true
      wrk.thread:stop()
      tail = requests[signed]
   else
      next_index = next_index + 1
   end
   return prefix .. tail
end

function done(summary, latency, requests)
   for _, thread in ipairs(threads) do
      io.write(string.format("presigned: signed=%d sent=%d exhausted=%s\n", thread:get("signed"),
         thread:get("next_index") - 1, tostring(thread:get("exhausted"))))
   end
end
