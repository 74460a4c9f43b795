#!/usr/bin/env bash
# The command-line fuzzer (tests/io.convergence.runtime.tests, CliFuzzTest) with more inputs or another
# seed than the run in './mvnw verify'. Every input and its outcome go to a log; the figures and any
# finding (each with its seed and input number) are printed at the end.
#
#   releng/scripts/fuzz-cli.sh                   20,000 inputs of the verify seed (about 6 minutes)
#   releng/scripts/fuzz-cli.sh --inputs N --seed S --log FILE
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
inputs=20000 seed=20261206 log="$root/target/fuzz-cli.log"
while [ $# -gt 0 ]; do
  case "$1" in
    --inputs) inputs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --log) log="$2"; shift 2 ;;
    *) echo "usage: $0 [--inputs N] [--seed S] [--log FILE]" >&2; exit 2 ;;
  esac
done
mkdir -p "$(dirname "$log")" "$root/target"
cd "$root"
set +e
./mvnw -o -B -q verify -pl bundles/io.convergence.runtime,tests/io.convergence.runtime.tests -am \
  -Dtest=CliFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dconvergence.test.vmargs="-Djava.net.preferIPv4Stack=true -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
-Dconvergence.fuzz.inputs=$inputs -Dconvergence.fuzz.seed=$seed -Dconvergence.fuzz.log=$log" >"$root/target/fuzz-cli-build.log" 2>&1
code=$?
set -e
report="$root/tests/io.convergence.runtime.tests/target/fuzz-cli.txt"
[ -f "$report" ] && cat "$report" || tail -n 30 "$root/target/fuzz-cli-build.log"
echo "every input and its outcome: $log"
exit $code
