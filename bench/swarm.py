#!/usr/bin/env python3
"""Many small apps on one engine and on a swarm: time to live per app, memory per app and DropDeploy's own memory.
Run by hand, never in CI, once per backend against a running installation, then compare the two results:

    python3 bench/swarm.py --label single-engine                 # DropDeploy as it runs by default
    python3 bench/swarm.py --label swarm --engine docker \\
        --engine "docker -H tcp://<worker address>:2375"         # the swarm backend, one engine command per node
                                                                 # (the catalog's dind image has no docker CLI inside)
    python3 bench/swarm.py --compare bench/results/swarm-single-engine-*.json bench/results/swarm-swarm-*.json
    python3 bench/swarm.py --self-check                          # offline: argument parsing and the comparison

Needs an API key as bench/run.py does. Deploys --apps static sites (one index.html each, the smallest app there is)
as bench-swarm-<n>, one after another through the API (the per-user deploy limit is waited out, not counted), reads
each deployment's queued -> live time from DropDeploy's own records, then the memory of every container labelled with
one of these projects on every --engine (`docker stats --no-stream`: a swarm task's container carries the service's
labels) and DropDeploy's resident memory (VmRSS of --pid, by default the pid ./dropdeploy up wrote). Deletes the
projects at the end unless --keep is given. Writes bench/results/swarm-<label>-<timestamp>.json.
"""
import argparse
import contextlib
import io
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

import run

UNITS = {"b": 1, "kib": 1024, "mib": 1024 ** 2, "gib": 1024 ** 3, "kb": 1000, "mb": 1000 ** 2, "gb": 1000 ** 3}
DEFAULT_PID_FILE = os.path.expanduser(
    os.path.join(os.environ.get("XDG_STATE_HOME", "~/.local/state"), "dropdeploy", "dropdeploy.pid"))
METRICS = [
    ("apps live", lambda r: f"{r['live']} of {r['apps']}"),
    ("time to live, median (s)", lambda r: r["timeToLive"]["median"]),
    ("time to live, p95 (s)", lambda r: r["timeToLive"]["p95"]),
    ("time to live, max (s)", lambda r: r["timeToLive"]["max"]),
    ("memory per app, median (MiB)", lambda r: r["memoryPerAppMiB"]["median"]),
    ("memory per app, max (MiB)", lambda r: r["memoryPerAppMiB"]["max"]),
    ("containers measured", lambda r: r["memoryPerAppMiB"]["containers"]),
    ("DropDeploy RSS before (MiB)", lambda r: r["dropdeployRssMiB"]["before"]),
    ("DropDeploy RSS after (MiB)", lambda r: r["dropdeployRssMiB"]["after"]),
]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--label", help="names this run in its result file and in --compare, e.g. swarm")
    parser.add_argument("--apps", type=int, default=50)
    parser.add_argument("--url", default=os.environ.get("DROPDEPLOY_URL", "http://localhost:8080"))
    parser.add_argument("--engine", action="append", default=None,
                        help="a command that runs docker on one node (repeat per node; default: docker)")
    parser.add_argument("--pid", type=int, help="DropDeploy's process id (default: from ./dropdeploy up's pid file)")
    parser.add_argument("--keep", action="store_true", help="leave the projects deployed")
    parser.add_argument("--compare", nargs=2, metavar=("A.json", "B.json"))
    parser.add_argument("--self-check", action="store_true")
    args = parser.parse_args(argv)
    if not (args.compare or args.self_check):
        if not args.label or not re.fullmatch(r"[A-Za-z0-9._-]{1,40}", args.label):
            parser.error("--label is required: 1-40 letters, digits, '.', '_' or '-'")
        if not 1 <= args.apps <= 500:
            parser.error("--apps is between 1 and 500")
    args.engine = args.engine or ["docker"]
    return args


def to_bytes(text):
    """'12.5MiB' -> bytes; docker stats prints binary units for memory."""
    match = re.fullmatch(r"\s*([0-9.]+)\s*([KMG]?i?B)\s*", text, re.IGNORECASE)
    if not match:
        raise ValueError(f"not a size: {text!r}")
    return float(match.group(1)) * UNITS[match.group(2).lower()]


def summary(values, digits=1):
    if not values:
        return {"median": None, "p95": None, "max": None}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": round(statistics.median(ordered), digits), "p95": round(p95, digits),
            "max": round(ordered[-1], digits)}


def compare(a, b):
    """The two results as rows of a table: metric, A's figure, B's figure."""
    rows = [("", a["label"], b["label"])]
    for name, figure in METRICS:
        rows.append((name, str(figure(a)), str(figure(b))))
    width = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(f"{r[0]:<{width[0]}}  {r[1]:>{width[1]}}  {r[2]:>{width[2]}}" for r in rows)


