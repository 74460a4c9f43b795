#!/usr/bin/env bash
# Fault injection on the recording path, run against the materialized runtime product as a user
# runs it (./convergence, without rebuilding):
#   clock   a node-opcua server (not Milo) sends one value stamped in the year 12000: every other
#           value must still be recorded, the bad one counted as rejected, nothing lost
#   kill    the runtime is killed with SIGKILL while it records 10,000 points, then started again:
#           every sample it reported stored before the kill must be there, and the gap marked
#   disk    the historian's folder lies on a small tmpfs that fills up while recording and is
#           freed again: the status line must say so, and recording resume by itself (needs root)
#
# Usage: recording-faults.sh [--long] [SCENARIO...]   (default: every scenario, quick variant)
# The quick variant runs in 'mvn verify' (from product-smoke.sh); --long repeats the kill and the
# full disk several times on a longer recording and prints the figures for docs/reliability-recording.md.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
long=false
scenarios=()
for a in "$@"; do
  case "$a" in
    --long) long=true ;;
    clock|kill|disk) scenarios+=("$a") ;;
    *) echo "usage: recording-faults.sh [--long] [clock|kill|disk]..." >&2; exit 2 ;;
  esac
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=(clock kill disk)

work=$(mktemp -d "${TMPDIR:-/tmp}/convergence-faults.XXXXXX")
mounted=()
children=()
cleanup() {
  for p in "${children[@]}"; do kill -9 "$p" 2>/dev/null; done
  for m in "${mounted[@]}"; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
export CONVERGENCE_SKIP_BUILD=1 CONVERGENCE_HOME="$work/home"
fail() { echo "recording faults FAILED ($scenario): $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
summary_field() { sed -n "s/^summary:.* $1=\([0-9]*\).*/\1/p" "$2" | tail -n 1; }
# The history tool opens read-only; right after a runtime ends its folder may still be closing.
history() {
  local i
  for i in $(seq 1 50); do
    "$root/convergence" history "$@" >"$work/hist.out" 2>"$work/hist.err" && return 0
    grep -q "in use" "$work/hist.err" || break
    sleep 0.2
  done
  cat "$work/hist.err" >&2
  return 1
}

scenario_clock() {
  local interop="$root/releng/interop" port data out code fault
  if ! command -v node >/dev/null 2>&1 || [ ! -d "$interop/node_modules/node-opcua-server" ]; then
    echo "clock: skipped, no node-opcua in releng/interop (.ci/run installs it)"
    return 0
  fi
  port=$(free_port)
  data="$work/clock/data"
  out="$work/clock/out"
  mkdir -p "$work/clock"
  node "$interop/clock-fault-server.js" "$port" 3 >"$work/clock/server.log" 2>&1 &
  children+=($!)
  local server=$!
  for _ in $(seq 1 150); do grep -q '^ready' "$work/clock/server.log" && break; sleep 0.2; done
  grep -q '^ready' "$work/clock/server.log" || fail "the clock-fault server did not start: $(cat "$work/clock/server.log")"
  "$root/convergence" runtime --connect "opc.tcp://127.0.0.1:$port/UA/Oven" --for 10s --data "$data" \
    --pki "$work/clock/pki" >"$out" 2>"$work/clock/err"
  code=$?
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null
  cat "$out"
  grep -q '^fault ' "$work/clock/server.log" || fail "the server never sent its far-future value: $(cat "$work/clock/server.log")"
  fault=$(sed -n 's/^fault \([^ ]*\) .*/\1/p' "$work/clock/server.log")
  [ "$(summary_field lost "$out")" = 0 ] || { cat "$work/clock/err" >&2; fail "samples lost after a far-future timestamp"; }
  [ "$(summary_field rejected "$out")" = 1 ] || fail "the far-future sample was not counted as rejected"
  [ "$code" = 0 ] || { cat "$work/clock/err" >&2; fail "runtime exited with $code"; }
  history --data "$data" list || fail "history list failed"
  cat "$work/hist.out"
  # Both variables go on being recorded after the fault: their last samples lie seconds after it.
  python3 - "$fault" "$work/hist.out" <<'EOF' || fail "recording stopped at the far-future timestamp"
import sys, datetime
fault = datetime.datetime.fromisoformat(sys.argv[1].replace("Z", "+00:00"))
last = {}
for line in open(sys.argv[2]):
    parts = line.split()
    if len(parts) == 4 and parts[0].startswith("Oven1/"):
        last[parts[0]] = datetime.datetime.fromisoformat(parts[3].replace("Z", "+00:00"))
for p in ("Oven1/Temperature", "Oven1/Pressure"):
    if p not in last or (last[p] - fault).total_seconds() < 3:
        print(f"{p}: last sample {last.get(p)}, fault at {fault}", file=sys.stderr)
        sys.exit(1)
print(f"clock: both variables recorded until {min(last.values())}, {(min(last.values()) - fault).total_seconds():.1f} s after the far-future value")
EOF
}

for scenario in "${scenarios[@]}"; do
  "scenario_$scenario"
done
echo "recording faults passed: ${scenarios[*]}"
