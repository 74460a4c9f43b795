#!/usr/bin/env bash
# Starts the materialized runtime product as a user would (./convergence, without rebuilding) and
# checks that every bundle resolves, the simulated plant is recorded with nothing lost, the data
# folder can be listed afterwards, and bad input gives one clear line with a non-zero exit.
# Run by 'mvn verify' in releng/io.convergence.repository after the product is materialized.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/convergence-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
export CONVERGENCE_SKIP_BUILD=1 CONVERGENCE_HOME="$work/home"
fail() { echo "product smoke test FAILED: $*" >&2; exit 1; }
run() { "$root/convergence" "$@" >"$work/out" 2>"$work/err"; echo $?; }

code=$(run demo --headless --for 8s --data "$work/data")
cat "$work/out"
[ "$code" = 0 ] || { cat "$work/err" >&2; fail "demo exited with $code"; }
grep -q "Could not resolve" "$work/err" && { cat "$work/err" >&2; fail "a bundle did not resolve"; }
summary=$(grep '^summary:' "$work/out") || fail "no summary line"
samples=$(sed -n 's/.*samples=\([0-9]*\).*/\1/p' <<<"$summary")
lost=$(sed -n 's/.*lost=\([0-9]*\).*/\1/p' <<<"$summary")
[ "${samples:-0}" -gt 0 ] || fail "no samples recorded: $summary"
[ "$lost" = 0 ] || fail "samples lost: $summary"

code=$(run history --data "$work/data" list)
[ "$code" = 0 ] || { cat "$work/err" >&2; fail "history list exited with $code"; }
grep -q 'acme/lyon/packaging/line1/filler/vibration' "$work/out" || fail "history list misses the filler's vibration"

code=$(run runtime --connect 'opc.tcp://127.0.0.1:notaport' --for 1s)
[ "$code" = 2 ] || fail "a malformed URL exited with $code"
[ "$(wc -l <"$work/err")" -le 1 ] || { cat "$work/err" >&2; fail "a malformed URL printed more than one line"; }

code=$(run demo --headless --frobnicate)
[ "$code" = 2 ] && grep -q "unknown option '--frobnicate'" "$work/err" || fail "an unknown option was not reported"

mkdir -p "$work/corrupt" && head -c 65536 /dev/urandom >"$work/corrupt/historian.duckdb"
code=$(run history --data "$work/corrupt" list)
[ "$code" = 1 ] || { cat "$work/err" >&2; fail "a corrupt data folder exited with $code"; }
[ "$(wc -l <"$work/err")" -le 1 ] || { cat "$work/err" >&2; fail "a corrupt data folder printed more than one line"; }
# Another OPC UA stack: a node-opcua server (installed by .ci/run into releng/interop).
interop="$root/releng/interop"
if command -v node >/dev/null 2>&1 && [ -d "$interop/node_modules/node-opcua-server" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 48411)
  node "$interop/press-server.js" "$port" >"$work/press.log" 2>&1 &
  press=$!
  for _ in $(seq 1 100); do grep -q '^ready' "$work/press.log" && break; sleep 0.2; done
  code=$(run runtime --connect "opc.tcp://127.0.0.1:$port/UA/Press" --for 5s --data "$work/press" --pki "$work/pki")
  kill "$press" 2>/dev/null; wait "$press" 2>/dev/null
  [ "$code" = 0 ] || { cat "$work/out" "$work/err" "$work/press.log" >&2; fail "recording the node-opcua server exited with $code"; }
  code=$(run history --data "$work/press" list)
  for p in Press1/Force Press1/Stroke Press1/OilTemp Press1/Strokes Press1/Mode; do
    grep -q "^$p " "$work/out" || { cat "$work/out" >&2; fail "the node-opcua server's $p was not recorded"; }
  done
  echo "interoperability: every variable of a node-opcua server recorded"
else
  echo "interoperability check skipped: no node-opcua in releng/interop (.ci/run installs it)"
fi
echo "product smoke test passed: $summary"
