#!/usr/bin/env python3
"""Draws bench/growth.sh's measurements: wall time and peak RSS against size, log-log, one panel per job, with the
least-squares slope of log(time) on log(size) per tool (1.0 = linear; below 1 = a fixed cost still dominates).
Prints a Markdown table (medians, ratios to the peer at each size) labelled with the machine and the date.
   usage: bench/growth_plot.py <growth.tsv> <out.png|out.svg>
matplotlib when it is installed (Debian: python3-matplotlib); otherwise a plain SVG next to the requested file."""
import csv, datetime, math, os, platform, statistics, subprocess, sys
from collections import defaultdict

tsv, out = sys.argv[1], sys.argv[2]
runs = defaultdict(list)      # (job, tool, size) -> [(seconds, rss_mb)]
skipped = set()
for row in csv.DictReader(open(tsv), delimiter="\t"):
    key = (row["job"], row["tool"], int(row["size"]))
    if row["run"] == "skipped":
        skipped.add(key)
    else:
        runs[key].append((float(row["seconds"]), int(row["rss_kb"]) / 1024))

def machine():
    try:
        text = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        cpu = next(l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith("Model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    return f"{cpu} × {os.cpu_count()}"

label = f"{machine()}; {datetime.datetime.fromtimestamp(os.path.getmtime(tsv), datetime.timezone.utc):%Y-%m-%d %H:%MZ}"
jobs = sorted({k[0] for k in runs}, key=lambda j: j != "invitations")
series = {}                   # (job, tool) -> [(size, median s, median MB, n runs)]
for (job, tool, size), values in sorted(runs.items()):
    series.setdefault((job, tool), []).append(
        (size, statistics.median(v[0] for v in values), statistics.median(v[1] for v in values), len(values)))

def slope(points):
    if len(points) < 2:
        return float("nan")
    xs = [math.log(p[0]) for p in points]; ys = [math.log(p[1]) for p in points]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)

print(f"machine: {label}")
print("| job | size | dialogue | peer | peer median | ratio (peer / dialogue) | dialogue RSS | peer RSS |")
print("|---|---|---|---|---|---|---|---|")
for job in jobs:
    tools = [t for (j, t) in series if j == job]
    peer = next((t for t in tools if t != "dialogue"), None)
    ours = {p[0]: p for p in series.get((job, "dialogue"), [])}
    theirs = {p[0]: p for p in series.get((job, peer), [])}
    for size in sorted(set(ours) | set(theirs) | {k[2] for k in skipped if k[0] == job}):
        o, t = ours.get(size), theirs.get(size)
        cell = lambda p: f"{p[1]:.2f} s ({p[3]} run{'s' if p[3] > 1 else ''})" if p else "skipped (over the time cap)"
        mb = lambda p: f"{p[2]:.0f} MB" if p else "–"
        ratio = f"**{t[1] / o[1]:.1f}×**" if o and t else "–"
        print(f"| {job} | {size} | {cell(o)} | {peer} | {cell(t)} | {ratio} | {mb(o)} | {mb(t)} |")
for (job, tool), points in series.items():
    print(f"slope {job} {tool}: time {slope([(p[0], p[1]) for p in points]):.2f}, memory {slope([(p[0], p[2]) for p in points]):.2f}")

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    plt = None

if plt is not None and out.endswith(".png"):
    fig, axes = plt.subplots(2, len(jobs), figsize=(6 * len(jobs), 8), squeeze=False)
    for c, job in enumerate(jobs):
        for r, (index, unit) in enumerate([(1, "wall time (s)"), (2, "peak RSS (MB)")]):
            ax = axes[r][c]
            for (j, tool), points in series.items():
                if j != job:
                    continue
                xs = [p[0] for p in points]; ys = [p[index] for p in points]
                b = slope(list(zip(xs, ys)))
                ax.loglog(xs, ys, "o-", label=f"{tool} (slope {b:.2f})", color="#1f5fa8" if tool == "dialogue" else "#c0392b")
            ax.set_xlabel("delegates" if job == "invitations" else "returned sheets")
            ax.set_ylabel(unit)
            ax.set_title(f"{job}: {unit.split(' (')[0]}")
            ax.grid(True, which="both", alpha=0.3)
            ax.legend()
    fig.suptitle(f"How cost grows (whole process, median per size) — {label}", fontsize=10)
    fig.tight_layout()
    fig.savefig(out, dpi=90)
else:
    out = os.path.splitext(out)[0] + ".svg"
    W, H, pad = 520, 320, 50
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W * len(jobs)}" height="{H}" font-family="sans-serif" font-size="11">']
    for c, job in enumerate(jobs):
        pts = [p for (j, _), ps in series.items() if j == job for p in ps]
        lx = [math.log10(p[0]) for p in pts]; ly = [math.log10(p[1]) for p in pts]
        x0, x1, y0, y1 = min(lx), max(lx) or 1, min(ly), max(ly)
        sx = lambda v: c * W + pad + (math.log10(v) - x0) / ((x1 - x0) or 1) * (W - 2 * pad)
        sy = lambda v: H - pad - (math.log10(v) - y0) / ((y1 - y0) or 1) * (H - 2 * pad)
        parts.append(f'<text x="{c * W + pad}" y="20">{job}: wall time (s) vs size, log-log</text>')
        for k, ((j, tool), ps) in enumerate((s for s in series.items() if s[0][0] == job)):
            colour = "#1f5fa8" if tool == "dialogue" else "#c0392b"
            parts.append(f'<polyline fill="none" stroke="{colour}" points="{" ".join(f"{sx(p[0]):.1f},{sy(p[1]):.1f}" for p in ps)}"/>')
            parts.append(f'<text x="{c * W + pad}" y="{40 + 14 * k}" fill="{colour}">{tool} (slope {slope([(p[0], p[1]) for p in ps]):.2f})</text>')
    parts.append(f'<text x="10" y="{H - 10}">{label}</text></svg>')
    open(out, "w").write("\n".join(parts))
print(f"plot: {out}")
