#!/usr/bin/env bash
# End-to-end test of feature management, as an admin and a partner would do it: builds the partner
# template from sdk/ (signed with a throwaway certificate, and unsigned), starts a copy of the
# runtime product on the simulated plant, installs the partner's connector into it while it runs,
# sees it come up and publish, uninstalls it (its thread ends, nothing else restarts, recorded
# data stays), reverts to the state with it and back to the first state, and checks the
# installation is then exactly as it was. Refusals change nothing: an unsigned feature under a
# policy that refuses it, a feature of metadata only whose instruction would make a folder, a
# conflicting feature, a bundle with a missing import or a bad manifest, an unknown feature and an
# unreachable repository. Trust edits: a plain http: repository needs --insecure, edits made by
# processes at the same time are all kept; the audit log's hash chain finds an edited line.
# Run by 'mvn verify' in releng/io.convergence.repository after the product smoke test.
# Waits are generous (a minute for a live change): CI machines are shared and often loaded.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$root/releng/scripts/jdk.sh"
cw_find_jdk >/dev/null || exit 1
work=$(mktemp -d "${TMPDIR:-/tmp}/convergence-features-e2e.XXXXXX")
demo="" wb=""
cleanup() {
  [ -n "$demo" ] && kill "$demo" 2>/dev/null
  [ -n "$wb" ] && kill "$wb" 2>/dev/null # the workbench of the view template's test
  wait 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "feature management e2e FAILED: $*" >&2; [ -f "$work/demo.out" ] && tail -n 20 "$work/demo.out" >&2; exit 1; }
step() { echo "e2e: $*"; }

built="$root/releng/io.convergence.repository/target/products/io.convergence.runtime.product/linux/gtk/x86_64/convergence-runtime"
[ -d "$built" ] || fail "no runtime product in $built"
cp -r "$built" "$work/product"
export CONVERGENCE_SKIP_BUILD=1 CONVERGENCE_HOME="$work/home" CONVERGENCE_PRODUCT="$work/product"
cw() { "$root/convergence" "$@" >"$work/out" 2>"$work/err"; echo $?; }
info="$work/product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
feature=com.example.partner.connector.feature

# The partner: a certificate, and the template built against our published repository.
step "building the partner template (signed and unsigned)"
"$JAVA_HOME/bin/keytool" -genkeypair -keystore "$work/partner.p12" -storetype PKCS12 -storepass partner \
  -alias partner -keyalg EC -groupname secp256r1 -dname "CN=Example Partner, O=Example Partner" -validity 30 >/dev/null 2>&1 \
  || fail "keytool could not make a key"
"$JAVA_HOME/bin/keytool" -exportcert -rfc -keystore "$work/partner.p12" -storepass partner -alias partner \
  -file "$work/partner.pem" >/dev/null 2>&1 || fail "keytool could not export the certificate"
sdk() { "$root/mvnw" -B -q -f "$root/sdk/partner-connector/pom.xml" clean verify \
  -Dconvergence.repository="file:$root/releng/io.convergence.repository/target/repository" "$@" >"$work/sdk.log" 2>&1 \
  || { tail -n 30 "$work/sdk.log" >&2; fail "the partner template did not build"; }; }
