#!/usr/bin/env python3
"""How many project networks one engine holds, and what they cost: creates N networks the way DropDeploy does
(a /27 from the address pool, containers in the lower half, a router joined at the reserved offset 28), then removes
them. Reports the time per network, the time to join the router to all of them (what reconciliation does after
Traefik is recreated) and dockerd's resident memory before and after. Run by hand, never in CI:

    python3 bench/networks.py            # 300 networks
    python3 bench/networks.py --count 1000

Needs root (to read dockerd's memory) and the catalog's debian image (scripts/images.sh ensure debian). It uses
10.202.0.0/16 by default, inside DropDeploy's default pool, and labels everything dropdeploy.bench=networks.
"""
import argparse
import ipaddress
import json
import os
import subprocess
import time

import run

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABEL = "dropdeploy.bench=networks"


def docker(*args, check=True):
    return subprocess.run(["docker", *args], check=check, capture_output=True, text=True).stdout.strip()


def dockerd_rss_mb():
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if open(f"/proc/{pid}/comm").read().strip() == "dockerd":
                    for line in open(f"/proc/{pid}/status"):
                        if line.startswith("VmRSS:"):
                            return int(line.split()[1]) / 1024
            except OSError:
                continue
    return None


def cleanup(router):
    docker("rm", "-f", router, check=False)
    names = docker("network", "ls", "-q", "--filter", "label=" + LABEL, check=False).split()
    if names:
        docker("network", "rm", *names, check=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--pool", default="10.202.0.0/16")
    args = parser.parse_args()
    image = subprocess.run([os.path.join(ROOT, "scripts", "images.sh"), "resolve", "debian"],
                           check=True, capture_output=True, text=True).stdout.strip()
    router = "dd-bench-router"
    cleanup(router)
    subnets = list(ipaddress.ip_network(args.pool).subnets(new_prefix=27))[: args.count]
    rss_before = dockerd_rss_mb()
    docker("run", "-d", "--name", router, "--label", LABEL, image, "sleep", "infinity")
    started = time.monotonic()
    for i, subnet in enumerate(subnets):
        lower = list(subnet.subnets(new_prefix=28))[0]
        docker("network", "create", "--label", LABEL, "--subnet", str(subnet), "--ip-range", str(lower),
               "--gateway", str(subnet[1]), f"dd-bench-{i}")
    created = time.monotonic() - started
    started = time.monotonic()
    for i, subnet in enumerate(subnets):
        docker("network", "connect", "--ip", str(subnet[28]), f"dd-bench-{i}", router)
    joined = time.monotonic() - started
    rss_after = dockerd_rss_mb()
    started = time.monotonic()
    cleanup(router)
    removed = time.monotonic() - started
    result = {
        "networks": len(subnets),
        "create_seconds_total": round(created, 1),
        "create_ms_per_network": round(created * 1000 / len(subnets), 1),
        "join_router_seconds_total": round(joined, 1),
        "remove_seconds_total": round(removed, 1),
        "dockerd_rss_mb_before": rss_before and round(rss_before),
        "dockerd_rss_mb_with_networks": rss_after and round(rss_after),
    }
    print(json.dumps(result, indent=2))
    run.write_result(result, "networks-")


if __name__ == "__main__":
    main()
