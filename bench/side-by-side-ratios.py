#!/usr/bin/env python3
"""The ratios of issue 13 from the results bench/side-by-side.sh wrote (results.tsv), as a
Markdown table: for each pair, the median of each side and the ratio of the medians, with
the range of the per-round ratios (each Gatehouse run is set against the textbook run of
its own round, which ran before it, or after it in the interleaved mode's even rounds).

    python3 bench/side-by-side-ratios.py /tmp/gatehouse-bench/results.tsv
"""
import collections
import statistics
import sys

LOAD = ("round", "name", "rps", "cpu", "p50", "p99", "wrkcpu", "bad", "exhausted", "load")

runs = collections.defaultdict(dict)  # name -> round -> row
for line in open(sys.argv[1]):
    fields = line.rstrip("\n").split("\t")
    if len(fields) == 3:
        runs[fields[1]][fields[0]] = {"ms": float(fields[2])}
    elif len(fields) == len(LOAD):
        row = dict(zip(LOAD, fields))
        for key in ("rps", "cpu", "p50", "p99", "wrkcpu", "load"):
            row[key] = float(row[key])
        runs[row["name"]][row["round"]] = row


def median(name, key):
    values = [row[key] for row in runs[name].values()]
    return statistics.median(values) if values else None


def ratio(top, bottom, key):
    """Ratio of the medians and the range of the per-round ratios."""
    a, b = median(top, key), median(bottom, key)
    if a is None or b is None or b == 0:
        return "n/a"
    per_round = [runs[top][r][key] / runs[bottom][r][key] for r in runs[top] if r in runs[bottom]]
    spread = f" ({min(per_round):.2f}–{max(per_round):.2f})" if len(per_round) > 1 else ""
    return f"{a / b:.2f}×{spread}"


def fmt(value, unit, digits=0):
    return "–" if value is None else f"{value:,.{digits}f} {unit}"


rows = []
if runs["gatehouse-check"] or runs["textbook-secure"]:
    rows.append(("secured request, req/s (target ≥ 1.0×)", fmt(median("textbook-secure", "rps"), "req/s"),
                 fmt(median("gatehouse-check", "rps"), "req/s"), ratio("gatehouse-check", "textbook-secure", "rps")))
    rows.append(("secured request, server CPU/req (target ≤ 1.0×)", fmt(median("textbook-secure", "cpu"), "µs", 1),
                 fmt(median("gatehouse-check", "cpu"), "µs", 1), ratio("gatehouse-check", "textbook-secure", "cpu")))
    rows.append(("secured request, p99", fmt(median("textbook-secure", "p99"), "ms", 2),
                 fmt(median("gatehouse-check", "p99"), "ms", 2), ratio("gatehouse-check", "textbook-secure", "p99")))
if runs["gatehouse-jwks"] or runs["textbook-ping"]:
    rows.append(("trivial endpoint, req/s (target ≥ 0.8×)", fmt(median("textbook-ping", "rps"), "req/s"),
                 fmt(median("gatehouse-jwks", "rps"), "req/s"), ratio("gatehouse-jwks", "textbook-ping", "rps")))
    rows.append(("trivial endpoint, p99 (target ≤ 1.0×)", fmt(median("textbook-ping", "p99"), "ms", 2),
                 fmt(median("gatehouse-jwks", "p99"), "ms", 2), ratio("gatehouse-jwks", "textbook-ping", "p99")))
    rows.append(("trivial endpoint, server CPU/req", fmt(median("textbook-ping", "cpu"), "µs", 1),
                 fmt(median("gatehouse-jwks", "cpu"), "µs", 1), ratio("gatehouse-jwks", "textbook-ping", "cpu")))
if runs["gatehouse-startup"]:
    rows.append(("start-up to healthy (target ≤ 1.5×)", fmt(median("textbook-startup", "ms"), "ms"),
                 fmt(median("gatehouse-startup", "ms"), "ms"), ratio("gatehouse-startup", "textbook-startup", "ms")))
