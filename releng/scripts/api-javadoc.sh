#!/usr/bin/env bash
# Generates the Javadoc of the published API (bundle io.convergence.api) into docs/api/, which is
# committed so that partners can read it without building anything. Run it after changing the API:
#
#   releng/scripts/api-javadoc.sh            (then commit docs/api/)
#
# Needs a JDK 21+ (found as ./mvnw finds one) and the annotation jars the API uses
# (org.osgi.annotation.versioning, jspecify) in the local Maven repository, where any build of
# this project puts them.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$root/releng/scripts/jdk.sh"
cw_find_jdk || exit 1

m2="${MAVEN_REPO_LOCAL:-${MAVEN_USER_HOME:-$HOME/.m2}/repository}"
jars=(
  "$m2/org/osgi/org.osgi.annotation.versioning/1.1.2/org.osgi.annotation.versioning-1.1.2.jar"
  "$m2/org/jspecify/jspecify/1.0.0/jspecify-1.0.0.jar"
)
for j in "${jars[@]}"; do
  if [ ! -f "$j" ]; then
    echo "api-javadoc: error: $j is missing; run a build once (./mvnw -B -DskipTests verify) to fetch it" >&2
    exit 1
  fi
done

version=$(sed -n 's/^Bundle-Version: *\([0-9]*\.[0-9]*\.[0-9]*\).*/\1/p' "$root/bundles/io.convergence.api/META-INF/MANIFEST.MF")
out="$root/docs/api"
rm -rf "$out"
# JDK 23+ copies 4 MB of web fonts into every Javadoc; the browser's own fonts do as well.
extra=()
"$JAVA_HOME/bin/javadoc" --help 2>&1 | grep -q -- '--no-fonts' && extra+=(--no-fonts)
# The API has no module-info: the pages land under docs/api/io/convergence/api/. No timestamp, so
# an unchanged API gives unchanged pages.
"$JAVA_HOME/bin/javadoc" \
  -quiet -notimestamp \
  -d "$out" \
  -sourcepath "$root/bundles/io.convergence.api/src" \
  -classpath "$(IFS=:; echo "${jars[*]}")" \
  -subpackages io.convergence.api \
  --release 21 -encoding UTF-8 -docencoding UTF-8 -charset UTF-8 \
  -doctitle "Convergence Workbench API $version" \
  -windowtitle "Convergence Workbench API $version" \
  -header "Convergence API $version" \
  -Xdoclint:all,-missing \
  "${extra[@]}" "$@"
echo "api-javadoc: $(du -sh "$out" | cut -f1) in $out ($(find "$out" -type f | wc -l) files)"
