#!/usr/bin/env python3
"""Start-up with many live apps: deploys N small static apps (once; they are reused on later runs), restarts
DropDeploy through `./dropdeploy up`, and reports how long the application took to start, how long until every app
answered through Traefik again (it should never stop answering: Traefik keeps its routes), how many requests failed
during the restart, and DropDeploy's resident memory after a minute idle. Run by hand, never in CI:

    python3 bench/startup.py --apps 50

Needs a running DropDeploy and an API key (as bench/run.py). It restarts DropDeploy with quotas and the deploy rate
raised for the benchmark's user (DROPDEPLOY_QUOTA_*, DROPDEPLOY_API_DEPLOYS_PER_MINUTE).
"""
import argparse
import json
import os
import re
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

import run

ROOT = run.ROOT
LOG = os.path.expanduser("~/.local/state/dropdeploy/dropdeploy.log")
RAISED = {"DROPDEPLOY_QUOTA_MAX_PROJECTS": "500", "DROPDEPLOY_QUOTA_MAX_RUNNING_APPS": "500",
          "DROPDEPLOY_API_DEPLOYS_PER_MINUTE": "1000"}


def restart():
    started = time.monotonic()
    subprocess.run([os.path.join(ROOT, "dropdeploy"), "up"], check=True, env={**os.environ, **RAISED},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def status(host, port):
    request = urllib.request.Request(f"http://localhost:{port}/", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=3) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code
    except OSError:
        return 0


def ensure_apps(base, count):
    folder = tempfile.mkdtemp(prefix="bench-startup-")
    with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as f:
        f.write("<!doctype html><title>bench</title><p>startup bench</p>\n")
    existing = {p["slug"] for p in (run.api(base, "GET", "/projects") or [])}
    for i in range(count):
        name = f"bench-startup-{i}"
        if name not in existing:
            view = run.upload(base, name, folder)
            print(f"deployed {name}: {view['deployment']['state']}", flush=True)


def steady_load(hosts, port, stop, counts):
    while not stop.is_set():
        for host in hosts:
            counts["ok" if status(host, port) == 200 else "failed"] += 1


def log_figures():
    text = open(LOG, encoding="utf-8", errors="replace").read()
    started = re.findall(r"Started DropDeployApplication in ([0-9.]+) seconds", text)
    return float(started[-1]) if started else None


def rss_mb():
    pid = open(os.path.expanduser("~/.local/state/dropdeploy/dropdeploy.pid")).read().strip()
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=50)
    parser.add_argument("--base", default="http://localhost:" + os.environ.get("DROPDEPLOY_PORT", "8080"))
    parser.add_argument("--http-port", default=os.environ.get("DROPDEPLOY_HTTP_PORT", "80"))
    args = parser.parse_args()
    run.AUTH["Authorization"] = "Bearer " + run.api_key()
    restart()  # with the raised limits
    ensure_apps(args.base, args.apps)
    hosts = [f"bench-startup-{i}.localhost" for i in range(args.apps)]
    counts = {"ok": 0, "failed": 0}
    stop = threading.Event()
    load = threading.Thread(target=steady_load, args=(hosts, args.http_port, stop, counts), daemon=True)
    load.start()
    up_seconds = restart()
    stop.set()
    load.join()
    time.sleep(60)
    result = {
        "apps": args.apps,
        "up_command_seconds": round(up_seconds, 1),
        "application_started_seconds": log_figures(),
        "requests_during_restart": counts,
        "apps_answering_after": sum(1 for h in hosts if status(h, args.http_port) == 200),
        "rss_mb_after_60s_idle": rss_mb(),
    }
    print(json.dumps(result, indent=2))
    run.write_result(result, "startup-")


if __name__ == "__main__":
    main()
