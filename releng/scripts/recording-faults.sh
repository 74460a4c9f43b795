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
  # One value, counted once; a server may send the same value twice (sampled again before it changed).
  [ "$(summary_field rejected "$out")" -ge 1 ] || fail "the far-future sample was not counted as rejected"
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

# The java process of a runtime started in the background with home $1 (ours: a folder of $work).
java_of() { pgrep -f "convergence.home=$1" | head -n 1; }
# The stored count of the last status line in file $1.
last_stored() { grep -E '^[0-9:]{8}  points=' "$1" | tail -n 1 | sed -n 's/.*stored=\([0-9,]*\).*/\1/p' | tr -d ,; }
await_stored() { # file, at least, seconds
  local i
  for i in $(seq 1 $(($3 * 5))); do
    [ "$(last_stored "$1")" -ge "$2" ] 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}
POINT=acme/lyon/packaging/line1/filler/vibration

# Gap markers in an export of $POINT: lines "time,,BAD".
gaps_in() { grep -c ',,BAD$' "$1"; }

scenario_kill() {
  local rounds=1 run=4 r data="$work/kill/data" home acked present log
  $long && rounds=5 run=20
  mkdir -p "$work/kill"
  for r in $(seq 1 "$rounds"); do
    home="$work/kill/home$r"
    CONVERGENCE_HOME="$home" "$root/convergence" demo --headless --points 10000 --data "$data" \
      >"$work/kill/out$r" 2>"$work/kill/err$r" &
    children+=($!)
    local wrapper=$!
    await_stored "$work/kill/out$r" $((r * 100000)) 180 || { cat "$work/kill/out$r" "$work/kill/err$r" >&2; fail "round $r: no samples stored"; }
    sleep "$run"
    acked=$(last_stored "$work/kill/out$r")
    kill -9 "$(java_of "$home")"
    wait "$wrapper" 2>/dev/null
    history --data "$data" list || fail "round $r: history list after the kill failed"
    present=$(tail -n 1 "$work/hist.out" | sed -n 's/.* \([0-9]*\) samples$/\1/p')
    echo "kill: round $r: killed with SIGKILL after the runtime reported $acked samples stored; $present present"
    [ "$present" -ge "$acked" ] || fail "round $r: $acked samples were acknowledged, only $present are present"
  done
  # Start again: the gap the kill left is marked, then stop gracefully with SIGTERM.
  home="$work/kill/home-after"
  CONVERGENCE_HOME="$home" CONVERGENCE_LOG_LEVEL=info "$root/convergence" demo --headless --points 10000 --data "$data" \
    >"$work/kill/out-after" 2>"$work/kill/err-after" &
  children+=($!)
  local wrapper=$!
  await_stored "$work/kill/out-after" $((present + 100000)) 180 || { cat "$work/kill/out-after" >&2; fail "no samples after the restart"; }
  kill -TERM "$(java_of "$home")"
  wait "$wrapper"
  local code=$?
  grep '^summary:' "$work/kill/out-after"
  [ "$code" = 0 ] || [ "$code" = 143 ] || { tail -n 20 "$work/kill/err-after" >&2; fail "the runtime stopped with SIGTERM exited with $code"; }
  [ "$(summary_field lost "$work/kill/out-after")" = 0 ] || fail "samples lost at the SIGTERM stop"
  log=$(grep -o 'marked a gap after the last sample of [0-9]* points' "$work/kill/err-after" | head -n 1)
  [ -n "$log" ] || fail "the restart did not mark the gap the kill left"
  echo "kill: the restart $log"
  history --data "$data" export "$POINT" || fail "history export failed"
  # One gap per kill, and the graceful end's marker as the last row.
  [ "$(gaps_in "$work/hist.out")" -ge "$rounds" ] || { tail -n 5 "$work/hist.out" >&2; fail "$POINT has $(gaps_in "$work/hist.out") gap markers for $rounds kills"; }
  tail -n 1 "$work/hist.out" | grep -q ',,BAD$' || fail "the series of $POINT does not end with the graceful stop's gap marker"
  echo "kill: $rounds kills survived; every acknowledged sample present; $(gaps_in "$work/hist.out") gap markers in $POINT (one per kill, one at the SIGTERM stop); lost=0 at SIGTERM"
}