def app_memory(engines, projects):
    """MiB per container labelled with one of the projects, over every engine."""
    found = []
    for engine in engines:
        ids = subprocess.run(shlex.split(engine) + ["ps", "-q", "--filter", "label=dropdeploy.project"],
                             capture_output=True, text=True, check=True).stdout.split()
        if not ids:
            continue
        stats = subprocess.run(
            shlex.split(engine) + ["stats", "--no-stream", "--format",
                                   '{{.ID}} {{.MemUsage}}'] + ids, capture_output=True, text=True, check=True).stdout
        labels = subprocess.run(
            shlex.split(engine) + ["inspect", "--format", '{{.Id}} {{index .Config.Labels "dropdeploy.project"}}']
            + ids, capture_output=True, text=True, check=True).stdout
        owner = {line.split()[0][:12]: line.split()[1] for line in labels.splitlines() if len(line.split()) == 2}
        for line in stats.splitlines():
            container, usage = line.split(" ", 1)
            if owner.get(container[:12]) in projects:
                found.append(to_bytes(usage.split("/")[0]) / 1024 ** 2)
    return found


def rss_mib(pid):
    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as status:
            kib = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        return round(kib / 1024, 1)
    except (OSError, StopIteration):
        return None


def default_pid():
    try:
        return int(open(DEFAULT_PID_FILE, encoding="utf-8").read().strip())
    except (OSError, ValueError):
        return None


def deploy_all(args, names):
    times, failed = [], []
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as page:
                page.write(f"<!doctype html><title>{name}</title><p>{name}</p>\n")
            view = run.upload(args.url, name, folder)["deployment"]
            seconds = run.seconds(view)
            if view["state"] == "LIVE" and seconds is not None:
                times.append(seconds)
            else:
                failed.append({"app": name, "state": view["state"], "reason": view.get("reason")})
            print(f"{name}: {view['state']} {seconds if seconds is not None else ''}", flush=True)
    return times, failed


def bench(args):
    run.AUTH["Authorization"] = "Bearer " + run.api_key()
    pid = args.pid or default_pid()
    names = [f"bench-swarm-{i}" for i in range(1, args.apps + 1)]
    before = rss_mib(pid)
    started = time.time()
    try:
        times, failed = deploy_all(args, names)
        memory = app_memory(args.engine, set(names))
        result = {
            "label": args.label, "apps": args.apps, "live": len(times), "failed": failed,
            "wallSeconds": round(time.time() - started, 1), "engines": args.engine,
            "timeToLive": summary(times, 2), "timesToLive": times,
            "memoryPerAppMiB": {**summary(memory), "containers": len(memory)},
            "dropdeployRssMiB": {"before": before, "after": rss_mib(pid), "pid": pid},
        }
    finally:
        if not args.keep:
            for name in names:
                run.remove(args.url, name)
    print()
    for name, figure in METRICS:
        print(f"{name:<30} {figure(result)}")
    run.write_result(result, prefix=f"swarm-{args.label}-")


def self_check():
    """Offline: no server, no engine. Exits non-zero on the first wrong answer."""
    assert to_bytes("12.5MiB") == 12.5 * 1024 ** 2 and to_bytes("1GiB") == 1024 ** 3 and to_bytes("300kB") == 300_000
    for bad in ("", "12", "MiB", "1.2.3XB"):
        try:
            to_bytes(bad)
            raise AssertionError(f"{bad!r} was read as a size")
        except ValueError:
            pass
    assert summary([3.0, 1.0, 2.0]) == {"median": 2.0, "p95": 3.0, "max": 3.0}
    assert summary([]) == {"median": None, "p95": None, "max": None}
    args = parse_args(["--label", "swarm", "--apps", "5", "--engine", "docker", "--engine", "docker exec w docker"])
    assert (args.label, args.apps, args.engine) == ("swarm", 5, ["docker", "docker exec w docker"])
    assert parse_args(["--label", "single"]).engine == ["docker"]
    for bad in (["--apps", "5"], ["--label", "a b"], ["--label", "x", "--apps", "0"], ["--label", "../x"]):
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                parse_args(bad)
            raise AssertionError(f"{bad} was accepted")
        except SystemExit:
            pass
    base = {"apps": 2, "live": 2, "failed": [], "timeToLive": summary([4.0, 6.0]),
            "memoryPerAppMiB": {**summary([20.0, 22.0]), "containers": 2},
            "dropdeployRssMiB": {"before": 400.0, "after": 420.0}}
    table = compare({**base, "label": "single"}, {**base, "label": "swarm", "live": 1}).splitlines()
    assert table[0].split() == ["single", "swarm"], table[0]
    assert table[1].split()[-6:] == ["2", "of", "2", "1", "of", "2"], table[1]
    assert table[2].split()[-2:] == ["5.0", "5.0"], table[2]
    assert len(table) == len(METRICS) + 1
    print("self-check passed")


def main(argv):
    args = parse_args(argv)
    if args.self_check:
        self_check()
    elif args.compare:
        results = []
        for path in args.compare:
            with open(path, encoding="utf-8") as f:
                results.append(json.load(f))
        print(compare(*results))
    else:
        bench(args)


if __name__ == "__main__":
    main(sys.argv[1:])
