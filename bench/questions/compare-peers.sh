#!/usr/bin/env bash
# Consolidation benchmark against the peers, same inputs, same machine, same hyperfine run.
#   usage: bench/questions/compare-peers.sh [peer-bench-folder] [sizes]   (default: bench/ itself; sizes "200 1000")
# The peers' scripts and the input generator live in this repository (bench/peers, bench/gen); the first run does
# `npm ci` in bench/peers and `node bench/gen/generate.js` (inputs into bench/data, not committed).
# Each size ends with ratios to each peer measured in the same hyperfine run (bench/ratios.py).
# Builds Release, runs the built dll directly (no `dotnet run`) and the CLI published ReadyToRun (`dialogue questions
# merge`, start-up included), records median/min/max and peak RSS
# (GNU time %M, KB, per run) into <peer-bench-folder>/results-questions/.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
PEERS=$(cd "${1:-$REPO/bench}" && pwd)
SIZES=${2:-"200 1000"}
[ -d "$PEERS/peers/node_modules" ] || (cd "$PEERS/peers" && npm ci --no-audit --no-fund)
[ -f "$PEERS/data/questions-1000/manifest.json" ] || node "$PEERS/gen/generate.js"
PY=${PY:-/usr/bin/python3}
dotnet build -c Release "$REPO/bench/Dialogue.Office.Bench" >/dev/null
DLL="$REPO/bench/Dialogue.Office.Bench/bin/Release/net10.0/Dialogue.Office.Bench.dll"
# The same code published ReadyToRun (how the CLI ships): no JIT at start-up.
R2R_DIR=${R2R_DIR:-/tmp/dialogue-bench-r2r}
dotnet publish "$REPO/bench/Dialogue.Office.Bench" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$R2R_DIR" >/dev/null
R2R="$R2R_DIR/Dialogue.Office.Bench.dll"
# The command users run, `dialogue questions merge`, from the CLI published the same way (its start-up included).
CLI_DIR=${CLI_DIR:-/tmp/dialogue-bench-cli-r2r}
dotnet publish "$REPO/automation/Dialogue.Office.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$CLI_DIR" >/dev/null
CLI="$CLI_DIR/dialogue.dll"
cd "$PEERS"
RES=results-questions
mkdir -p "$RES" out
for K in $SIZES; do
  if [ "$K" -le 500 ]; then RUNS=5; WARM=1; else RUNS=3; WARM=0; fi
  rm -f "$RES"/*-"$K".rss
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  # One verification run (rows, injected repeats, unit x group statistics vs manifest.json), not timed.
  dotnet "$DLL" consolidate "data/questions-$K" --out "out/dialogue-check-$K.xlsx" --check "data/questions-$K/manifest.json" | tee "$RES/check-$K.json"
  hyperfine --style basic --runs "$RUNS" --warmup "$WARM" --export-json "$RES/cons-$K.json" \
    --prepare "rm -rf out/cons-*-$K" \
    -n "dialogue (C#, dotnet build)" "/usr/bin/time -f %M -a -o $RES/dialogue-$K.rss dotnet $DLL consolidate data/questions-$K --out out/cons-dialogue-$K/tong-hop.xlsx" \
    -n "dialogue (C#, ReadyToRun)" "/usr/bin/time -f %M -a -o $RES/dialogue-r2r-$K.rss dotnet $R2R consolidate data/questions-$K --out out/cons-dialoguer2r-$K/tong-hop.xlsx" \
    -n "dialogue questions merge (CLI, ReadyToRun)" "/usr/bin/time -f %M -a -o $RES/dialogue-cli-$K.rss dotnet $CLI questions merge data/questions-$K --out out/cons-dialoguecli-$K/tong-hop.xlsx" \
    -n "SheetJS" "/usr/bin/time -f %M -a -o $RES/sheetjs-$K.rss node peers/consolidate-sheetjs.js data/questions-$K out/cons-sheetjs-$K/tong-hop.xlsx" \
    -n "exceljs" "/usr/bin/time -f %M -a -o $RES/exceljs-$K.rss node peers/consolidate-exceljs.js data/questions-$K out/cons-exceljs-$K/tong-hop.xlsx" \
    -n "pandas+openpyxl" "/usr/bin/time -f %M -a -o $RES/pandas-$K.rss $PY peers/consolidate_pandas.py data/questions-$K out/cons-pandas-$K/tong-hop.xlsx" \
    | tee "$RES/cons-$K.log"
  { "$PY" "$REPO/bench/ratios.py" "$RES/cons-$K.json" dialogue "$K"
    echo "load average (1, 5, 15 min): $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after (2 cores; ours uses both, the peers one)"; } | tee "$RES/ratios-$K.txt"
done
for f in "$RES"/*.rss; do echo "$f: $(sort -n "$f" | tr '\n' ' ')"; done | tee "$RES/rss.txt"
