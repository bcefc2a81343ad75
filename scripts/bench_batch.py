#!/usr/bin/env python3
"""Benchmark `vigie batch`: generate a large corpus, time it to JSONL and SQLite.

Usage:
    cargo build --release
    python3 scripts/bench_batch.py [--size-mb 110] [--dir target/bench-corpus]
        [--jobs 1,2] [--vigie target/release/vigie] [--keep]

1. Generates (once; reused when DIR already holds a corpus of the asked size)
   a corpus of at least --size-mb MB from the articles of corpus/dev and
   corpus/test: every generated article is a shipped article with its place
   names swapped for other places of the gazetteer (same country when
   known), its years shifted, and a sidecar with a new publication date.
   They are spread over nested folders (COUNTRY/YEAR/NAME-000123.txt); one
   article in ten goes into JSONL record files instead, so both input kinds
   are measured. Deterministic (fixed seed): the same corpus every time.
2. Measures the raw extraction speed (`vigie extract DIR > /dev/null`, one
   thread), then `vigie batch DIR` to JSON Lines and to SQLite at each
   --jobs, and prints MB/s, articles/s and peak memory (from vigie's
   summary line, which reads the process's peak resident memory).

Standard library only. Keep it out of `cargo test`: it takes minutes.
"""

import argparse
import csv
import glob
import json
import os
import random
import resource
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ'-]{3,}\b")
YEAR = re.compile(r"\b(19[6-9]\d|20[0-2]\d)\b")


