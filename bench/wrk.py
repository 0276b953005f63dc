"""Bounded load with wrk: GETs of a rotating list of paths, or form POSTs with a fresh signer per request."""

import json
import re
import subprocess

from bench.services import TMP

# Each request gets the next address of bench.addresses from `cfg.first` on, sent as X-Forwarded-For (wrk
# connects from the edge range nginx believes, as a CDN would) and, for POSTs, its own tag in place of __N__
# in the body, so every signature has a new email, domain and address. done() prints how many addresses it
# used. `cfg.mix`, when given, rotates whole requests (method, path, headers, body) instead of paths.
LUA = r"""
local cfg = %(config)s
counter = 0  -- a global, so that done() can read each thread's count with thread:get
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
  thread:set("nthreads", cfg.threads)
end

function request()
  counter = counter + 1
  local index = cfg.first + (counter - 1) * nthreads + (tid - 1)
  local method, path, template = cfg.method, cfg.paths[(counter %% #cfg.paths) + 1], nil
  if #cfg.bodies > 0 then template = cfg.bodies[(counter %% #cfg.bodies) + 1] end
  local headers = {}
  for name, value in pairs(cfg.headers) do headers[name] = value end
  if #cfg.mix > 0 then
    -- a mixed load: each entry its own method, path, headers and body, in rotation
    local entry = cfg.mix[(counter %% #cfg.mix) + 1]
    method, path, template = entry.method, entry.path, entry.body
    for name, value in pairs(entry.headers) do headers[name] = value end
  end
  headers["X-Forwarded-For"] = string.format("10.%%d.%%d.%%d",
    math.floor(index / 65536) %% 256, math.floor(index / 256) %% 256, index %% 256)
  local body = nil
  if template and template ~= "" then
    local tag = string.format("%%sx%%d", cfg.tag, index)
    body = (string.gsub(template, "__N__", tag))
  end
  return wrk.format(method, path, headers, body)
end

function done(summary, latency, requests)
  local most = 0
  for _, thread in ipairs(threads) do
    local count = thread:get("counter") or 0
    if count > most then most = count end
  end
  io.write(string.format("addresses used: %%d\n", most * cfg.threads))
end
"""
THREADS = 1


def _lua_value(value):
    if isinstance(value, dict):
        return "{" + ", ".join(f"[{json.dumps(k)}] = {_lua_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "{" + ", ".join(_lua_value(v) for v in value) + "}"
    return json.dumps(value)


def run(
    base_url,
    paths,
    *,
    seconds,
    first_address,
    connections=16,
    method="GET",
    headers=None,
    bodies=(),
    tag="w",
    name="load",
    mix=(),
):
    """One wrk run. Simulated addresses start at index `first_address`; the result's "addresses_used"
    says how many it took. `mix`: dicts of method, path, headers and body, sent in rotation."""
    config = {
        "mix": [
            {
                "method": m.get("method", "GET"),
                "path": m["path"],
                "headers": m.get("headers", {}),
                "body": m.get("body", ""),
            }
            for m in mix
        ],
        "paths": list(paths),
        "method": method,
        "headers": headers or {},
        "bodies": list(bodies),
        "tag": tag,
        "first": first_address,
        "threads": THREADS,
    }
    script = TMP / f"wrk-{name}.lua"
    script.write_text(LUA % {"config": _lua_value(config)})
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        "-s",
        str(script),
        base_url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout
    (TMP / f"wrk-{name}.txt").write_text(output)
    return parse(output)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def parse(output):
    result = {
        "rps": None,
        "requests": 0,
        "non_2xx_3xx": 0,
        "socket_errors": 0,
        "p50_ms": None,
        "p99_ms": None,
        "addresses_used": 0,
    }
    if match := re.search(r"(\d+) requests in ([\d.]+)(\w+)", output):
        result["requests"] = int(match.group(1))
        result["seconds"] = _ms(match.group(2) + match.group(3)) / 1000
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        result["non_2xx_3xx"] = int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        result["socket_errors"] = sum(int(part) for part in match.groups())
    for percent in ("50", "99"):
        if match := re.search(rf"^\s+{percent}%\s+([\d.]+\w+)", output, re.M):
            result[f"p{percent}_ms"] = round(_ms(match.group(1)), 2)
    if match := re.search(r"^addresses used: (\d+)", output, re.M):
        result["addresses_used"] = int(match.group(1))
    if result.get("seconds"):
        good = result["requests"] - result["non_2xx_3xx"]
        result["rps"] = round(good / result["seconds"], 1)
    return result
