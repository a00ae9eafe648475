#!/usr/bin/env python3
"""DropDeploy benchmark: files to live link, cold and warm, per stack; one-file redeploys; failed requests during a
redeploy under steady load; Traefik pick-up time; and a naive `COPY . .`-then-install baseline in the same run.

Needs a running DropDeploy (`./dropdeploy up`) and an API key (DROPDEPLOY_API_KEY or ~/.config/dropdeploy/api-key,
as for the CLI). Run by hand, never in CI:

    python3 bench/run.py                       # the default apps below
    python3 bench/run.py --apps static-site flask-basic --skip-baseline

Prints a table and writes bench/results/<timestamp>.json. Times come from DropDeploy's own deployment records
(queued -> live), the same data the UI shows, so the benchmark and the product cannot disagree.
"""
import argparse
import datetime as dt
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "src", "test", "resources", "fixtures")
DEFAULT_APPS = ["static-site", "flask-basic", "fastapi-in-app-py", "express-env-port", "vite-react-preview",
                "spring-boot-maven"]
# One source file per app to touch for the one-file redeploy, found by extension in this order.
SOURCE_EXTENSIONS = [".html", ".py", ".js", ".jsx", ".tsx", ".java", ".go", ".php"]
NAIVE = {
    # What most simple deployers write: copy everything, then install, so any change reinstalls everything.
    "python": "FROM {python}\nWORKDIR /app\nCOPY . .\nRUN python3 -m venv /opt/venv && /opt/venv/bin/pip install"
              " -r requirements.txt gunicorn\nENV PORT=8080\nEXPOSE 8080\nCMD [\"/opt/venv/bin/gunicorn\", \"-b\", \"0.0.0.0:8080\","
              " \"app:app\"]\n",
    "node": "FROM {node}\nWORKDIR /app\nCOPY . .\nRUN npm install\nENV PORT=8080\nEXPOSE 8080\nCMD [\"npm\", \"start\"]\n",
}


def api_key():
    key = os.environ.get("DROPDEPLOY_API_KEY")
    path = os.path.expanduser("~/.config/dropdeploy/api-key")
    if not key and os.path.exists(path):
        key = open(path, encoding="utf-8").read().strip()
    if not key:
        sys.exit("No API key: create one in the dashboard (API keys) and export DROPDEPLOY_API_KEY")
    return key


AUTH = {}


def api(base, method, path, body=None, headers=None):
    request = urllib.request.Request(base + "/api/v1" + path, data=body, method=method,
                                     headers={**AUTH, **(headers or {})})
    with urllib.request.urlopen(request, timeout=900) as response:
        data = response.read()
        return json.loads(data) if data else None


def upload(base, name, folder):
    archive = subprocess.run(["tar", "-C", folder, "--exclude=.git", "--exclude=node_modules", "-czf", "-", "."],
                             check=True, capture_output=True).stdout
    while True:
        try:
            view = api(base, "POST", f"/projects/{name}/deployments", archive, {"Content-Type": "application/gzip"})
            return await_final(base, view["id"])
        except urllib.error.HTTPError as e:
            if e.code != 429:
                raise
            # The per-user deploy rate limit; waiting is what any client should do, and it is not counted.
            time.sleep(int(e.headers.get("Retry-After", "5")))


def await_final(base, deployment_id):
    while True:
        body = api(base, "GET", f"/deployments/{deployment_id}")
        if body["deployment"]["state"] in ("LIVE", "FAILED", "SUPERSEDED", "STOPPED"):
            return body
        time.sleep(0.2)


def seconds(view, start="queuedAt", end="liveAt"):
    if not view.get(start) or not view.get(end):
        return None
    parse = lambda s: dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    return round((parse(view[end]) - parse(view[start])).total_seconds(), 2)


def remove(base, name):
    try:
        api(base, "DELETE", f"/projects/{name}")
    except urllib.error.HTTPError as e:
        if e.code != 404:
            raise


def touch_one_source(folder):
    for ext in SOURCE_EXTENSIONS:
        for dirpath, _, files in os.walk(folder):
            for f in sorted(files):
                if f.endswith(ext):
                    path = os.path.join(dirpath, f)
                    marker = "<!-- bench -->" if ext == ".html" else ("# bench" if ext == ".py" else "// bench")
                    with open(path, "a", encoding="utf-8") as out:
                        out.write("\n" + marker + "\n")
                    return os.path.relpath(path, folder)
    return None


class SteadyLoad(threading.Thread):
    def __init__(self, traefik_port, host):
        super().__init__(daemon=True)
        self.port, self.host, self.running = traefik_port, host, True
        self.ok, self.failed = 0, 0

    def run(self):
        while self.running:
            try:
                conn = http.client.HTTPConnection("localhost", self.port, timeout=5)
                conn.request("GET", "/", headers={"Host": self.host})
                status = conn.getresponse().status
                conn.close()
                self.ok, self.failed = (self.ok + 1, self.failed) if status == 200 else (self.ok, self.failed + 1)
            except OSError:
                self.failed += 1


