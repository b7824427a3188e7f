-- The cluster replay guard (docs/decisions/0008): one atomic step per signed request.
-- KEYS[1] state hash (floor, ceiling, total), KEYS[2] bucket index zset, KEYS[3] per-bucket counts hash
-- ARGV: 1 prefix for bucket keys, 2 bucket index, 3 fingerprint (8 bytes), 4 now (ms),
--       5 max-clock-skew (ms), 6 min-clock-skew (ms), 7 max nonces, 8 cap of a far-future bucket,
--       9 bucket width (ms)
-- Returns 0 first use, 1 replayed, 2 outside the window, 3 full within min-clock-skew of now.
local state, buckets, counts = KEYS[1], KEYS[2], KEYS[3]
local prefix, index, fingerprint = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local now, skew, minSkew = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local maxNonces, futureCap, width = tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])

local total = tonumber(redis.call('HGET', state, 'total') or '0')
local function forget(bucket)
  total = total - tonumber(redis.call('HGET', counts, bucket) or '0')
  redis.call('DEL', prefix .. bucket)
  redis.call('HDEL', counts, bucket)
  redis.call('ZREM', buckets, bucket)
end

-- Buckets past the skew are forgotten, and their seconds refused from now on: the floor
-- rises with them, as it does at the bound. An instance whose clock is behind this one's
-- (or that read it before this step) would otherwise find the bucket gone and take a
-- replay for a first use.
local expired = math.floor((now - skew) / width)
for _, bucket in ipairs(redis.call('ZRANGEBYSCORE', buckets, '-inf', '(' .. expired)) do
  forget(bucket)
end
redis.call('HSET', state, 'total', total)

local floor = tonumber(redis.call('HGET', state, 'floor') or '0')
if expired > floor then
  floor = expired
  redis.call('HSET', state, 'floor', floor)
end
if index < floor then
  return 2
end
local farFuture = index * width > now + minSkew
local ceiling = tonumber(redis.call('HGET', state, 'ceiling') or '-1')
if ceiling >= 0 and ceiling * width <= now + minSkew then
  redis.call('HDEL', state, 'ceiling')
  ceiling = -1
end
if farFuture and ceiling >= 0 and index >= ceiling then
  return 2
end
local key = prefix .. index
if redis.call('SISMEMBER', key, fingerprint) == 1 then
  return 1
end
local count = tonumber(redis.call('HGET', counts, index) or '0')
if farFuture and (count >= futureCap or total >= maxNonces) then
  if ceiling < 0 or index < ceiling then
    redis.call('HSET', state, 'ceiling', index)
  end
  return 2
end
while total >= maxNonces do
  local oldest = redis.call('ZRANGE', buckets, 0, 0)[1]
  if oldest == nil or (tonumber(oldest) + 1) * width > now - minSkew then
    redis.call('HSET', state, 'total', total)
    return 3
  end
  -- Raise the floor in the same step as the nonces are forgotten.
  floor = tonumber(oldest) + 1
  redis.call('HSET', state, 'floor', floor)
  forget(oldest)
end
if index < floor then
  redis.call('HSET', state, 'total', total)
  return 2
end
redis.call('SADD', key, fingerprint)
-- Redis's own expiry only backs up the step above: min-clock-skew after it, so a Redis clock
-- ahead of the instances' cannot drop a bucket they still accept.
redis.call('PEXPIREAT', key, (index + 1) * width + skew + minSkew)
redis.call('HINCRBY', counts, index, 1)
redis.call('ZADD', buckets, index, index)
redis.call('HSET', state, 'total', total + 1)
return 0
