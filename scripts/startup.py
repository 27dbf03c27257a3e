#!/usr/bin/env python3
"""Start-up time and memory of `marginalia check` and of the language server.

Builds a desk of N articles in a temporary folder by varying the seed articles
in ../shared/seeds (each copy gets its own figures and some of its own names,
so that copies are distinct articles but share most of their people and
places, as a desk on one story does), then measures:

- `marginalia check --format json DIR`: wall time and peak resident memory
  (`/usr/bin/time -v`);
- the language server over stdio, one article opened right after
  `initialized`: the time from `initialize` to that article's first
  `publishDiagnostics` (and how many diagnostics it holds), to the end of
  indexing (`$/progress` end), to the first publication for the article
  after indexing ended (the desk-wide one), and the server's peak resident
  memory once the diagnostics have settled.

Each is run `--runs` times (default 3) and the median printed. With
`--cache`, the runs share one cache folder: the first is cold (the folder is
emptied before it), the others warm. Without it each run gets an empty cache
folder of its own, which a binary without a cache ignores.

    cargo build --release
    python3 scripts/startup.py [N] [--runs 3] [--binary target/release/marginalia]

The seed text is never written inside the repository.
"""

import argparse
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"

_spec = importlib.util.spec_from_file_location("server_memory", ROOT / "scripts" / "server-memory.py")
server_memory = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(server_memory)

SYLLABLES = ["an", "ber", "cor", "dal", "en", "fir", "gan", "hol", "ist", "jor", "kel", "lun"]


def seeds():
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def vary(text, copy):
    """A copy of `text` with its numbers shifted (no two copies alike) and a
    third of its capitalised words given a suffix, both depending on `copy`."""

    def number(match):
        digits = match.group(0)
        value = int(digits.replace(",", ""))
        # The shift is different for each copy, so no two copies are alike
        # (the cache cannot serve one copy's analysis to another); the
        # modulus keeps neighbouring copies' figures close.
        shifted = value + (copy % 89) + 1 + 100 * (copy // 89)
        return f"{shifted:,}" if "," in digits else str(shifted)

    text = re.sub(r"\d{1,3}(?:,\d{3})+|\d+", number, text)

    def name(match):
        word = match.group(0)
        if (zlib.crc32(word.encode()) + copy) % 3:
            return word
        return word + SYLLABLES[(copy // 3 + len(word)) % len(SYLLABLES)]

    return re.sub(r"\b[A-Z][a-z]{3,}\b", name, text)


def build_desk(root, count):
    texts = seeds()
    size = 0
    for i in range(count):
        sub = root / f"{i % 100:02d}"
        sub.mkdir(exist_ok=True)
        text = vary(texts[i % len(texts)], i)
        (sub / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode())
    return size


def check_run(binary, desk, env):
    started = time.monotonic()
    done = subprocess.run(
        ["/usr/bin/time", "-v", str(binary), "check", "--format", "json", str(desk)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    wall = time.monotonic() - started
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    return wall, peak // 1024


class Server(server_memory.Server):
    def __init__(self, root, binary, env, opened):
        # The parent class starts the binary it knows; start ours instead.
        server_memory.BINARY = binary
        self._env = env
        self._opened = opened
        super().__init__(root)

    def publications(self):
        """The diagnostics lists published for the opened article so far."""
        uri = self._opened.as_uri()
        with self.lock:
            return [
                m["params"]["diagnostics"]
                for m in self.messages
                if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            ]

    def first_diagnostics(self):
        return bool(self.publications())


def server_run(binary, desk, env, opened):
    old_env = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        started = time.monotonic()
        server = Server(desk, binary, env, opened)
    finally:
        os.environ.clear()
        os.environ.update(old_env)
    text = opened.read_text(encoding="utf-8")
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": opened.as_uri(), "languageId": "plaintext", "version": 1, "text": text},
    }})
    first = indexed = desk_wide = None
    first_count = 0
    published_when_indexed = None
    while first is None or indexed is None or desk_wide is None:
        now = time.monotonic() - started
        published = server.publications()
        if first is None and published:
            first = now
            first_count = len(published[0])
        if indexed is None and server.indexed():
            indexed = now
            published_when_indexed = len(published)
        elif indexed is not None and desk_wide is None and len(published) > published_when_indexed:
            desk_wide = now
        if indexed is not None and desk_wide is None and server.quiet_for() > 60.0:
            # Nothing new for it a minute after indexing (the desk-wide
            # report can take seconds with no message): the last one stands.
            desk_wide = first
        if now > 600:
            raise SystemExit("the server did not finish in 10 minutes")
        time.sleep(0.01)
    while server.quiet_for() < 2.0:
        time.sleep(0.1)
    pid = server.process.pid
    peak = server_memory.status(pid, "VmHWM")
    log = [m["params"]["message"] for m in server.messages if m.get("method") == "window/logMessage"]
    server.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    server.send({"jsonrpc": "2.0", "method": "exit"})
    server.process.wait(timeout=30)
    return first, first_count, indexed, desk_wide, peak, log


def median(values):
    return statistics.median(values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "marginalia")
    parser.add_argument("--cache", action="store_true", help="share one cache folder: cold, then warm")
    parser.add_argument("--only", choices=["check", "server"])
    args = parser.parse_args()
    binary = args.binary.resolve()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        desk = base / "desk"
        desk.mkdir()
        size = build_desk(desk, args.count)
        opened = desk / "00" / "00000.txt"
        print(f"{args.count} articles, {size / 1e6:.1f} MB; binary {binary}")
        cache = base / "cache"

        def env_for(run):
            env = dict(os.environ)
            if args.cache:
                if run == 0:
                    shutil.rmtree(cache, ignore_errors=True)
                env["MARGINALIA_CACHE_DIR"] = str(cache)
            else:
                fresh = base / f"cache-{run}-{time.monotonic_ns()}"
                env["MARGINALIA_CACHE_DIR"] = str(fresh)
            return env

        if args.only in (None, "check"):
            runs = [check_run(binary, desk, env_for(run)) for run in range(args.runs)]
            for i, (wall, peak) in enumerate(runs):
                print(f"check run {i + 1}: {wall:.2f} s, peak RSS {peak} MB")
            rest = runs[1:] if args.cache and len(runs) > 1 else runs
            print(f"check median{' (warm)' if args.cache else ''}: "
                  f"{median([r[0] for r in rest]):.2f} s, peak RSS {median([r[1] for r in rest])} MB")
        if args.only in (None, "server"):
            runs = [server_run(binary, desk, env_for(run), opened) for run in range(args.runs)]
            for i, (first, count, indexed, desk_wide, peak, log) in enumerate(runs):
                print(f"server run {i + 1}: first diagnostics {first:.2f} s ({count} of them), "
                      f"indexed {indexed:.2f} s, desk-wide diagnostics {desk_wide:.2f} s, "
                      f"peak RSS {peak} MB; {' | '.join(m for m in log if 'index' in m)}")
            rest = runs[1:] if args.cache and len(runs) > 1 else runs
            print(f"server median{' (warm)' if args.cache else ''}: first diagnostics "
                  f"{median([r[0] for r in rest]):.2f} s, indexed {median([r[2] for r in rest]):.2f} s, "
                  f"desk-wide diagnostics {median([r[3] for r in rest]):.2f} s, "
                  f"peak RSS {median([r[4] for r in rest])} MB")


if __name__ == "__main__":
    main()
