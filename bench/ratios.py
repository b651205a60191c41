#!/usr/bin/env python3
"""How many times faster than each peer our commands ran (peer median / our median) from one hyperfine --export-json run.
   usage: bench/ratios.py <hyperfine.json> <label-of-ours> [size]
Absolute times are printed with the machine and the date, since they hold only for that machine and that run."""
import json, os, platform, statistics, subprocess, sys, datetime

res = json.load(open(sys.argv[1]))["results"]
ours = sys.argv[2]
size = sys.argv[3] if len(sys.argv) > 3 else ""
try:
    cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    cpu = next((l.split(":", 1)[1].strip() for l in cpu.splitlines() if l.startswith("Model name")), platform.processor())
except OSError:
    cpu = platform.processor()
print(f"machine: {cpu} x {os.cpu_count()}, {platform.node()}; date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%MZ}")
med = {r["command"]: statistics.median(r["times"]) for r in res}
mine = [c for c in med if c.startswith(ours)]
for c in mine:
    for p, t in med.items():
        if p in mine:
            continue
        # Said as "ours is N× faster than the peer" (peer median / our median), as the README and the issues state it.
        print(f"{size}\t{c} vs {p}\t{t / med[c]:.2f}x faster\t(medians {med[c]:.2f} s vs {t:.2f} s on this machine)")