def bench_app(base, traefik_port, app, workdir):
    source = os.path.join(FIXTURES, app)
    folder = os.path.join(workdir, app)
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("expected.json"))
    name = "bench-" + app[:30].strip("-")
    remove(base, name)
    cold = upload(base, name, folder)
    row = {"app": app, "stack": cold["deployment"].get("framework") or cold["deployment"].get("stack"),
           "cold": seconds(cold["deployment"]), "state": cold["deployment"]["state"],
           "reason": cold["deployment"].get("reason")}
    if cold["deployment"]["state"] != "LIVE":
        return row
    row["warm"] = seconds(upload(base, name, folder)["deployment"])
    row["touched"] = touch_one_source(folder)
    load = SteadyLoad(traefik_port, f"{name}.localhost")
    load.start()
    one_file = upload(base, name, folder)
    time.sleep(1)
    load.running = False
    load.join()
    row["oneFile"] = seconds(one_file["deployment"])
    row["requestsDuringRedeploy"] = load.ok + load.failed
    row["failedRequests"] = load.failed
    row["buildOfOneFile"] = seconds(one_file["deployment"], "buildingAt", "startingAt")
    row["routePickup"] = route_pickup(base, one_file["deployment"]["id"])
    remove(base, name)
    return row


def route_pickup(base, deployment_id):
    """Seconds from the route switch to Traefik serving the new deployment, read from the deployment log."""
    request = urllib.request.Request(f"{base}/api/v1/deployments/{deployment_id}/log", headers=AUTH)
    with urllib.request.urlopen(request, timeout=60) as stream:
        switched = confirmed = None
        for raw in stream:
            line = raw.decode("utf-8", "replace").strip()
            if not line.startswith("data:{\"phase\""):
                continue
            entry = json.loads(line[5:])
            if entry["line"].startswith("Route switched"):
                switched = entry["at"]
            if entry["line"].startswith("Confirmed through Traefik"):
                confirmed = entry["at"]
        return seconds({"a": switched, "b": confirmed}, "a", "b")


def bench_naive(base, app, kind, images, workdir):
    folder = os.path.join(workdir, "naive-" + app)
    shutil.copytree(os.path.join(FIXTURES, app), folder, ignore=shutil.ignore_patterns("expected.json"))
    with open(os.path.join(folder, "Dockerfile"), "w", encoding="utf-8") as f:
        f.write(NAIVE[kind].format(**images))
    name = "bench-naive-" + app[:24].strip("-")
    remove(base, name)
    cold = upload(base, name, folder)
    if cold["deployment"]["state"] != "LIVE":
        return {"app": app, "naive": True, "state": cold["deployment"]["state"], "reason": cold["deployment"]["reason"]}
    touch_one_source(folder)
    one_file = upload(base, name, folder)
    remove(base, name)
    return {"app": app, "naive": True, "cold": seconds(cold["deployment"]), "oneFile": seconds(one_file["deployment"])}


def resolve(image):
    return subprocess.run([os.path.join(ROOT, "scripts", "images.sh"), "resolve", image], check=True,
                          capture_output=True, text=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("DROPDEPLOY_URL", "http://localhost:8080"))
    parser.add_argument("--traefik-port", type=int, default=int(os.environ.get("DROPDEPLOY_HTTP_PORT", "80")))
    parser.add_argument("--apps", nargs="*", default=DEFAULT_APPS)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    AUTH["Authorization"] = "Bearer " + api_key()
    rows = []
    with tempfile.TemporaryDirectory(prefix="dropdeploy-bench-") as workdir:
        for app in args.apps:
            print(f"benchmarking {app} ...", file=sys.stderr)
            rows.append(bench_app(args.url, args.traefik_port, app, workdir))
        if not args.skip_baseline:
            images = {"python": resolve("python"), "node": resolve("node")}
            for app, kind in (("flask-basic", "python"), ("express-env-port", "node")):
                print(f"baseline {app} ...", file=sys.stderr)
                rows.append(bench_naive(args.url, app, kind, images, workdir))
    report(rows)


def report(rows):
    columns = ["app", "stack", "state", "cold", "warm", "oneFile", "buildOfOneFile", "routePickup",
               "requestsDuringRedeploy", "failedRequests"]
    print(" | ".join(f"{c:>14}" for c in columns))
    for row in rows:
        label = dict(row, app=("naive " if row.get("naive") else "") + row["app"])
        print(" | ".join(f"{str(label.get(c, '')):>14}" for c in columns))
    for row in rows:
        if row.get("reason"):
            print(f"{row['app']}: {row['reason']}")
    write_result(rows)


def write_result(result, prefix=""):
    """Every benchmark keeps its figures in bench/results/<prefix><timestamp>.json."""
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    out = os.path.join(ROOT, "bench", "results", prefix + dt.datetime.now().strftime("%Y%m%d-%H%M%S") + ".json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
