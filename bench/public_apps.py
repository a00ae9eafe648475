#!/usr/bin/env python3
"""Public apps nobody here wrote: deploys each app of bench/public-apps.tsv through a running DropDeploy and checks
that the live app serves the oracle's text at the oracle's path, through Traefik. Run by hand, never in CI:

    python3 bench/public_apps.py                      # every app of the table
    python3 bench/public_apps.py --stack vite --jobs 2
    python3 bench/public_apps.py --only vc-express nx-go --keep

The apps' code is not in this repository: bring each repository named in the table onto this machine first with
the search tool's `fetch` (github:<owner>/<repo>, into /work/.mirror/<owner>+<repo>/repo, a git directory without a
work tree) or point --mirrors elsewhere. Each app's folder is extracted with `git archive` into a temporary folder,
deployed as project pa-<id> (deleted afterwards unless --keep), and counted as

    live        LIVE on the first deploy and the oracle's text is served at its path
    wrong       LIVE, but the path answers something else (the answer is kept in the result)
    internet    FAILED, and the reason says the build needed the internet this server cannot reach (explained)
    failed      FAILED for any other reason (the reason is kept)
    skipped     the table says the app needs something the example does not provide (not counted)
    incomplete  FAILED, and the fetched snapshot lacks some of the app's files (listed; not counted: the gap is the
                mirror's, not DropDeploy's)

Prints a per-stack table and writes bench/results/public-apps-<timestamp>.json (per app: state, reason, seconds from
queued to live, what the path answered). Needs an API key (DROPDEPLOY_API_KEY or ~/.config/dropdeploy/api-key);
raise the quotas for a full run (DROPDEPLOY_QUOTA_MAX_PROJECTS, DROPDEPLOY_QUOTA_MAX_RUNNING_APPS,
DROPDEPLOY_API_DEPLOYS_PER_MINUTE, as bench/startup.py does).
"""
import argparse
import collections
import concurrent.futures
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error

import run

TABLE = os.path.join(run.ROOT, "bench", "public-apps.tsv")
# How DropDeploy words a build that needed more than the package registries (deploy/BuildCauses.NO_INTERNET).
INTERNET = re.compile(r"cannot reach|reaches only the package registries|not the rest of the internet", re.I)
COUNTED = ("live", "wrong", "internet", "failed")
# Rough cold-build cost per stack, cheapest first: --cheap-first covers the most stacks early on a busy machine.
COST = ["static", "php", "flask", "fastapi", "django", "streamlit", "python-script", "go", "cli", "node-server",
        "dockerfile", "vite", "cra", "vue-cli", "angular", "node-ssr", "nextjs", "spring-maven", "gradle", "java-main"]


def read_table(path):
    apps = []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 5:
            sys.exit(f"{path}:{number}: expected id, stack, source, path, text[, options]")
        app_id, stack, source, path, text = cells[:5]
        options = dict(o.split("=", 1) for o in (cells[5].split(";") if len(cells) > 5 else []) if "=" in o)
        repo, _, folder = source.partition(":")
        method, _, url = path.partition(" ") if " " in path else ("GET", "", path)
        apps.append({"id": app_id, "stack": stack, "repo": repo, "folder": folder or ".", "method": method,
                     "path": url, "text": text, "options": options})
    return apps


def extract(mirrors, app, workdir):
    """The app's folder from the fetched repository, without its history, and the files the snapshot lacks; (None, [])
    when the repository is not here."""
    git_dir = os.path.join(mirrors, app["repo"].replace("/", "+"), "repo")
    if not os.path.isdir(git_dir):
        return None, []
    target = os.path.join(workdir, app["id"])
    os.makedirs(target)
    folder = app["folder"].strip("/")
    paths = [] if folder == "." else [folder]
    archive = subprocess.run(["git", "--git-dir", git_dir, "archive", "--format=tar", "HEAD"] + paths,
                             capture_output=True)
    missing = []
    if archive.returncode == 0:
        subprocess.run(["tar", "-x", "-C", target], input=archive.stdout, check=True)
    else:
        missing = extract_readable(git_dir, paths, target)
    return (target if folder == "." else os.path.join(target, folder)), missing


