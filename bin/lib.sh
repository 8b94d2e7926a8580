# Shared by the bin/ launchers: find the repository, build the shaded jar when it
# is missing or older than any source, and run a main class from it.
GVM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GVM_JAR="$GVM_ROOT/testsuite/target/gvm-all.jar"

gvm_jar_stale() {
  [ -f "$GVM_JAR" ] || return 0
  [ -n "$(find "$GVM_ROOT" -path "$GVM_ROOT/.git" -prune -o \( -name '*.java' -o -name '*.g4' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$GVM_JAR" -print -quit 2>/dev/null)" ]
}

gvm_ensure_jar() {
  if [ -n "${GVM_NO_BUILD:-}" ]; then return 0; fi
  if gvm_jar_stale; then
    echo "gvm: building $GVM_JAR (first use or sources changed)..." >&2
    (cd "$GVM_ROOT" && mvn -q -B -o -DskipTests -Dmaven.test.skip=true -pl testsuite -am package >&2 2>/dev/null) \
      || (cd "$GVM_ROOT" && mvn -q -B -DskipTests -Dmaven.test.skip=true -pl testsuite -am package >&2) \
      || { echo "gvm: build failed" >&2; exit 1; }
  fi
}

# JVM flags (override with GVM_JAVA_OPTS). A parsed module is long-lived data: a fixed 256 MiB
# young generation and a 1 GiB initial heap (committed, not touched, until used) let the parallel
# collector promote it without repeated full collections, and promoting what survives one young
# collection at once (MaxTenuringThreshold=0) copies it once instead of through the survivor
# spaces (half the pause time on a 100 MB parse); -Xss16m for deeply nested input.
# TieredStopAtLevel=1: the tools run seconds, not minutes; C1's code is ready early and C2's
# compile thread no longer competes for the second core (100 MB parse+print, 3 alternating runs:
# C1 12.0-12.7 s, 13.4-13.8 s CPU; C2 10.0-20.2 s, 18-23 s CPU). gvm-run, whose kernels run long,
# asks for C2 again and sets its own defaults (GVM_TOOL_DEFAULT_JAVA_OPTS).
GVM_DEFAULT_JAVA_OPTS="${GVM_TOOL_DEFAULT_JAVA_OPTS:--XX:+UseParallelGC -Xms1g -Xmn256m -XX:MaxTenuringThreshold=0 -Xss16m -XX:TieredStopAtLevel=1}"

gvm_exec() {
  local main="$1"; shift
  gvm_ensure_jar
  exec java ${GVM_JAVA_OPTS:-$GVM_DEFAULT_JAVA_OPTS} ${GVM_TOOL_JAVA_OPTS:-} -cp "$GVM_JAR" "$main" "$@"
}