scenario_disk() {
  if [ "$(id -u)" != 0 ]; then
    echo "disk: skipped, mounting a tmpfs needs root (CI runs as root)"
    return 0
  fi
  local cycles=1 disk="$work/disk" home="$work/disk/home" c freed before after
  $long && cycles=5
  mkdir -p "$disk/mnt"
  mount -t tmpfs -o size=96m tmpfs "$disk/mnt" || fail "cannot mount a tmpfs"
  mounted+=("$disk/mnt")
  printf '{ "io.convergence.core.recorder": { "maxQueuedMegabytes": 4 } }\n' >"$disk/recorder.json"
  CONVERGENCE_HOME="$home" "$root/convergence" demo --headless --points 10000 --data "$disk/mnt/data" \
    --config "$disk/recorder.json" >"$disk/out" 2>"$disk/err" &
  children+=($!)
  local wrapper=$!
  await_stored "$disk/out" 100000 180 || { cat "$disk/out" "$disk/err" >&2; fail "no samples stored"; }
  for c in $(seq 1 "$cycles"); do
    local avail
    avail=$(df --output=avail -B1 "$disk/mnt" | tail -n 1)
    head -c $((avail - (6 << 20))) /dev/zero >"$disk/mnt/filler" 2>/dev/null
    before=$(grep -c 'historian=disk-full' "$disk/out")
    for _ in $(seq 1 300); do [ "$(grep -c 'historian=disk-full' "$disk/out")" -gt "$before" ] && break; sleep 0.2; done
    [ "$(grep -c 'historian=disk-full' "$disk/out")" -gt "$before" ] || { tail -n 5 "$disk/out" >&2; fail "cycle $c: the status line never said the disk is full"; }
    sleep 4
    rm -f "$disk/mnt/filler"
    freed=$(date +%s%N)
    after=$(last_stored "$disk/out")
    for _ in $(seq 1 300); do
      local line
      line=$(grep -E '^[0-9:]{8}  points=' "$disk/out" | tail -n 1)
      if ! grep -q 'historian=' <<<"$line" && [ "$(last_stored "$disk/out")" -gt "$after" ]; then break; fi
      sleep 0.2
    done
    grep -E '^[0-9:]{8}  points=' "$disk/out" | tail -n 1 | grep -q 'historian=' && { tail -n 5 "$disk/out" >&2; fail "cycle $c: recording did not resume after the disk was freed"; }
    echo "disk: cycle $c: full, freed, storing again after $(( ($(date +%s%N) - freed) / 1000000 )) ms"
  done
  kill -TERM "$(java_of "$home")"
  wait "$wrapper"
  grep -E 'historian=disk-full' "$disk/out" | head -n 2
  grep -E '^summary:|^recording:' "$disk/out"
  history --data "$disk/mnt/data" export "$POINT" || fail "history export failed"
  local gaps
  gaps=$(gaps_in "$work/hist.out")
  if grep -q '^recording: .* dropped' "$disk/out"; then
    [ "$gaps" -ge 2 ] || fail "samples were dropped but $POINT has no gap marker before its end: $gaps"
  fi
  echo "disk: $cycles outages survived without a restart; $(sed -n 's/^recording: \([0-9,]*\) samples dropped.*/\1/p' "$disk/out" | tr -d , || echo 0) samples dropped while full, $gaps gap markers in $POINT"
}

for scenario in "${scenarios[@]}"; do
  "scenario_$scenario"
done
echo "recording faults passed: ${scenarios[*]}"
