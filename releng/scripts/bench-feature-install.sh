#!/usr/bin/env bash
# Benchmark: time from "install this connector feature" to its first sample in the historian,
#   live      the product runs; 'features install' commits, the running product starts the bundle;
#   baseline  the same install while the product is stopped (a p2 director run), then a restart.
# Both on copies of the built runtime product and the simulated plant, in the same run; prints both
# and the ratio. Usage: releng/scripts/bench-feature-install.sh [ROUNDS]   (default 3)
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$root/releng/scripts/jdk.sh"
cw_find_jdk >/dev/null || exit 1
rounds=${1:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/convergence-bench-install.XXXXXX")
trap 'pkill -f "convergence.home=$work/" 2>/dev/null; rm -rf "$work"' EXIT
built="$root/releng/io.convergence.repository/target/products/io.convergence.runtime.product/linux/gtk/x86_64/convergence-runtime"
[ -d "$built" ] || { echo "bench: build the product first (./mvnw -DskipTests verify)" >&2; exit 1; }
export CONVERGENCE_SKIP_BUILD=1
feature=com.example.partner.connector.feature point=partner/example/counter
"$root/mvnw" -B -q -f "$root/sdk/partner-connector/pom.xml" clean verify \
  -Dconvergence.repository="file:$root/releng/io.convergence.repository/target/repository" >"$work/sdk.log" 2>&1 \
  || { tail -n 20 "$work/sdk.log" >&2; exit 1; }
cp -r "$root/sdk/partner-connector/repository/target/repository" "$work/repo"
now_ms() { date +%s%3N; }
first_sample_ms() { # data folder: the connector's first sample time, in ms since the epoch
  "$root/convergence" history --data "$1" export "$point" 2>/dev/null | sed -n '2p' | cut -d, -f1 \
    | xargs -I{} date -d {} +%s%3N; }
setup() { # round, mode: a fresh product and home
  rm -rf "$work/p" "$work/h" "$work/d"; cp -r "$built" "$work/p"
  export CONVERGENCE_PRODUCT="$work/p" CONVERGENCE_HOME="$work/h"
  "$root/convergence" features trust allow-unsigned "$work/repo" >/dev/null 2>&1
  "$root/convergence" features history >/dev/null 2>&1; }
start_demo() { "$root/convergence" demo --headless --for 90s --data "$work/d" >"$work/demo.out" 2>&1 &
  for _ in $(seq 1 240); do grep -q 'points=' "$work/demo.out" && return 0; sleep 0.25; done; return 1; }
wait_point() { for _ in $(seq 1 240); do grep -q 'applied live: +com.example' "$work/demo.out" && return 0; sleep 0.25; done; return 1; }
stop_demo() { pkill -TERM -f "convergence.home=$work/h" 2>/dev/null; wait 2>/dev/null; }
live=() base=()
for r in $(seq 1 "$rounds"); do
  setup; start_demo || { echo "bench: the product did not start" >&2; exit 1; }
  sleep 2; t0=$(now_ms)
  "$root/convergence" features install $feature --repo "$work/repo" >/dev/null 2>&1 || { echo "bench: install failed" >&2; exit 1; }
  wait_point; sleep 2; stop_demo
  live+=($(( $(first_sample_ms "$work/d") - t0 )))

  setup; start_demo; sleep 2; stop_demo        # the product ran, and is stopped for the director run
  t0=$(now_ms)
  "$root/convergence" features install $feature --repo "$work/repo" >/dev/null 2>&1 || { echo "bench: install failed" >&2; exit 1; }
  start_demo; for _ in $(seq 1 60); do grep -q "points=4[6-9]\|points=[5-9][0-9]" "$work/demo.out" && break; sleep 0.25; done
  sleep 2; stop_demo
  base+=($(( $(first_sample_ms "$work/d") - t0 )))
  echo "round $r: live ${live[-1]} ms, director run + restart ${base[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ml=$(median "${live[@]}") mb=$(median "${base[@]}")
echo "install to first sample, median of $rounds: live ${ml} ms, director run + restart ${mb} ms, ratio $(awk -v a="$mb" -v b="$ml" 'BEGIN{printf "%.2f", a/b}')x faster live"
