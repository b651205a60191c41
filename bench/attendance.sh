#!/usr/bin/env bash
# Attendance load benchmark (issue 15, item 8): the real add-in host (Release build, `dotnet exec` of its dll) on a
# free loopback port, a copy of the sample plan with 300 delegates moved to 2099, a fresh data folder and register, the
# conference's secret in the host's environment (DIALOGUE_BENCH_ATTENDANCE_SECRET, else a random one per run), the
# per-address limit raised for the run only. Scenarios (bench/Dialogue.Office.Bench/AttendanceLoadBench.cs):
#   A   300 delegates open their page, confirm and see "Đã ghi nhận", arrivals spread evenly over 60 s (open loop)
#   A′  the same 300 answer again as fast as possible, 50 at a time
#   ref 1 000 GET of a static file of the same host, 100 at a time (in-run reference)
#   B   1 000 page views, 100 at a time (closed loop: a new request as soon as one of the 100 is answered)
#   B″  1 000 page views arriving at 100 per second (open loop)
# then p50/p95/p99 per request kind, errors, requests/s, the host's CPU time and peak RSS (VmHWM), and a check that
# every acknowledged answer is in the register after the host is killed. Exit 1 on any error or lost write.
# Not part of .ci/run or the test suite (it runs about 1.5 minutes and measures the machine).
#   bench/attendance.sh [options passed to the bench, e.g. --confirm-spread 0 --views 2000 --no-confirmations]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "\$ bench/attendance.sh $*"
dotnet build addin/Dialogue.Office.AddIn -c Release -v q -nologo >/dev/null
dotnet build bench/Dialogue.Office.Bench -c Release -v q -nologo >/dev/null
exec dotnet bench/Dialogue.Office.Bench/bin/Release/net10.0/Dialogue.Office.Bench.dll attendance \
  --host addin/Dialogue.Office.AddIn/bin/Release/net10.0/Dialogue.Office.AddIn.dll \
  --content-root addin/Dialogue.Office.AddIn "$@"
