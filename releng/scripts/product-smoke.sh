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
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

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

# A number too large for what it describes: one line, exit 2, no stack trace (it used to exit 0).
code=$(run demo --headless --for 99999999999999999999s --data "$work/never")
[ "$code" = 2 ] || { cat "$work/out" "$work/err" >&2; fail "a duration too long exited with $code"; }
[ "$(wc -l <"$work/err")" = 1 ] && ! grep -q 'Exception' "$work/out" "$work/err" && [ ! -e "$work/never" ] \
  || { cat "$work/out" "$work/err" >&2; fail "a duration too long was not one clear line"; }

code=$(run demo --headless --frobnicate)
[ "$code" = 2 ] && grep -q "unknown option '--frobnicate'" "$work/err" || fail "an unknown option was not reported"
# A command's class archive is written as its first run ends, and holds what that run loaded: a first
# run that failed (here on bad input, after the framework started) must not leave its small archive
# for every later run (ADR 14). A cache of its own, so that this run is the first.
code=$(CONVERGENCE_CACHE="$work/cache-failed" run demo --headless --frobnicate)
[ "$code" = 2 ] || fail "an unknown option exited with $code"
ls "$work"/cache-failed/cds/*-demo.* >/dev/null 2>&1 \
  && { ls -l "$work"/cache-failed/cds >&2; fail "a failed first run left its class archive (or its record) for the next runs"; }
# A first demo stopped as a user stops it (Ctrl-C; here SIGTERM, as a background job ignores SIGINT) is
# a run that ended well: its archive is kept (it used to be deleted, so that an interactive demo never
# got one), and nothing of the making is left beside it.
port=$(free_port)
CONVERGENCE_CACHE="$work/cache-ended" "$root/convergence" demo --headless --port "$port" --data "$work/ended" \
  >"$work/ended.out" 2>"$work/ended.err" &
script=$!
for _ in $(seq 1 600); do grep -q 'first samples stored' "$work/ended.out" && break; sleep 0.2; done
pkill -TERM -P "$script" java
wait "$script"
code=$?
[ "$code" = 143 ] || { cat "$work/ended.out" "$work/ended.err" >&2; fail "a demo stopped with SIGTERM exited with $code"; }
archives=$(ls "$work"/cache-ended/cds/ 2>/dev/null)
grep -qE -- '-demo\.(aot|jsa)$' <<<"$archives" && [ "$(wc -l <<<"$archives")" = 1 ] \
  || { ls -l "$work"/cache-ended/cds >&2; fail "a first demo stopped as a user stops it left no class archive, or more than one file"; }
echo "start-up cache: a first demo stopped with SIGTERM keeps its class archive ($archives); a failed one leaves none"

mkdir -p "$work/corrupt" && head -c 65536 /dev/urandom >"$work/corrupt/historian.duckdb"
code=$(run history --data "$work/corrupt" list)
[ "$code" = 1 ] || { cat "$work/err" >&2; fail "a corrupt data folder exited with $code"; }
[ "$(wc -l <"$work/err")" -le 1 ] || { cat "$work/err" >&2; fail "a corrupt data folder printed more than one line"; }
# The terminal shows that one line, not the framework's log of the component that failed: that goes
# to the log file under CONVERGENCE_HOME/logs.
[ ! -s "$work/out" ] || { head -n 5 "$work/out" >&2; fail "a corrupt data folder printed the framework's log on the terminal"; }
ls "$CONVERGENCE_HOME"/logs/*.log >/dev/null 2>&1 && grep -q 'is not a readable historian database' "$CONVERGENCE_HOME"/logs/*.log \
  || fail "the component's failure is not in a log file under CONVERGENCE_HOME/logs"
# Another OPC UA stack: a node-opcua server (installed by .ci/run into releng/interop).
interop="$root/releng/interop"
if command -v node >/dev/null 2>&1 && [ -d "$interop/node_modules/node-opcua-server" ]; then
  port=$(free_port 2>/dev/null || echo 48411)
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
# The commands above ran the framework from copies without signatures (start-up cache, ADR 14), made from
# jars whose signatures verified; a jar changed after signing is not copied.
. "$root/releng/scripts/jdk.sh" && cw_find_jdk >/dev/null 2>&1 || fail "no JDK 21+ for the framework check"
copies=$(ls "$CONVERGENCE_HOME"/cache/framework/*/org.eclipse.osgi_*.jar 2>/dev/null | head -n 1)
[ -n "$copies" ] || fail "no unsigned copy of the framework in the start-up cache"
"$JAVA_HOME/bin/jar" tf "$copies" >"$work/entries" || fail "the framework's copy is not a readable jar"
grep -qE '^META-INF/[^/]*\.(SF|RSA|DSA|EC)$' "$work/entries" && fail "the framework's copy still holds its signature"
grep -q '^org/eclipse/osgi/launch/EquinoxFactory.class$' "$work/entries" || fail "the framework's copy misses classes"
ls -d "$CONVERGENCE_HOME"/cache/configuration/*-unsigned >/dev/null 2>&1 || fail "no warm configuration area for the unsigned framework"
launcher_jar=$(ls "$root"/releng/io.convergence.repository/target/products/io.convergence.runtime.product/linux/gtk/x86_64/convergence-runtime/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
python3 - "$launcher_jar" "$work/tampered.jar" <<'PY' || fail "could not make a tampered jar"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as out:
    for i in z.infolist():
        d = z.read(i.filename)
        if i.filename.endswith('Main.class'):
            d = d[:-1] + bytes([d[-1] ^ 1])
        out.writestr(i, d)
PY
mkdir -p "$work/unsigned"
"$JAVA_HOME/bin/java" "$root/releng/scripts/UnsignedCopy.java" "$work/unsigned" "$work/tampered.jar" 2>"$work/err" \
  && fail "a jar changed after signing was copied without its signature"
grep -q 'digest error' "$work/err" && [ -z "$(ls -A "$work/unsigned")" ] \
  || { cat "$work/err" >&2; fail "a jar changed after signing was not refused clearly"; }
echo "start-up cache: the framework runs from verified copies without signatures; a changed jar is refused"
# Faults on the recording path: a far-future timestamp from a node-opcua server, kill -9 during a
# 10,000-point ingest and SIGTERM after it, the historian's disk filled and freed (see the script).
bash "$root/releng/scripts/recording-faults.sh" || fail "a recording fault scenario failed"
# The workbench: open every view on the simulated plant, then again without the Events view's
# bundle, on the same workspace (the view must go away and nothing else break).
if [ -n "${DISPLAY:-}" ]; then
  wb_port=$(free_port)
  selftest() { # $1 report folder, $2 product folder or ""
    CONVERGENCE_PRODUCT="$2" CONVERGENCE_JAVA_OPTS="-Xmx1g -Dconvergence.selftest=$1 -Dconvergence.selftest.delay=6000 -Dconvergence.demo.port=$wb_port" \
      timeout 180 "$root/convergence" demo >"$work/wb.out" 2>"$work/wb.err"
  }
  selftest "$work/selftest" ""
  [ -f "$work/selftest/selftest.txt" ] || { cat "$work/wb.out" "$work/wb.err" >&2; fail "the workbench self-test wrote no report"; }
  cat "$work/selftest/selftest.txt"
  grep -q '^FAILED' "$work/selftest/selftest.txt" && fail "a view failed to open"
  grep -q '^ok io.convergence.ui.events.view' "$work/selftest/selftest.txt" || fail "the Events view is missing"
  views=$(grep -c '^ok' "$work/selftest/selftest.txt")

  wb="$root/releng/io.convergence.repository/target/products/io.convergence.workbench.product/linux/gtk/x86_64/convergence-workbench"
  cp -r "$wb" "$work/without-events"
  rm -f "$work/without-events"/plugins/io.convergence.ui.events_*.jar
  sed -i '/^io.convergence.ui.events,/d' "$work/without-events/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
  selftest "$work/selftest2" "$work/without-events"
  [ -f "$work/selftest2/selftest.txt" ] || { cat "$work/wb.out" "$work/wb.err" >&2; fail "the workbench without the Events bundle did not run its self-test"; }
  grep -q '^FAILED' "$work/selftest2/selftest.txt" && fail "a view failed to open without the Events bundle"
  grep -q 'io.convergence.ui.events' "$work/selftest2/selftest.txt" && fail "the Events view is still offered without its bundle"
  grep -q 'io.convergence.ui.events' "$work/wb.err" && { grep 'io.convergence.ui.events' "$work/wb.err" | head -3 >&2; fail "the workbench complained about the removed Events bundle"; }
  [ "$(grep -c '^ok' "$work/selftest2/selftest.txt")" = $((views - 1)) ] || fail "removing the Events bundle changed other views"
  mkdir -p "$root/releng/io.convergence.repository/target/screenshots"
  cp "$work/selftest"/*.png "$root/releng/io.convergence.repository/target/screenshots/" 2>/dev/null
  echo "workbench: $views views opened; without the Events bundle $((views - 1)), nothing else changed"
else
  echo "workbench self-test skipped: no DISPLAY (.ci/run starts Xvfb)"
fi
echo "product smoke test passed: $summary"
