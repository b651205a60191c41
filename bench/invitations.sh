#!/usr/bin/env bash
# Invitation benchmark: whole `dialogue invitations` process (ReadyToRun Release build) for 300 and 5000 delegates,
# timed by hyperfine, peak RSS by GNU time, in the same hyperfine run as the docxtemplater peer (bench/peers, same
# delegate lists from bench/gen; the first run does `npm ci` in bench/peers and generates bench/data). Each size ends
# with the ratio to the peer (bench/ratios.py). Without node, the sample list cycled to the size and no peer.
#   bench/invitations.sh [PEER_DATA_DIR]        default bench/data; SIZES="300 5000", RUNS_SMALL, RUNS_LARGE
set -euo pipefail
cd "$(dirname "$0")/.."
PEER_DATA=${1:-}
if [ -z "$PEER_DATA" ] && command -v node >/dev/null; then
  [ -d bench/peers/node_modules ] || (cd bench/peers && npm ci --no-audit --no-fund)
  [ -f bench/data/delegates-5000.xlsx ] || node bench/gen/generate.js
  PEER_DATA=bench/data
fi
OUT=${BENCH_OUT:-/tmp/dialogue-bench}
RUNS_SMALL=${RUNS_SMALL:-10}
RUNS_LARGE=${RUNS_LARGE:-3}
SIZES=${SIZES:-"300 5000"}
mkdir -p "$OUT"
dotnet publish automation/Dialogue.Office.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/cli" >/dev/null
dotnet build bench/Dialogue.Office.Bench -c Release >/dev/null
GEN=bench/Dialogue.Office.Bench/bin/Release/net10.0/Dialogue.Office.Bench
for n in $SIZES; do
  src=$n
  [ -n "$PEER_DATA" ] && [ -f "$PEER_DATA/delegates-$n.xlsx" ] && src="$PEER_DATA/delegates-$n.xlsx"
  "$GEN" plan-for "$src" "$OUT/plan-$n" >/dev/null
  runs=$RUNS_SMALL; warm=2; [ "$n" -gt 1000 ] && { runs=$RUNS_LARGE; warm=0; }
  rm -f "$OUT/inv-$n.rss"
  # One --prepare per command: each clears only its own output (one shared --prepare deleted our letters before the
  # peer's runs, and the count below then failed).
  peer=()
  [ -n "$PEER_DATA" ] && peer=(--prepare "rm -rf $OUT/docxtpl-$n" -n "docxtemplater (QR per letter)" "node bench/peers/invitations-docxtemplater.js $src $PEER_DATA/invitation-template.docx $OUT/docxtpl-$n")
  hyperfine --style basic --runs "$runs" --warmup "$warm" --prepare "rm -rf $OUT/out-$n" \
    --export-json "$OUT/inv-$n.json" \
    -n "dialogue invitations" "/usr/bin/time -f %M -a -o $OUT/inv-$n.rss $OUT/cli/dialogue invitations $OUT/plan-$n --out $OUT/out-$n" \
    "${peer[@]}" >/dev/null
  files=$(find "$OUT/out-$n" -path "*/giay-moi/*" -type f | wc -l)  # letters sit in an audience folder (thu-ky/giay-moi)
  python3 - "$OUT/inv-$n.json" "$OUT/inv-$n.rss" "$n" "$files" <<'PY'
import json, sys, statistics
res = json.load(open(sys.argv[1]))["results"][0]  # ours is the first command
rss = [int(x) for x in open(sys.argv[2]).read().split()]
n = int(sys.argv[3])
med = statistics.median(res["times"])
print(f"| {n} | {len(res['times'])} | {med:.2f} s | {min(res['times']):.2f}–{max(res['times']):.2f} s | {med / n * 1000:.2f} ms | {statistics.median(rss) // 1024} MB (max {max(rss) // 1024}) | {sys.argv[4]} files + print file |")
PY
  [ -z "$PEER_DATA" ] || python3 bench/ratios.py "$OUT/inv-$n.json" dialogue "$n"
done
