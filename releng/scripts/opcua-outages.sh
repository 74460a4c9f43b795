#!/usr/bin/env bash
# Fault injection, the long variant of ServerOutageTest: the product's runtime records an OPC UA
# server on another stack (node-opcua, releng/interop/outage-server.js) while that server's process
# is killed with SIGKILL and started again on the same port, OUTAGES times. Checks that the runtime
# reports nothing lost, that the connector was back after every outage, and that sampled points
# hold a gap marker per outage. Prints the figures for docs/reliability-opcua.md.
#
# Usage: releng/scripts/opcua-outages.sh [OUTAGES=10] [POINTS=1000] [UP_SECONDS=15]
# Needs: node and releng/interop/node_modules (cd releng/interop && npm install); builds the
# product on first use like ./convergence does.
set -uo pipefail
outages=${1:-10}
points=${2:-1000}
up=${3:-15}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
interop="$root/releng/interop"
work=$(mktemp -d "${TMPDIR:-/tmp}/convergence-outages.XXXXXX")
server=""
runtime=""
# The launcher script runs java as its child: stop the java process, so that it prints its summary.
stop_runtime() {
  local java
  java=$(pgrep -P "$runtime" java | head -n 1)
  kill -TERM "${java:-$runtime}" 2>/dev/null
  wait "$runtime"
}
cleanup() {
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null
  [ -n "$runtime" ] && stop_runtime
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "opcua outages FAILED: $*" >&2; exit 1; }
command -v node >/dev/null 2>&1 || fail "node is not installed"
[ -d "$interop/node_modules/node-opcua-server" ] || fail "no node-opcua: cd releng/interop && npm install"
export CONVERGENCE_HOME="$work/home"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="opc.tcp://127.0.0.1:$port/UA/Outage"

start_server() {
  node "$interop/outage-server.js" "$port" "$points" 500 >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do grep -q '^ready' "$work/server.log" && return 0; sleep 0.1; done
  cat "$work/server.log" >&2
  fail "the server did not start within 60 s"
}
connected_count() { grep -c 'connection=CONNECTED' "$work/runtime.out" 2>/dev/null || echo 0; }

start_server
length=$(( (outages + 1) * (up + 30) + 30 ))
"$root/convergence" runtime --connect "$url" --for "${length}s" --data "$work/data" --pki "$work/pki" \
  >"$work/runtime.out" 2>"$work/runtime.err" &
runtime=$!
began=$(date +%s)
back=0
for i in $(seq 1 "$outages"); do
  # Up: wait until the runtime reports the connection, then let it record for UP_SECONDS.
  for _ in $(seq 1 600); do
    tail -n 1 "$work/runtime.out" 2>/dev/null | grep -q 'connection=CONNECTED' && break; sleep 0.2
  done
  tail -n 1 "$work/runtime.out" | grep -q 'connection=CONNECTED' || fail "not connected before outage $i"
  back=$((back + 1))
  sleep "$up"
  kill -9 "$server"; wait "$server" 2>/dev/null; server=""
  echo "outage $i: server killed at $(date +%T)"
  sleep 2
  start_server
done
for _ in $(seq 1 600); do tail -n 1 "$work/runtime.out" | grep -q 'connection=CONNECTED' && break; sleep 0.2; done
tail -n 1 "$work/runtime.out" | grep -q 'connection=CONNECTED' && back=$((back + 1))
sleep "$up"
stop_runtime; code=$?; runtime=""
elapsed=$(( $(date +%s) - began ))
summary=$(grep '^summary:' "$work/runtime.out") || { cat "$work/runtime.out" "$work/runtime.err" >&2; fail "no summary"; }
grep -q '^warning: security None' "$work/runtime.out" || fail "no warning about security None"
samples=$(sed -n 's/.*samples=\([0-9]*\).*/\1/p' <<<"$summary")
lost=$(sed -n 's/.*lost=\([0-9]*\).*/\1/p' <<<"$summary")

# Gap markers of a few points: one per outage at least (a marker is a row with quality BAD and no value).
marked=0
checked=0
for p in Plant/Cell0/v0 Plant/Cell3/v317 Plant/Cell9/v999; do
  [ "$points" -gt "${p##*/v}" ] || continue
  CONVERGENCE_SKIP_BUILD=1 "$root/convergence" history --data "$work/data" export "$p" >"$work/export.csv" 2>"$work/export.err" \
    || { cat "$work/export.err" >&2; fail "history export $p"; }
  gaps=$(grep -c ',,BAD$' "$work/export.csv")
  echo "$p: $(($(wc -l <"$work/export.csv") - 1)) rows, $gaps gap markers"
  [ "$gaps" -ge "$outages" ] && marked=$((marked + 1))
  checked=$((checked + 1))
done
echo "$summary"
echo "figures: outages=$outages points=$points survived=$((back - 1))/$outages samples=$samples lost=$lost" \
  "points-with-a-marker-per-outage=$marked/$checked seconds=$elapsed"
[ "$lost" = 0 ] || fail "samples lost: $summary"
[ "$back" -eq $((outages + 1)) ] || fail "the connector came back $((back - 1)) times of $outages"
[ "$marked" -eq "$checked" ] || fail "a point lacks a gap marker for an outage"
