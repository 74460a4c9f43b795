#!/usr/bin/env bash
# Soak: the headless demo recording 10,000 extra points for a long time, with the runtime's heap,
# threads and open files sampled every minute, and the summary at the end. Not part of 'mvn verify'.
#
# Usage: soak-recording.sh [DURATION] [POINTS]     (default: 30m 10000)
# Prints one line per sample (minute, heap used after a full GC, threads, open files, stored) and
# the demo's summary; the figures go to docs/reliability-recording.md.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$root/releng/scripts/jdk.sh"
cw_find_jdk >/dev/null || exit 1
length=${1:-30m}
points=${2:-10000}
work=$(mktemp -d "${TMPDIR:-/tmp}/convergence-soak.XXXXXX")
home="$work/home"
trap 'p=$(pgrep -f "convergence.home=$home" | head -n 1); [ -n "$p" ] && kill -9 "$p"; rm -rf "$work"' EXIT
export CONVERGENCE_SKIP_BUILD=1

CONVERGENCE_HOME="$home" "$root/convergence" demo --headless --points "$points" --for "$length" --data "$work/data" \
  >"$work/out" 2>"$work/err" &
wrapper=$!
pid=""
for _ in $(seq 1 600); do
  pid=$(pgrep -f "convergence.home=$home" | head -n 1)
  [ -n "$pid" ] && grep -q 'connection=CONNECTED' "$work/out" && break
  sleep 0.5
done
[ -n "$pid" ] || { cat "$work/out" "$work/err" >&2; echo "soak: the demo did not start" >&2; exit 1; }

sample() {
  local heap threads files stored
  # Heap in use after a full collection: what the runtime holds, not what it has yet to collect.
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null 2>&1
  heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | sed -n "s/.*used \([0-9]*\)K.*/\1/p" | head -n 1)
  threads=$(sed -n 's/^Threads:\s*//p' "/proc/$pid/status" 2>/dev/null)
  files=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
  stored=$(grep -E '^[0-9:]{8}  points=' "$work/out" | tail -n 1 | sed -n 's/.*stored=\([0-9,]*\).*/\1/p')
  printf '%s  minute=%-4s heap_used=%6s MB  threads=%-4s open_files=%-5s stored=%s\n' "$(date +%H:%M:%S)" "$1" \
    "$(( ${heap:-0} / 1024 ))" "$threads" "$files" "$stored"
}

echo "soak: $points extra points for $length, runtime pid $pid, data in $work/data"
minute=0
while kill -0 "$pid" 2>/dev/null; do
  sample "$minute"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  minute=$((minute + 1))
done
wait "$wrapper"
code=$?
grep -E '^summary:|^recording:|^historian:' "$work/out"
grep -E 'historian=|dropped=|rejected=' "$work/out" | head -n 5
du -sh "$work/data" | sed 's/^/soak: data folder /'
echo "soak: exit code $code"
