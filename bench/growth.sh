#!/usr/bin/env bash
# How cost grows with size (issue 17): invitations for 30, 300, 3 000 and 20 000 delegates (dialogue vs docxtemplater
# with a QR per delegate) and consolidation of 20, 200 and 2 000 returned sheets (dialogue vs SheetJS), whole process,
# wall time and peak RSS by GNU time, ours and the peer interleaved run by run on the same machine; then
# bench/growth_plot.py draws time and memory against size on log-log axes with the fitted slopes (docs/images/growth.png)
# and prints the ratios with the machine and the date.
#   bench/growth.sh                 RUNS=3 (per size; sizes whose first run exceeds SLOW_SECONDS get one run),
#                                   CAP_SECONDS=900 (a tool whose next size is predicted, from its last slope, to take
#                                   longer than this per run is skipped there and the plot says so)
#                                   INV_SIZES="30 300 3000 20000", CONS_SIZES="20 200 2000"
# 20 000 is the delegate list's input limit (InputLimits.DelegateRows), so the invitation curve stops there, not at 30 000.
# Inputs come from bench/gen (node bench/gen/generate.js --only delegates --n … / --only questions --k …), made on demand.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${BENCH_OUT:-/tmp/dialogue-growth}
RUNS=${RUNS:-3}
SLOW_SECONDS=${SLOW_SECONDS:-120}
CAP_SECONDS=${CAP_SECONDS:-900}
INV_SIZES=${INV_SIZES:-"30 300 3000 20000"}
CONS_SIZES=${CONS_SIZES:-"20 200 2000"}
PLOT=${PLOT:-docs/images/growth.png}
mkdir -p "$OUT"
[ -d bench/peers/node_modules ] || (cd bench/peers && npm ci --no-audit --no-fund)
[ -f bench/data/invitation-template.docx ] || node bench/gen/generate.js --only template
for n in $INV_SIZES; do [ -f "bench/data/delegates-$n.xlsx" ] || node bench/gen/generate.js --only delegates --n "$n"; done
for k in $CONS_SIZES; do [ -f "bench/data/questions-$k/manifest.json" ] || node bench/gen/generate.js --only questions --k "$k"; done
dotnet publish automation/Dialogue.Office.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/cli" >/dev/null
dotnet publish bench/Dialogue.Office.Bench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/bench" >/dev/null
TSV="$OUT/growth.tsv"
printf 'job\ttool\tsize\trun\tseconds\trss_kb\n' > "$TSV"

# One timed run: appends "job tool size run seconds rss" to the TSV and prints the seconds.
measure() {
  local job=$1 tool=$2 size=$3 run=$4; shift 4
  local t; t=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$t" "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; cat "$t" >&2; rm -f "$t"; exit 1; }
  read -r secs rss < <(tail -1 "$t"); rm -f "$t"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$job" "$tool" "$size" "$run" "$secs" "$rss" >> "$TSV"
  echo "$secs"
}

# Whether a tool's next size is predicted to exceed the cap: last median × (next/last)^slope (slope ≥ 1 assumed).
declare -A LAST_SIZE LAST_TIME
too_slow() {
  local tool=$1 size=$2
  [ -n "${LAST_TIME[$tool]:-}" ] || return 1
  python3 -c "import sys; sys.exit(0 if ${LAST_TIME[$tool]} * ($size / ${LAST_SIZE[$tool]}) > $CAP_SECONDS else 1)"
}

run_pair() {  # job size ours-tool ours-cmd peer-tool peer-cmd prepare
  local job=$1 size=$2 ours=$3 ourcmd=$4 peer=$5 peercmd=$6 prepare=$7
  local runs=$RUNS tools=("$ours" "$peer") cmds=("$ourcmd" "$peercmd")
  for i in 0 1; do
    if too_slow "${tools[$i]}" "$size"; then
      printf '%s\t%s\t%s\tskipped\t\t\n' "$job" "${tools[$i]}" "$size" >> "$TSV"
      echo "$job $size ${tools[$i]}: skipped, predicted over ${CAP_SECONDS}s per run" >&2
      cmds[$i]=""
    fi
  done
  for ((r = 1; r <= runs; r++)); do
    for i in 0 1; do
      [ -n "${cmds[$i]}" ] || continue
      eval "$prepare"
      s=$(measure "$job" "${tools[$i]}" "$size" "$r" bash -c "${cmds[$i]}")
      echo "$job $size ${tools[$i]} run $r: ${s}s" >&2
      # A single run longer than SLOW_SECONDS: that size gets one run per tool (said in the table).
      if [ "$r" -eq 1 ] && python3 -c "import sys; sys.exit(0 if $s > $SLOW_SECONDS else 1)"; then runs=1; fi
      LAST_SIZE[${tools[$i]}]=$size; LAST_TIME[${tools[$i]}]=$s
    done
  done
}

for n in $INV_SIZES; do
  # plan-for finds the sample plan from its own folder: the repository's build, not the copy published to $OUT.
  dotnet bench/Dialogue.Office.Bench/bin/Release/net10.0/linux-x64/Dialogue.Office.Bench.dll plan-for "bench/data/delegates-$n.xlsx" "$OUT/plan-$n" >/dev/null
  run_pair invitations "$n" \
    dialogue "$OUT/cli/dialogue invitations $OUT/plan-$n --out $OUT/inv-$n" \
    docxtemplater "node bench/peers/invitations-docxtemplater.js bench/data/delegates-$n.xlsx bench/data/invitation-template.docx $OUT/docxtpl-$n" \
    "rm -rf $OUT/inv-$n $OUT/docxtpl-$n"
done
for k in $CONS_SIZES; do
  run_pair consolidation "$k" \
    dialogue "$OUT/bench/Dialogue.Office.Bench consolidate bench/data/questions-$k --out $OUT/cons-dialogue-$k/tong-hop.xlsx" \
    SheetJS "node bench/peers/consolidate-sheetjs.js bench/data/questions-$k $OUT/cons-sheetjs-$k/tong-hop.xlsx" \
    "rm -rf $OUT/cons-*-$k"
done
PY=python3; /usr/bin/python3 -c 'import matplotlib' 2>/dev/null && PY=/usr/bin/python3
"$PY" bench/growth_plot.py "$TSV" "$PLOT"
