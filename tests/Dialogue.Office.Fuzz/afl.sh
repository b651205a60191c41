#!/usr/bin/env bash
# The long fuzz run with afl++ (Debian package afl++) and SharpFuzz 2.3.0: instruments the core library, writes the
# seeds of one target, and fuzzes it for a given time. Usage: tests/Dialogue.Office.Fuzz/afl.sh <target> [seconds]
# Targets: plan delegates csv template docx questions. Findings land in /tmp/dialogue-afl-<target>/out.
set -euo pipefail
target=${1:?target}; seconds=${2:-3600}
here=$(cd "$(dirname "$0")" && pwd); work=/tmp/dialogue-afl-$target
rm -rf "$work/bin" && dotnet publish "$here" -c Release -o "$work/bin" -v q --nologo
[ -x "$work/tools/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >/dev/null
# Seeds first: instrumented code only runs under afl-fuzz.
rm -rf "$work/in" && dotnet "$work/bin/Dialogue.Office.Fuzz.dll" seeds "$target" "$work/in"
"$work/tools/sharpfuzz" "$work/bin/Dialogue.Office.Automation.dll"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
afl-fuzz -V "$seconds" -t 10000 -m none -i "$work/in" -o "$work/out" -- dotnet "$work/bin/Dialogue.Office.Fuzz.dll" afl "$target"
echo "crashes: $(find "$work/out" -path '*crashes/id*' | wc -l), hangs: $(find "$work/out" -path '*hangs/id*' | wc -l)"
