"""DropDeploy: the app's pip install, and what a person does when an old pin cannot be installed on this Python.

The catalog has one Python (3.13) and no other can be fetched here. A requirement pinned to a version that has no
wheel for it is built from source, and old releases often do not build on a newer Python (psycopg2-binary 2.9.9,
numpy 1.26, pandas 1.x). Refusing such an app helps nobody; silently upgrading everything hides what changed. So:

1. run the install exactly as written;
2. if it fails, find the pinned packages that could not be built (pip names them) and move each pin to the nearest
   later release with a wheel for this Python (one query of the package index per package), saying so in the log;
3. retry with a relaxed copy of the requirements file (the app's own file is left as it is), a few rounds at most;
4. if no later release installs, stop with one line naming the package and the fix.

Only exact pins (name==version) of packages that failed are moved, so everything else installs as the app asked.
Usage: python3 dropdeploy_pins.py pip install [pip options] -r requirements.txt [more requirements]
"""
import json
import os
import re
import subprocess
import sys
import urllib.request

from pip._vendor.packaging.tags import sys_tags
from pip._vendor.packaging.utils import canonicalize_name, parse_wheel_filename
from pip._vendor.packaging.version import InvalidVersion, Version

PREFIX = "dropdeploy-pins:"
ROUNDS = 4
PYTHON = "Python %d.%d" % sys.version_info[:2]
PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*==\s*([A-Za-z0-9.+!_-]+)\s*(;.*|#.*)?$")
# What pip prints about a package it could not build or find, across pip 22-25.
NAMED = [
    re.compile(r"Failed to build installable wheels for some pyproject\.toml based projects \(([^)]*)\)"),
    re.compile(r"^\s*Failed to build ([A-Za-z0-9._ -]+)$"),
    re.compile(r"Failed building wheel for ([A-Za-z0-9._-]+)"),
    re.compile(r"Could not build wheels for ([A-Za-z0-9._-]+)"),
    re.compile(r"No matching distribution found for ([A-Za-z0-9._-]+)=="),
]
COLLECTING = re.compile(r"^\s*Collecting ([A-Za-z0-9._-]+)")
# A failure before the build itself (the metadata step) names no package: it is the one pip was collecting.
UNNAMED = re.compile(r"metadata-generation-failed|Getting requirements to build wheel did not run successfully")


def say(message):
    print(PREFIX, message, flush=True)


def run(argv):
    """Runs pip, echoing its output into the build log, and returns its exit code and output lines."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    lines = []
    for line in process.stdout:
        sys.stdout.write(line)
        lines.append(line.rstrip("\n"))
    sys.stdout.flush()
    return process.wait(), lines


def failed_packages(lines):
    names, collecting = set(), None
    for line in lines:
        m = COLLECTING.match(line)
        if m:
            collecting = m.group(1)
        if UNNAMED.search(line) and collecting:
            names.add(canonicalize_name(collecting))
        for pattern in NAMED:
            m = pattern.search(line)
            if m:
                names.update(canonicalize_name(n) for n in re.split(r"[,\s]+", m.group(1)) if n)
    return names


def requirement_files(argv):
    files = []
    for i, arg in enumerate(argv):
        if arg in ("-r", "--requirement") and i + 1 < len(argv):
            files.append((i + 1, argv[i + 1]))
        elif arg.startswith("--requirement="):
            files.append((i, arg.split("=", 1)[1]))
    return files


def pins(argv):
    """name -> pinned version, from the requirement files and the bare requirements on the command line."""
    found = {}
    texts = [open(f, encoding="utf-8", errors="replace").read() for _, f in requirement_files(argv) if os.path.exists(f)]
    for text in texts + ["\n".join(a for a in argv if not a.startswith("-"))]:
        for line in text.splitlines():
            m = PIN.match(line)
            if m:
                found[canonicalize_name(m.group(1))] = m.group(3)
    return found


def index_url():
    return (os.environ.get("PIP_INDEX_URL") or "https://pypi.org/simple").rstrip("/")


def nearest_installable(name, pinned):
    """The lowest release after the pin with a wheel for this interpreter (PEP 691 JSON index); for a package that
    ships only sources for this platform (psycopg2), its latest release, the likeliest to build on a new Python.
    Returns (version, how) or None."""
    request = urllib.request.Request(f"{index_url()}/{name}/",
                                     headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        files = json.load(response).get("files", [])
    supported = set(sys_tags())
    after = Version(pinned)
    wheels, sources = set(), set()
    for f in files:
        if f.get("yanked"):
            continue
        version = release(name, f["filename"])
        if version is None or version <= after or version.is_prerelease:
            continue
        if not f["filename"].endswith(".whl"):
            sources.add(version)
        elif parse_wheel_filename(f["filename"])[3] & supported:
            wheels.add(version)
    if wheels:
        return str(min(wheels)), f"the nearest later release with a wheel for {PYTHON}"
    if sources:
        return str(max(sources)), f"its latest release (it ships only sources here), the likeliest to build on {PYTHON}"
    return None


def release(name, filename):
    """The version a distribution file is for, or None for a name this helper cannot read."""
    try:
        if filename.endswith(".whl"):
            return parse_wheel_filename(filename)[1]
        stem = re.sub(r"\.(tar\.gz|zip|tar\.bz2)$", "", filename)
        if stem == filename:
            return None
        prefix, _, version = stem.rpartition("-")
        return Version(version) if canonicalize_name(prefix) == name else None
    except (InvalidVersion, ValueError):
        return None


def relaxed_copy(path, moves):
    """The requirements file with the moved pins, next to the original so its relative -r/-c lines still resolve."""
    out = []
    for line in open(path, encoding="utf-8", errors="replace").read().splitlines():
        m = PIN.match(line)
        name = canonicalize_name(m.group(1)) if m else None
        if name in moves:
            line = f"{m.group(1)}{m.group(2) or ''}=={moves[name][1]}{' ' + m.group(4) if m.group(4) else ''}"
        out.append(line)
    relaxed = os.path.join(os.path.dirname(path) or ".", ".dropdeploy-relaxed-" + os.path.basename(path))
    with open(relaxed, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return relaxed


def relaxed_argv(original, moves):
    argv = list(original)
    for i, path in requirement_files(original):
        if os.path.exists(path):
            argv[i] = relaxed_copy(path, moves) if argv[i] == path else "--requirement=" + relaxed_copy(path, moves)
    for i, arg in enumerate(argv):
        m = PIN.match(arg)
        if m and canonicalize_name(m.group(1)) in moves:
            argv[i] = f"{m.group(1)}{m.group(2) or ''}=={moves[canonicalize_name(m.group(1))][1]}"
    return argv


def main(argv):
    if not argv:
        sys.exit("usage: dropdeploy_pins.py pip install ...")
    pinned = pins(argv)
    moves = {}
    code, lines = run(argv)
    for _ in range(ROUNDS):
        if code == 0:
            break
        stuck = sorted(n for n in failed_packages(lines) if n in pinned and n not in moves)
        if not stuck:
            break
        for name in stuck:
            try:
                target = nearest_installable(name, pinned[name])
            except (OSError, ValueError) as e:
                say(f"{name}=={pinned[name]} cannot be installed on {PYTHON}, and the package index could not be asked"
                    f" for a later release ({e}): update the pin in requirements.txt.")
                return code
            if target is None:
                say(f"{name}=={pinned[name]} cannot be installed on {PYTHON} (no wheel for it, and its source does not"
                    f" build here), and there is no later release of {name}: use another package or a release that"
                    f" supports {PYTHON}.")
                return 1
            moves[name] = (pinned[name], target[0])
            say(f"{name}=={pinned[name]} cannot be installed on {PYTHON} (no wheel for it, and its source does not"
                f" build here); retrying with {name}=={target[0]}, {target[1]}.")
        code, lines = run(relaxed_argv(argv, moves))
    if moves:
        changes = ", ".join(f"{n} {old} -> {new}" for n, (old, new) in moves.items())
        if code == 0:
            say(f"installed with pins moved to releases that support {PYTHON}: {changes}. Update requirements.txt"
                f" to the same versions so the next build does not have to retry.")
        else:
            say(f"the install still fails after moving pins to releases that support {PYTHON} ({changes}); the"
                f" pins do not fit together on {PYTHON}: update them in requirements.txt (see pip's error above).")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