def extract_readable(git_dir, paths, target):
    """A snapshot may lack its largest blobs: every file that is there, one by one (the app meets the gap itself); the
    paths of the files that are not."""
    missing = []
    listing = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "-z", "HEAD"] + paths, check=True,
                             capture_output=True).stdout.decode("utf-8", "replace")
    for entry in filter(None, listing.split("\0")):
        meta, path = entry.split("\t", 1)
        mode, kind, sha = meta.split()
        blob = subprocess.run(["git", "--git-dir", git_dir, "cat-file", "blob", sha], capture_output=True)
        if kind != "blob":
            continue
        if blob.returncode != 0:
            missing.append(path)
            continue
        out = os.path.join(target, path)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        if mode == "120000":
            os.symlink(blob.stdout.decode(), out)
            continue
        with open(out, "wb") as f:
            f.write(blob.stdout)
        os.chmod(out, 0o755 if mode == "100755" else 0o644)
    return missing


def ask(traefik_port, host, app):
    """The oracle's request through Traefik: status and body (what a visitor gets)."""
    body = b"{}" if app["method"] == "POST" else None
    headers = {"Host": host, "Accept": "text/html,application/json,*/*"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    conn = http.client.HTTPConnection("localhost", traefik_port, timeout=120)
    try:
        conn.request(app["method"], app["path"], body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def check(traefik_port, host, app, wait=20):
    """Live means the visitor gets the text; a few seconds are allowed for a first answer (JIT, lazy start)."""
    deadline = time.monotonic() + wait
    status, text = 0, ""
    while True:
        try:
            status, text = ask(traefik_port, host, app)
        except OSError as e:
            status, text = 0, str(e)
        if app["text"] in text or time.monotonic() > deadline:
            return status, text
        time.sleep(2)


def prepare(base, name, options):
    run.remove(base, name)
    kind = options.get("attach")
    if kind:
        run.api(base, "POST", "/projects", json.dumps({"name": name}).encode(), {"Content-Type": "application/json"})
        run.api(base, "PUT", f"/projects/{name}/data/{kind}")


def deploy(base, traefik_port, mirrors, app, workdir, keep):
    row = {"id": app["id"], "stack": app["stack"], "source": f"{app['repo']}:{app['folder']}"}
    if "skip" in app["options"]:
        return dict(row, outcome="skipped", reason=app["options"]["skip"])
    folder, missing = extract(mirrors, app, workdir)
    if folder is None:
        return dict(row, outcome="skipped", reason=f"{app['repo']} is not fetched (see --mirrors)")
    name = ("pa-" + app["id"])[:40].strip("-").lower()
    started = time.monotonic()
    try:
        prepare(base, name, app["options"])
        view = run.upload(base, name, folder)["deployment"]
        row.update(state=view["state"], reason=view.get("reason"), detected=view.get("framework") or view.get("stack"),
                   seconds=run.seconds(view), wall=round(time.monotonic() - started, 1))
        if view["state"] != "LIVE":
            row["outcome"] = "internet" if INTERNET.search(view.get("reason") or "") else "failed"
            if missing and row["outcome"] == "failed":
                row.update(outcome="incomplete", missing=missing[:20])
            return row
        status, text = check(traefik_port, f"{name}.localhost", app)
        row.update(status=status, outcome="live" if app["text"] in text else "wrong")
        if row["outcome"] == "wrong":
            row["answer"] = text[:400]
        return row
    except urllib.error.HTTPError as e:
        return dict(row, outcome="failed", reason=f"API {e.code}: {e.read().decode('utf-8', 'replace')[:400]}")
    except Exception as e:  # one app's surprise must not end the run
        return dict(row, outcome="failed", reason=f"harness: {e!r}", trace=traceback.format_exc()[-800:])
    finally:
        if not keep:
            try:
                run.api(base, "DELETE", f"/projects/{name}?deleteData=true")
            except (urllib.error.HTTPError, OSError):
                pass


def report(rows):
    stacks = collections.OrderedDict()
    for row in rows:
        stacks.setdefault(row["stack"], collections.Counter())[row["outcome"]] += 1
    print(f"\n{'stack':<14} {'apps':>5} {'live':>5} {'wrong':>6} {'failed':>7} {'internet':>9} {'skipped':>8}"
          f" {'incomplete':>11}")
    total = collections.Counter()
    for stack, counts in stacks.items():
        total.update(counts)
        print(f"{stack:<14} {sum(counts[o] for o in COUNTED):>5} {counts['live']:>5} {counts['wrong']:>6}"
              f" {counts['failed']:>7} {counts['internet']:>9} {counts['skipped']:>8} {counts['incomplete']:>11}")
    counted = sum(total[o] for o in COUNTED)
    print(f"{'all':<14} {counted:>5} {total['live']:>5} {total['wrong']:>6} {total['failed']:>7}"
          f" {total['internet']:>9} {total['skipped']:>8} {total['incomplete']:>11}")
    if counted:
        print(f"live with the right content on the first deploy: {total['live']}/{counted}"
              f" = {100 * total['live'] / counted:.1f}% ({total['internet']} more explained by missing internet)")
    for row in rows:
        if row["outcome"] != "live":
            detail = row.get("reason") or f"HTTP {row.get('status')}: {(row.get('answer') or '')[:160]!r}"
            if row.get("missing"):
                detail = f"snapshot lacks {', '.join(row['missing'][:3])}; {detail}"
            print(f"  {row['outcome']:<8} {row['id']:<24} {' '.join(str(detail).split())[:300]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("DROPDEPLOY_URL", "http://localhost:8080"))
    parser.add_argument("--traefik-port", type=int, default=int(os.environ.get("DROPDEPLOY_HTTP_PORT", "80")))
    parser.add_argument("--mirrors", default=os.environ.get("DROPDEPLOY_MIRRORS", "/work/.mirror"))
    parser.add_argument("--table", default=TABLE)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--stack", nargs="*")
    parser.add_argument("--jobs", type=int, default=1, choices=(1, 2), help="deployments at once (2 cores: 2 at most)")
    parser.add_argument("--keep", action="store_true", help="leave the projects for a look afterwards")
    parser.add_argument("--cheap-first", action="store_true", help="cheap stacks first (site generators build slowly)")
    args = parser.parse_args()
    run.AUTH["Authorization"] = "Bearer " + run.api_key()
    apps = [a for a in read_table(args.table)
            if (not args.only or a["id"] in args.only) and (not args.stack or a["stack"] in args.stack)]
    if not apps:
        sys.exit("no app of the table matches --only/--stack")
    if args.cheap_first:
        apps.sort(key=lambda a: COST.index(a["stack"]) if a["stack"] in COST else len(COST))
    rows = []
    with tempfile.TemporaryDirectory(prefix="dropdeploy-public-apps-") as workdir:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {pool.submit(deploy, args.url, args.traefik_port, args.mirrors, a, workdir, args.keep): a
                       for a in apps}
            for future in concurrent.futures.as_completed(futures):
                row = future.result()
                rows.append(row)
                print(f"{row['outcome']:<8} {row['id']:<24} {row.get('seconds') or ''}"
                      f" {' '.join(str(row.get('reason') or '').split())[:160]}", file=sys.stderr, flush=True)
    order = {a["id"]: i for i, a in enumerate(apps)}
    rows.sort(key=lambda r: order[r["id"]])
    report(rows)
    run.write_result({"apps": rows}, prefix="public-apps-")


if __name__ == "__main__":
    main()