def load_places():
    """Place names of the gazetteer: the set of all names, and localities by country."""
    names, by_country = set(), {}
    with open(os.path.join(ROOT, "gazetteers", "places.tsv"), encoding="utf-8") as f:
        rows = csv.reader((l for l in f if not l.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        col = {n: i for i, n in enumerate(header)}
        for r in rows:
            name = r[col["name"]]
            names.add(name)
            if r[col["feature"]] == "locality" and r[col["population"]]:
                by_country.setdefault(r[col["country"]], []).append(name)
    for v in by_country.values():
        v.sort()
    return names, by_country


def sources():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "corpus", "*", "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        country = os.path.basename(path)[:2].upper()
        out.append((os.path.basename(path)[:-4], country, text))
    return out


def generate(dest, size_mb, seed=20190318):
    rng = random.Random(seed)
    names, by_country = load_places()
    pool_all = sorted({n for v in by_country.values() for n in v})
    arts = sources()
    target = size_mb * 1_000_000
    total, n, jsonl_file, jsonl_count = 0, 0, None, 0
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    while total < target:
        stem, country, text = arts[n % len(arts)]
        pool = by_country.get(country) or pool_all
        places = sorted({w for w in WORD.findall(text) if w in names})
        swap = {p: rng.choice(pool) for p in places}
        if swap:
            text = re.sub(r"\b(" + "|".join(map(re.escape, sorted(swap, key=len, reverse=True))) + r")\b", lambda m: swap[m.group(1)], text)
        shift = rng.randint(-6, 4)
        text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        year = rng.randint(2010, 2025)
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        name = f"{stem}-{n:06d}"
        if n % 10 == 9:
            if jsonl_file is None or jsonl_count >= 500:
                if jsonl_file:
                    jsonl_file.close()
                jsonl_file = open(os.path.join(dest, f"records-{n:06d}.jsonl"), "w", encoding="utf-8")
                jsonl_count = 0
            jsonl_file.write(json.dumps({"id": name, "text": text, "published": published}, ensure_ascii=False) + "\n")
            jsonl_count += 1
        else:
            folder = os.path.join(dest, country.lower(), str(year))
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8", newline="") as f:
                f.write(text)
            with open(os.path.join(folder, name + ".json"), "w", encoding="utf-8") as f:
                json.dump({"published": published, "url": f"https://example.org/{name}", "title": name}, f)
        total += len(text.encode("utf-8"))
        n += 1
    if jsonl_file:
        jsonl_file.close()
    with open(os.path.join(dest, "CORPUS.json"), "w") as f:
        json.dump({"size_mb": size_mb, "articles": n, "bytes": total}, f)
    return n, total


SUMMARY = re.compile(
    r"(?P<articles>\d+) articles read, (?P<events>\d+) events written, (?P<errors>\d+) errors, (?P<skipped>\d+) skipped; "
    r"(?P<mb>[\d.]+) MB in (?P<secs>[\d.]+) s: (?P<mbs>[\d.]+) MB/s, (?P<aps>\d+) articles/s(, peak memory (?P<mem>\d+) MB)?"
)


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_batch(vigie, corpus, jobs, sink_args):
    cmd = [vigie, "batch", corpus, "--jobs", str(jobs), "--quiet"] + sink_args
    before = cpu_seconds()
    p = subprocess.run(cmd, capture_output=True, text=True)
    cpu = cpu_seconds() - before
    line = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ""
    m = SUMMARY.search(line)
    if p.returncode != 0 or not m:
        sys.exit(f"bench: {' '.join(cmd)} failed ({p.returncode}): {p.stderr[-2000:]}")
    r = m.groupdict()
    r["cpu"] = f"{cpu:.2f}"
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=int, default=110)
    ap.add_argument("--dir", default=os.path.join(ROOT, "target", "bench-corpus"))
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--vigie", default=os.path.join(ROOT, "target", "release", "vigie"))
    ap.add_argument("--keep", action="store_true", help="keep the outputs (events.jsonl, events.db) in DIR-out")
    args = ap.parse_args()
    if not os.path.exists(args.vigie):
        sys.exit(f"bench: {args.vigie} not found: run `cargo build --release` first")
    corpus = os.path.join(args.dir, "articles")
    meta = os.path.join(corpus, "CORPUS.json")
    info = json.load(open(meta)) if os.path.exists(meta) else {}
    if info.get("size_mb") != args.size_mb:
        t = time.time()
        n, total = generate(corpus, args.size_mb)
        print(f"generated {n} articles, {total / 1e6:.1f} MB of text in {time.time() - t:.0f} s under {corpus}")
    else:
        print(f"reusing {info['articles']} articles, {info['bytes'] / 1e6:.1f} MB under {corpus}")
        total = info["bytes"]
    out = args.dir + "-out"
    os.makedirs(out, exist_ok=True)

    t, before = time.time(), cpu_seconds()
    with open(os.devnull, "wb") as null:
        p = subprocess.run([args.vigie, "extract", corpus], stdout=null, stderr=subprocess.PIPE)
    secs, cpu = time.time() - t, cpu_seconds() - before
    print(f"raw extraction (vigie extract, 1 thread, output discarded): {total / 1e6 / secs:.2f} MB/s "
          f"({secs:.1f} s wall, {cpu:.1f} s CPU, exit {p.returncode})")
    print(f"load average before the runs: {os.getloadavg()[0]:.1f} (wall-clock figures assume an idle machine)")

    print(f"{'sink':8} {'jobs':>4} {'articles':>9} {'events':>8} {'MB':>7} {'s':>7} {'MB/s':>7} {'art/s':>7} {'CPU s':>7} {'peak MB':>8}")
    for jobs in [int(j) for j in args.jobs.split(",")]:
        for sink in ["jsonl", "sqlite"]:
            path = os.path.join(out, f"events-j{jobs}." + ("jsonl" if sink == "jsonl" else "db"))
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
            r = run_batch(args.vigie, corpus, jobs, ["--out" if sink == "jsonl" else "--sqlite", path])
            print(f"{sink:8} {jobs:>4} {r['articles']:>9} {r['events']:>8} {r['mb']:>7} {r['secs']:>7} {r['mbs']:>7} {r['aps']:>7} {r['cpu']:>7} {r['mem'] or '?':>8}")
    # A second SQLite load over the same folder: every document is skipped.
    path = os.path.join(out, f"events-j{jobs}.db")
    r = run_batch(args.vigie, corpus, jobs, ["--sqlite", path])
    print(f"re-run into the loaded SQLite database: {r['skipped']} of {r['articles']} articles skipped in {r['secs']} s")
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
