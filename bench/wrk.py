"""Bounded load with wrk: GETs of a rotating list of paths, or form POSTs with a fresh signer per request."""

import json
import re
import subprocess

from bench.stack import TMP

# Each request gets its own X-Forwarded-For (settings.bench reads the client address from it) and, for
# POSTs, its own number in place of __N__ in the body, so every signature has a new email and address.
LUA = r"""
local cfg = %(config)s
local counter = 0
local n_threads = 0

function setup(thread)
  n_threads = n_threads + 1
  thread:set("tid", n_threads)
end

function request()
  counter = counter + 1
  local index = (counter %% #cfg.paths) + 1
  local headers = {}
  for name, value in pairs(cfg.headers) do headers[name] = value end
  local a, b = math.floor(counter / 256) %% 256, counter %% 256
  headers["X-Forwarded-For"] = string.format("10.%%d.%%d.%%d", tid %% 256, a, b)
  local body = nil
  if #cfg.bodies > 0 then
    local tag = string.format("%%sx%%dx%%d", cfg.tag, tid, counter)
    body = (string.gsub(cfg.bodies[(counter %% #cfg.bodies) + 1], "__N__", tag))
  end
  return wrk.format(cfg.method, cfg.paths[index], headers, body)
end
"""


def _lua_value(value):
    if isinstance(value, dict):
        return "{" + ", ".join(f"[{json.dumps(k)}] = {_lua_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "{" + ", ".join(_lua_value(v) for v in value) + "}"
    return json.dumps(value)


def run(
    base_url, paths, *, seconds, connections=16, method="GET", headers=None, bodies=(), tag="w", name="load"
):
    config = {
        "paths": list(paths),
        "method": method,
        "headers": headers or {},
        "bodies": list(bodies),
        "tag": tag,
    }
    script = TMP / f"wrk-{name}.lua"
    script.write_text(LUA % {"config": _lua_value(config)})
    command = [
        "wrk",
        "-t1",
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
    if result.get("seconds"):
        good = result["requests"] - result["non_2xx_3xx"]
        result["rps"] = round(good / result["seconds"], 1)
    return result
