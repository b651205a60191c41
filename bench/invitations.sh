#!/usr/bin/env bash
# Invitation benchmark: whole `dialogue invitations` process (ReadyToRun Release build) for 300 and 5000 delegates,
# timed by hyperfine, peak RSS by GNU time. Uses the peers' delegate lists when ../shared/bench data is generated
# (same inputs as docxtemplater in PEERS.md), else the sample list cycled to the size.
#   bench/invitations.sh [PEER_DATA_DIR]        e.g. bench/invitations.sh /tmp/pbi/data
set -euo pipefail
cd "$(dirname "$0")/.."
PEER_DATA=${1:-}
OUT=${BENCH_OUT:-/tmp/dialogue-bench}
RUNS_SMALL=${RUNS_SMALL:-10}
RUNS_LARGE=${RUNS_LARGE:-3}
mkdir -p "$OUT"
dotnet publish automation/Dialogue.Office.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/cli" >/dev/null
dotnet build bench/Dialogue.Office.Bench -c Release >/dev/null
GEN=bench/Dialogue.Office.Bench/bin/Release/net10.0/Dialogue.Office.Bench
for n in 300 5000; do
  src=$n
  [ -n "$PEER_DATA" ] && [ -f "$PEER_DATA/delegates-$n.xlsx" ] && src="$PEER_DATA/delegates-$n.xlsx"
  "$GEN" plan-for "$src" "$OUT/plan-$n" >/dev/null
  runs=$RUNS_SMALL; warm=2; [ "$n" -gt 1000 ] && { runs=$RUNS_LARGE; warm=0; }
  rm -f "$OUT/inv-$n.rss"
  hyperfine --style basic --runs "$runs" --warmup "$warm" --prepare "rm -rf $OUT/out-$n" \
    --export-json "$OUT/inv-$n.json" \
    "/usr/bin/time -f %M -a -o $OUT/inv-$n.rss $OUT/cli/dialogue invitations $OUT/plan-$n --out $OUT/out-$n" >/dev/null
  files=$(ls "$OUT/out-$n/giay-moi" | wc -l)
  python3 - "$OUT/inv-$n.json" "$OUT/inv-$n.rss" "$n" "$files" <<'PY'
import json, sys, statistics
res = json.load(open(sys.argv[1]))["results"][0]
rss = [int(x) for x in open(sys.argv[2]).read().split()]
n = int(sys.argv[3])
med = statistics.median(res["times"])
print(f"| {n} | {len(res['times'])} | {med:.2f} s | {min(res['times']):.2f}–{max(res['times']):.2f} s | {med / n * 1000:.2f} ms | {statistics.median(rss) // 1024} MB (max {max(rss) // 1024}) | {sys.argv[4]} files + print file |")
PY
done
