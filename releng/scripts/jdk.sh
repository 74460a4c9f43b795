# Sourced by ./mvnw and ./convergence: picks a JDK 21 or newer and exports JAVA_HOME.
# Order: JAVA_HOME if it is 21+, then the JDKs under the usual install folders, newest first.

_cw_java_major() {
  # prints the feature version of the java binary given, or nothing. The JDK's 'release' file says
  # it without starting a JVM (a start per candidate cost about half a second in all); a JDK without
  # one is asked.
  local home release
  home=$(dirname "$(dirname "$1")")
  release="$home/release"
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' "$release" | head -n 1
    return
  fi
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

cw_find_jdk() {
  local min=21 candidate major
  local -a candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  local dir
  for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
             /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && candidates+=("$dir")
  done
  local best="" best_major=0
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(_cw_java_major "$candidate/bin/java")
    [ -n "$major" ] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge "$min" ]; then
      best="$candidate"; best_major=$major; break
    fi
    if [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "error: no JDK $min or newer found (JAVA_HOME=${JAVA_HOME:-unset}; looked under /usr/lib/jvm, /usr/java, /opt)." >&2
    echo "       Install one (for example Debian's openjdk-21-jdk) or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export CW_JAVA_MAJOR="$best_major"
}
