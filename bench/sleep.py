#!/usr/bin/env python3
"""Sleeping apps: wake time, from the first request to a sleeping app to the first answer from the app itself, for a
static site and a Python (Flask) app. Target: at most 3 s on this machine. Run by hand, never in CI:

    python3 bench/sleep.py --rounds 3

Needs a running DropDeploy (`./dropdeploy up`) and an API key (as bench/run.py). Deploys the fixtures static-site and
flask-basic as bench-sleep-<app>, sets their idle time to 1 minute (the shortest an owner may set), waits until each
sleeps (the idle rule runs every DROPDEPLOY_SLEEP_CHECK_EVERY, 30 s by default, on request counts read every
DROPDEPLOY_METRICS_INTERVAL), then requests it as an API client would: the waker holds the request while the app
wakes and answers 307 to the same address, which is followed, so the clock stops at the app's own 200. A 503 (took
longer than the hold) is retried after its Retry-After. Deletes the projects at the end unless --keep is given.
"""
import argparse
import http.client
import os
import statistics
import subprocess
import time
import urllib.error

import run

APPS = ["static-site", "flask-basic"]


def request(traefik_port, host, path="/"):
    """One GET through Traefik with the app's host name; no redirect is followed here."""
    connection = http.client.HTTPConnection("localhost", traefik_port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host, "Accept": "*/*"})
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location"), response.getheader("X-DropDeploy-Deployment")
    finally:
        connection.close()


def wake_time(traefik_port, host):
    """Seconds from the first request to the first answer that comes from the app (it names its deployment)."""
    started = time.monotonic()
    path = "/"
    while True:
        status, location, deployment = request(traefik_port, host, path)
        if deployment and status < 500:
            return round(time.monotonic() - started, 2)
        if status == 307 and location:
            path = location
        elif status == 503:
            time.sleep(0.2)
        else:
            raise RuntimeError(f"{host} answered {status} while waking")


def await_sleep(base, name, timeout=600):
    """Until the app sleeps and its container has stopped: the project is marked asleep (and its hosts go to the
    waker) a few seconds before the container stops, and a request in between would be answered by the app itself
    and measure nothing (an earlier run reported such 0.0 s "wakes")."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if run.api(base, "GET", f"/projects/{name}/sleep")["asleep"] and not running_container(name):
            return
        time.sleep(1)
    raise RuntimeError(f"{name} did not fall asleep within {timeout} s")


def running_container(name):
    names = subprocess.run(["docker", "ps", "--format", "{{.Names}}"], capture_output=True, text=True, check=True)
    return any(n.startswith(f"dd-{name}-v") for n in names.stdout.split())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("DROPDEPLOY_URL", "http://localhost:8080"))
    parser.add_argument("--traefik-port", type=int, default=int(os.environ.get("DROPDEPLOY_HTTP_PORT", "80")))
    parser.add_argument("--apps-domain", default=os.environ.get("DROPDEPLOY_APPS_DOMAIN", "localhost"))
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    run.AUTH["Authorization"] = "Bearer " + run.api_key()
    results = {}
    try:
        for app in APPS:
            name = f"bench-sleep-{app}"
            view = run.upload(args.url, name, os.path.join(run.FIXTURES, app))
            if view["deployment"]["state"] != "LIVE":
                raise RuntimeError(f"{app} did not go live: {view['deployment'].get('reason')}")
            host = f"{name}.{args.apps_domain}"
            times = []
            for _ in range(args.rounds):
                run.api(args.url, "PUT", f"/projects/{name}/sleep", b'{"idleMinutes": 1}',
                        {"Content-Type": "application/json"})
                await_sleep(args.url, name)
                # Kept awake while it is measured, so the next round starts from a fresh sleep.
                run.api(args.url, "PUT", f"/projects/{name}/sleep", b'{"idleMinutes": 0}',
                        {"Content-Type": "application/json"})
                times.append(wake_time(args.traefik_port, host))
            results[app] = {"wake_seconds": times, "median": statistics.median(times)}
    finally:
        if not args.keep:
            for app in APPS:
                try:
                    run.api(args.url, "DELETE", f"/projects/bench-sleep-{app}")
                except urllib.error.HTTPError as e:
                    if e.code != 404:
                        raise
    print(f"{'app':<14} {'wake (s), each round':<30} median")
    for app, row in results.items():
        print(f"{app:<14} {', '.join(str(t) for t in row['wake_seconds']):<30} {row['median']}")
    run.write_result(results, "sleep-")


if __name__ == "__main__":
    main()