if runs["gatehouse-startup-cpu"]:
    rows.append(("start-up to healthy, CPU time", fmt(median("textbook-startup-cpu", "ms"), "ms"),
                 fmt(median("gatehouse-startup-cpu", "ms"), "ms"),
                 ratio("gatehouse-startup-cpu", "textbook-startup-cpu", "ms")))
if runs["gatehouse-aot-startup"]:
    rows.append(("start-up to healthy, Gatehouse with its AOT cache", fmt(median("textbook-startup", "ms"), "ms"),
                 fmt(median("gatehouse-aot-startup", "ms"), "ms"),
                 ratio("gatehouse-aot-startup", "textbook-startup", "ms")))
    rows.append(("start-up to healthy, CPU time, Gatehouse with its AOT cache",
                 fmt(median("textbook-startup-cpu", "ms"), "ms"), fmt(median("gatehouse-aot-startup-cpu", "ms"), "ms"),
                 ratio("gatehouse-aot-startup-cpu", "textbook-startup-cpu", "ms")))
if runs["baseline-check"]:
    rows.append(("baseline jar vs this one: secured request, req/s", fmt(median("baseline-check", "rps"), "req/s"),
                 fmt(median("gatehouse-check", "rps"), "req/s"), ratio("gatehouse-check", "baseline-check", "rps")))
    rows.append(("baseline jar vs this one: secured request, server CPU/req", fmt(median("baseline-check", "cpu"), "µs", 1),
                 fmt(median("gatehouse-check", "cpu"), "µs", 1), ratio("gatehouse-check", "baseline-check", "cpu")))
    rows.append(("baseline jar vs this one: trivial endpoint, server CPU/req", fmt(median("baseline-jwks", "cpu"), "µs", 1),
                 fmt(median("gatehouse-jwks", "cpu"), "µs", 1), ratio("gatehouse-jwks", "baseline-jwks", "cpu")))
    rows.append(("baseline (main) vs textbook: secured request, server CPU/req",
                 fmt(median("textbook-secure", "cpu"), "µs", 1), fmt(median("baseline-check", "cpu"), "µs", 1),
                 ratio("baseline-check", "textbook-secure", "cpu")))
if runs["gatehouse-small-check"]:
    rows.append(("secured request at the small heap vs the large one, req/s (target ≥ 0.9×)",
                 fmt(median("gatehouse-check", "rps"), "req/s"), fmt(median("gatehouse-small-check", "rps"), "req/s"),
                 ratio("gatehouse-small-check", "gatehouse-check", "rps")))

for name in ("baseline-login", "gatehouse-login"):
    if runs[name]:
        cpu = median(name, "cpu")
        rows.append((f"{name}: logins/s (wrk), server CPU per login, logins/s per vCPU", "",
                     f"{median(name, 'rps'):,.1f} /s, {cpu / 1000:,.1f} ms CPU, {1e6 / cpu:,.1f} /s per vCPU", ""))
if runs["baseline-login"] and runs["gatehouse-login"]:
    rows.append(("logins: server CPU per login, this jar vs the baseline", "", "",
                 ratio("gatehouse-login", "baseline-login", "cpu")))

print()
print("| | textbook (or large heap) | Gatehouse (or small heap) | ratio (per-round range) |")
print("| --- | --- | --- | --- |")
for row in rows:
    print("| " + " | ".join(row) + " |")
wrk = [(name, median(name, "wrkcpu")) for name in runs if "wrkcpu" in next(iter(runs[name].values()), {})]
if wrk:
    print()
    print("wrk's own CPU per request (not in the server figures): "
          + ", ".join(f"{name} {value:.1f} µs" for name, value in wrk))
loads = [row["load"] for name in runs for row in runs[name].values() if "load" in row]
if loads:
    print(f"load average (1 min) at the end of each run: {min(loads):.2f}–{max(loads):.2f}")