sdk
cp -r "$root/sdk/partner-connector/repository/target/repository" "$work/unsigned"
sdk -Dsign.keystore="$work/partner.p12" -Dsign.alias=partner -Dsign.storepass=partner
cp -r "$root/sdk/partner-connector/repository/target/repository" "$work/signed"
for j in "$work"/signed/plugins/*.jar "$work"/signed/features/*.jar; do
  "$JAVA_HOME/bin/jarsigner" -verify "$j" >/dev/null 2>&1 || fail "$j is not signed"
done
for k in conflict missing-import bad-manifest; do
  python3 "$root/releng/scripts/repo_fixtures.py" "$work/unsigned" "$work/$k" "$k" || fail "fixture $k"
done
python3 "$root/releng/scripts/repo_fixtures.py" - "$work/metadata-only" metadata-only "$work/made-by-metadata" \
  || fail "fixture metadata-only"

# The running product.
step "starting the runtime on the simulated plant"
"$root/convergence" demo --headless --for 900s --data "$work/data" >"$work/demo.out" 2>"$work/demo.err" &
demo=$!
for _ in $(seq 1 120); do grep -q 'points=' "$work/demo.out" && break; sleep 0.5; done
grep -q 'points=' "$work/demo.out" || { cat "$work/demo.err" >&2; fail "the runtime did not start"; }
points() { grep -o 'points=[0-9]*' "$work/demo.out" | tail -n 1 | cut -d= -f2; }
await() { # pattern, seconds
  for _ in $(seq 1 $(($2 * 4))); do grep -q "$1" "$work/demo.out" && return 0; sleep 0.25; done; return 1; }
sleep 2
base=$(grep -o 'points=[0-9]*' "$work/demo.out" | tail -n 1 | cut -d= -f2)
cp "$info" "$work/bundles.info.before"
cw features history >/dev/null; states_before=$(grep -c '^ *[0-9]' "$work/out")
pid=$(pgrep -f "convergence.home=$work/home" | head -n 1)

unchanged() { # what was refused must have changed nothing
  cmp -s "$info" "$work/bundles.info.before" || fail "$1 changed bundles.info"
  cw features history >/dev/null; [ "$(grep -c '^ *[0-9]' "$work/out")" = "$states_before" ] || fail "$1 added a state to the history"
  ls "$work/product/plugins" | grep -q '^com.example.partner' && fail "$1 left the partner's jar in the installation"
  return 0
}

step "refusals change nothing"
code=$(cw features install $feature --repo "$work/unsigned")
[ "$code" = 1 ] && grep -q 'unsigned content' "$work/err" || { cat "$work/err" >&2; fail "unsigned content was not refused ($code)"; }
unchanged "a refused unsigned install"
code=$(cw features install $feature --repo "$work/signed")
[ "$code" = 1 ] && grep -q "does not trust" "$work/err" || { cat "$work/err" >&2; fail "an untrusted publisher was not refused ($code)"; }
unchanged "a refused untrusted install"
code=$(cw features install com.example.metadata.only --repo "$work/metadata-only")
[ "$code" = 1 ] && grep -q 'instructions that change the installation' "$work/err" && grep -q 'mkdir' "$work/err" \
  || { cat "$work/out" "$work/err" >&2; fail "a feature of metadata only with a mkdir instruction was not refused ($code)"; }
[ -e "$work/made-by-metadata" ] && fail "the refused feature's instruction ran: $work/made-by-metadata exists"
unchanged "a refused metadata-only install"
code=$(cw features preview install $feature --repo "$work/conflict")
[ "$code" = 1 ] && grep -q 'problem:' "$work/out" && grep -qi 'only one of the following\|conflict' "$work/out" \
  || { cat "$work/out" "$work/err" >&2; fail "the conflicting feature's preview did not show the conflict ($code)"; }
grep -q 'io.convergence.runtime' "$work/out" || fail "the conflict does not name the bundle in conflict"
code=$(cw features install $feature --repo "$work/conflict")
[ "$code" = 1 ] || fail "the conflicting feature was installed ($code)"
unchanged "a conflicting install"
for k in missing-import bad-manifest; do
  cw features trust allow-unsigned "$work/$k" >/dev/null
  code=$(cw features install $feature --repo "$work/$k")
  [ "$code" = 1 ] || { cat "$work/out" "$work/err" >&2; fail "the $k bundle was installed ($code)"; }
  [ "$(wc -l <"$work/err" | tr -d ' ')" -le 4 ] || { cat "$work/err" >&2; fail "the $k failure is not short"; }
  unchanged "the $k install"
done
cw features install $feature --repo "$work/missing-import" >/dev/null; grep -q 'com.example.absent' "$work/err" \
  || { cat "$work/err" >&2; fail "the missing import is not named"; }
code=$(cw features install no.such.feature --repo "$work/signed")
[ "$code" = 1 ] && grep -q "no feature 'no.such.feature'" "$work/err" || { cat "$work/err" >&2; fail "an unknown feature: $code"; }
code=$(cw features install $feature --repo http://127.0.0.1:9/nothing)
[ "$code" = 1 ] && grep -q 'cannot be read' "$work/err" || { cat "$work/err" >&2; fail "an unreachable repository: $code"; }
unchanged "the unknown feature and unreachable repository"
cw features audit >/dev/null; grep -q 'refused' "$work/out" || fail "the audit log misses the refusals"
grep -q ' intent ' "$work/out" || fail "the audit log has no intent entries"

step "trust edits: plain http needs --insecure; edits of several processes at once are all kept"
code=$(cw features trust allow-unsigned http://127.0.0.1:9/plain)
[ "$code" = 2 ] && grep -q -- '--insecure' "$work/err" || { cat "$work/err" >&2; fail "allow-unsigned of a plain http: URL without --insecure: $code"; }
cw features trust >/dev/null; grep -q '127.0.0.1:9/plain' "$work/out" && fail "the refused http: rule was added"
code=$(cw features trust allow-unsigned http://127.0.0.1:9/plain --insecure)
[ "$code" = 0 ] && grep -q '^warning: .*http:' "$work/err" || { cat "$work/err" >&2; fail "allow-unsigned --insecure: $code, or no warning"; }
cw features trust refuse-unsigned http://127.0.0.1:9/plain >/dev/null
editors=()
for i in 1 2 3 4; do
  "$root/convergence" features trust allow-unsigned "https://127.0.0.1:9/r$i" >"$work/edit$i.out" 2>&1 &
  editors+=($!)
done
for e in "${editors[@]}"; do wait "$e"; done
cw features trust >/dev/null
for i in 1 2 3 4; do
  grep -q "https://127.0.0.1:9/r$i" "$work/out" || { cat "$work"/edit*.out >&2; fail "a concurrent trust edit was lost (r$i)"; }
done
for i in 1 2 3 4; do cw features trust refuse-unsigned "https://127.0.0.1:9/r$i" >/dev/null; done

step "installing the signed partner connector into the running product"
code=$(cw features trust add-certificate "$work/partner.pem")
[ "$code" = 0 ] || { cat "$work/err" >&2; fail "trust add-certificate: $code"; }
code=$(cw features preview install $feature --repo "$work/signed")
[ "$code" = 0 ] && grep -q 'add      com.example.partner.connector ' "$work/out" && grep -q 'restart: not needed' "$work/out" \
  || { cat "$work/out" "$work/err" >&2; fail "the preview is not the expected plan"; }
code=$(cw features install $feature --repo "$work/signed")
[ "$code" = 0 ] || { cat "$work/out" "$work/err" >&2; fail "install exited with $code"; }
await 'applied live: +com.example.partner.connector' 60 || fail "the running product did not pick up the connector"
for _ in $(seq 1 20); do [ "$(points)" -gt "$base" ] && break; sleep 0.5; done
[ "$(points)" -gt "$base" ] || fail "the connector's points did not appear (points=$(points), before $base)"
cw features list >/dev/null; grep -q "^$feature .* trusted" "$work/out" || { cat "$work/out" >&2; fail "list does not show the trusted partner feature"; }
grep -q 'signed by CN=Example Partner' "$work/out" || fail "list does not name the signer"
"$JAVA_HOME/bin/jcmd" "$pid" Thread.print 2>/dev/null | grep -q '"example-connector-' || fail "the connector's thread is not running"
cw features history >/dev/null; installed_state=$(grep -c '^ *[0-9]' "$work/out")

step "uninstalling it while the product runs"
code=$(cw features uninstall $feature)
[ "$code" = 0 ] || { cat "$work/err" >&2; fail "uninstall exited with $code"; }
await 'applied live: -com.example.partner.connector' 60 || fail "the running product did not drop the connector"
sleep 2
[ "$(points)" = "$base" ] || fail "the connector's points did not go (points=$(points), before $base)"
"$JAVA_HOME/bin/jcmd" "$pid" Thread.print 2>/dev/null | grep -q '"example-connector-' && fail "the connector's thread still runs"
grep -q 'connection=CONNECTED' <(tail -n 1 "$work/demo.out") || fail "the plant connection did not survive"

step "reverting to the state with the connector, then to the first state"
code=$(cw features revert "$installed_state")
[ "$code" = 0 ] || { cat "$work/out" "$work/err" >&2; fail "revert $installed_state exited with $code"; }
await 'applied live: +com.example.partner.connector' 60 || fail "revert did not bring the connector back live"
code=$(cw features revert "$states_before")
[ "$code" = 0 ] || { cat "$work/out" "$work/err" >&2; fail "revert $states_before exited with $code"; }
sleep 3
cmp -s "$info" "$work/bundles.info.before" || { diff "$work/bundles.info.before" "$info" >&2; fail "revert did not restore bundles.info exactly"; }
[ "$(points)" = "$base" ] || fail "after revert, points=$(points), before $base"

step "the audit log's hash chain"
code=$(cw features audit --verify)
[ "$code" = 0 ] && grep -q 'the hash chain is intact' "$work/out" || { cat "$work/out" "$work/err" >&2; fail "audit --verify: $code"; }
cp "$work/product/admin/audit.log" "$work/audit.log.bak"
sed -i '3s/"user":"[^"]*"/"user":"mallory"/' "$work/product/admin/audit.log"
code=$(cw features audit --verify)
[ "$code" = 1 ] && grep -q 'line 3 was changed' "$work/out" || { cat "$work/out" "$work/err" >&2; fail "an edited audit line was not found ($code)"; }
cw features audit >/dev/null; grep -q 'mallory' "$work/out" && grep -q 'audit --verify' "$work/err" \
  || fail "'features audit' does not warn about the edited log"
cp "$work/audit.log.bak" "$work/product/admin/audit.log"

step "the product still works"
# SIGTERM: a background job of a script ignores SIGINT; the runtime prints its summary on either.
kill -TERM "$pid"; wait "$demo"; demo=""
summary=$(grep '^summary:' "$work/demo.out") || fail "the runtime printed no summary"
grep -q 'lost=0' <<<"$summary" || fail "samples lost: $summary"
grep -q 'features: cannot apply' "$work/demo.out" && fail "a change could not be applied live"
code=$(cw history --data "$work/data" list)
grep -q 'partner/example' "$work/out" || { cat "$work/out" >&2; fail "the connector's recorded samples are gone"; }
grep -q 'acme/lyon/packaging/line1/filler/vibration' "$work/out" || fail "the plant's samples are gone"
code=$(cw demo --headless --for 3s --data "$work/data2")
[ "$code" = 0 ] || { cat "$work/err" >&2; fail "the product does not start after the changes"; }
# ==== BEGIN view template (sdk/partner-view) =====================================================
# The partner's view: built against our repository and signed like the connector (in the background,
# beside the model template's run below), then installed live into a running workbench, the rich
# client, on this display. Show View lists it at once and opens it (keys typed as a person would:
# Ctrl+3, the view's name, Enter); uninstalling closes the open view and takes it out of Show View;
# reverting to the state with it brings it back. The workbench reports views coming and going on its
# standard output, as products report live feature changes.
view_template_build_start() {
  [ -n "${DISPLAY:-}" ] || return 0
  ( "$root/mvnw" -B -q -f "$root/sdk/partner-view/pom.xml" clean verify \
      -Dconvergence.repository="file:$root/releng/io.convergence.repository/target/repository" \
      -Dsign.keystore="$work/partner.p12" -Dsign.alias=partner -Dsign.storepass=partner >"$work/sdk-view.log" 2>&1
    echo $? >"$work/sdk-view.code" ) &
  view_build=$!
}
view_template_e2e() {
  if [ -z "${DISPLAY:-}" ]; then echo "e2e: view template skipped: no DISPLAY (.ci/run starts Xvfb)"; return 0; fi
  local t0=$SECONDS view=com.example.partner.view.feature id=com.example.partner.view.statistics
  local out="$work/wb.out" shots="$root/releng/io.convergence.repository/target/screenshots" state port history
  local x=(python3 "$root/releng/scripts/xinput.py")
  wcw() { CONVERGENCE_PRODUCT="$work/wb-product" CONVERGENCE_CACHE=off cw "$@"; }
  wawait() { for _ in $(seq 1 $(($2 * 4))); do [ "$(grep -c "$1" "$out")" -ge "${3:-1}" ] && return 0; sleep 0.25; done; return 1; }

  step "starting the workbench on the simulated plant"
  cp -r "$root/releng/io.convergence.repository/target/products/io.convergence.workbench.product/linux/gtk/x86_64/convergence-workbench" \
    "$work/wb-product"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  CONVERGENCE_PRODUCT="$work/wb-product" CONVERGENCE_CACHE=off CONVERGENCE_JAVA_OPTS="-Xmx1g -Dconvergence.demo.port=$port" \
    "$root/convergence" demo >"$out" 2>"$work/wb.err" &
  demo=$!
  [ "$(wcw features trust add-certificate "$work/partner.pem")" = 0 ] || { cat "$work/err" >&2; fail "trust in the workbench"; }
  wait "$view_build"
  [ "$(cat "$work/sdk-view.code")" = 0 ] || { tail -n 30 "$work/sdk-view.log" >&2; fail "the partner view template did not build"; }
  echo "e2e: view template built and signed beside the model template (waited $((SECONDS - t0)) s for it and the trust)"
  cp -r "$root/sdk/partner-view/repository/target/repository" "$work/view-signed"
  for j in "$work"/view-signed/plugins/*.jar "$work"/view-signed/features/*.jar; do
    "$JAVA_HOME/bin/jarsigner" -verify "$j" >/dev/null 2>&1 || fail "$j is not signed"
  done
  "${x[@]}" window 60 || { cat "$work/wb.err" >&2; fail "the workbench window did not open"; }
  wb=$(pgrep -f "convergence.demo=true.*osgi.install.area=$work/wb-product" | head -n 1)

  step "installing the signed partner view into the running workbench"
  [ "$(wcw features install $view --repo "$work/view-signed")" = 0 ] && grep -q 'restart: not needed' "$work/out" \
    || { cat "$work/out" "$work/err" >&2; fail "view install (or it asks for a restart)"; }
  wawait 'applied live: +com.example.partner.view ' 30 || fail "the running workbench did not pick up the view"
  wawait "views: added $id to Show View (Example Partner > Window Statistics)" 10 || fail "Show View does not list the view"
  wcw features history >/dev/null & history=$! # the state to revert to, read meanwhile
  "${x[@]}" keys ctrl+3 new-window "text:Window Statistics" Return Return || fail "could not open the view with Show View"
  sleep 1; mkdir -p "$shots" && "${x[@]}" shot "$shots/partner-view.png"
  wait "$history"; state=$(grep -c '^ *[0-9]' "$work/out")

  step "uninstalling the view while the workbench runs, then reverting to the state with it"
  [ "$(wcw features uninstall $view)" = 0 ] || { cat "$work/err" >&2; fail "view uninstall"; }
  wawait 'applied live: -com.example.partner.view ' 30 || fail "the running workbench did not drop the view"
  grep -q "views: removed $id from Show View; closed the open parts \[$id\]" "$out" \
    || { cat "$out" >&2; fail "uninstalling did not close the view opened through Show View"; }
  [ "$(wcw features revert "$state")" = 0 ] || { cat "$work/out" "$work/err" >&2; fail "revert $state"; }
  wawait "views: added $id to Show View" 30 2 || fail "revert did not bring the view back into Show View"
  grep -E 'Exception|Error' "$work/wb.err" | grep -q 'com.example.partner.view' \
    && { grep -B2 -A8 'com.example.partner.view' "$work/wb.err" | head -n 30 >&2; fail "the workbench logged an error of the view"; }
  kill -TERM "$wb"; wait "$demo"; demo="" wb=""
  echo "e2e: view template: listed in Show View, opened, closed by uninstall and back by revert, live ($((SECONDS - t0)) s)"
}
view_template_build_start
# ==== END view template (the test runs after the analytics model template's) ======================
# ==== BEGIN analytics model template (sdk/partner-model) ========================================
# The partner's analytics model: built against our repository and signed like the connector,
# installed live into a running product next to the connector whose temperature it takes by
# default; its five output points appear, its statistics are stored under
# partner/example/statistics, and uninstalling it withdraws the points and leaves its checkpoint.
model_template_e2e() {
  local model=com.example.partner.model.feature out="$work/model-demo.out" data="$work/model-data"
  local mpid before mlog="$work/sdk-model.log"
  step "building the partner model template (signed)"
  "$root/mvnw" -B -q -f "$root/sdk/partner-model/pom.xml" clean verify \
    -Dconvergence.repository="file:$root/releng/io.convergence.repository/target/repository" \
    -Dsign.keystore="$work/partner.p12" -Dsign.alias=partner -Dsign.storepass=partner >"$mlog" 2>&1 \
    || { tail -n 30 "$mlog" >&2; fail "the partner model template did not build"; }
  cp -r "$root/sdk/partner-model/repository/target/repository" "$work/model-signed"
  for j in "$work"/model-signed/plugins/*.jar "$work"/model-signed/features/*.jar; do
    "$JAVA_HOME/bin/jarsigner" -verify "$j" >/dev/null 2>&1 || fail "$j is not signed"
  done

  step "installing the connector and the model template into a running product"
  "$root/convergence" demo --headless --for 600s --data "$data" >"$out" 2>"$work/model-demo.err" &
  demo=$!
  for _ in $(seq 1 120); do grep -q 'points=' "$out" && break; sleep 0.5; done
  grep -q 'points=' "$out" || { cat "$work/model-demo.err" >&2; fail "the runtime did not start for the model"; }
  mpoints() { grep -o 'points=[0-9]*' "$out" | tail -n 1 | cut -d= -f2; }
  mawait() { for _ in $(seq 1 $(($2 * 4))); do grep -q "$1" "$out" && return 0; sleep 0.25; done; return 1; }
  sleep 2
  before=$(mpoints)
  mpid=$(pgrep -f "convergence.home=$work/home" | head -n 1)
  [ "$(cw features install $feature --repo "$work/signed")" = 0 ] || { cat "$work/err" >&2; fail "connector install for the model"; }
  mawait 'applied live: +com.example.partner.connector' 20 || fail "the connector did not come up for the model"
  [ "$(cw features preview install $model --repo "$work/model-signed")" = 0 ] && grep -q 'restart: not needed' "$work/out" \
    || { cat "$work/out" "$work/err" >&2; fail "the model's preview asks for a restart"; }
  [ "$(cw features install $model --repo "$work/model-signed")" = 0 ] || { cat "$work/out" "$work/err" >&2; fail "model install"; }
  mawait 'applied live: +com.example.partner.model' 20 || fail "the running product did not pick up the model"
  for _ in $(seq 1 20); do [ "$(mpoints)" -ge $((before + 7)) ] && break; sleep 0.5; done
  [ "$(mpoints)" = $((before + 7)) ] || fail "the model's outputs were not announced (points=$(mpoints), before $before, +2 connector +5 model)"
  cw features list >/dev/null; grep -q "^$model .* trusted" "$work/out" || { cat "$work/out" >&2; fail "list does not show the model trusted"; }
  # Windows of 10 s, 2 s of grace: the first whole window is stored within 25 s.
  for _ in $(seq 1 60); do [ -f "$data/models/example-statistics.checkpoint" ] && break; sleep 0.5; done
  [ -f "$data/models/example-statistics.checkpoint" ] || fail "the model host keeps no checkpoint of the model"
  sleep 24

  step "uninstalling the model while the product runs"
  [ "$(cw features uninstall $model)" = 0 ] || { cat "$work/err" >&2; fail "model uninstall"; }
  mawait 'applied live: -com.example.partner.model' 20 || fail "the running product did not drop the model"
  sleep 2
  [ "$(mpoints)" = $((before + 2)) ] || fail "the model's outputs were not withdrawn (points=$(mpoints), before $before +2 connector)"
  kill -TERM "$mpid"; wait "$demo"; demo=""
  grep -q '^summary:.* lost=0' "$out" || fail "samples lost in the model's run: $(grep '^summary:' "$out")"
  [ "$(cw history --data "$data" list)" = 0 ] || { cat "$work/err" >&2; fail "history list after the model's run"; }
  grep -q '^partner/example/statistics/mean ' "$work/out" || { cat "$work/out" >&2; fail "the model's outputs were not stored"; }
  [ "$(cw history --data "$data" export partner/example/statistics/count)" = 0 ] || fail "history export of the model's count"
  grep -q ',20.0,GOOD$' "$work/out" || { cat "$work/out" >&2; fail "no whole window of 20 temperature samples in the model's count"; }
  echo "e2e: model template: outputs announced, stored and withdrawn live ($(grep -c ',GOOD$' "$work/out") windows stored)"
}
model_template_e2e
# ==== END analytics model template ===============================================================
view_template_e2e

echo "feature management e2e passed: install, live start, uninstall, revert; refusals changed nothing ($summary)"
