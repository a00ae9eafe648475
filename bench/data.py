#!/usr/bin/env python3
"""Managed data services: how long attaching a PostgreSQL database and a Valkey store takes (from the API call to a
server that takes connections), and how much memory each uses idle and after a small workload. Run by hand, never in
CI:

    python3 bench/data.py --projects 5

Needs a running DropDeploy (`./dropdeploy up`) and an API key (as bench/run.py). Creates projects named
bench-data-<i>, attaches both services to each, measures with `docker stats`, and deletes the projects (and their
data) at the end unless --keep is given.
"""
import argparse
import os
import statistics
import subprocess
import time
import urllib.error

import run


def memory_mib(container):
    out = subprocess.run(["docker", "stats", "--no-stream", "--format", "{{.MemUsage}}", container],
                         check=True, capture_output=True, text=True).stdout.strip()
    used = out.split("/")[0].strip()
    units = {"KiB": 1 / 1024, "MiB": 1, "GiB": 1024, "B": 1 / (1024 * 1024)}
    for unit, factor in units.items():
        if used.endswith(unit):
            return round(float(used[: -len(unit)]) * factor, 1)
    raise ValueError(out)


def workload(slug):
    """A table with 10,000 rows and a few queries, run inside the server over its socket."""
    sql = ("CREATE TABLE IF NOT EXISTS bench (id serial PRIMARY KEY, body text);"
           "INSERT INTO bench (body) SELECT md5(g::text) FROM generate_series(1, 10000) g;"
           "SELECT count(*) FROM bench WHERE body LIKE 'a%';")
    subprocess.run(["docker", "exec", f"dds-{slug}-postgres", "psql", "-q", "-U", "app", "-d", "app", "-c", sql],
                   check=True, capture_output=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("DROPDEPLOY_URL", "http://localhost:8080"))
    parser.add_argument("--projects", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    run.AUTH["Authorization"] = "Bearer " + run.api_key()
    attach = {"postgres": [], "valkey": []}
    idle = {"postgres": [], "valkey": []}
    loaded = []
    names = [f"bench-data-{i}" for i in range(args.projects)]
    try:
        for name in names:
            try:
                run.api(args.url, "GET", f"/projects/{name}")
            except urllib.error.HTTPError as e:
                if e.code != 404:
                    raise
                run.api(args.url, "POST", "/projects", b'{"name": "%s"}' % name.encode(),
                        {"Content-Type": "application/json"})
            for kind in attach:
                started = time.monotonic()
                run.api(args.url, "PUT", f"/projects/{name}/data/{kind}")
                attach[kind].append(round(time.monotonic() - started, 2))
        time.sleep(20)  # let each server settle after its start-up
        for name in names:
            for kind in idle:
                idle[kind].append(memory_mib(f"dds-{name}-{kind}"))
            workload(name)
            loaded.append(memory_mib(f"dds-{name}-postgres"))
    finally:
        if not args.keep:
            for name in names:
                try:
                    run.api(args.url, "DELETE", f"/projects/{name}?deleteData=true")
                except urllib.error.HTTPError as e:
                    if e.code != 404:
                        raise
    for kind in attach:
        print(f"{kind}: attach median {statistics.median(attach[kind])} s (max {max(attach[kind])} s),"
              f" idle memory median {statistics.median(idle[kind])} MiB")
    print(f"postgres after 10,000 rows: median {statistics.median(loaded)} MiB")


if __name__ == "__main__":
    main()
