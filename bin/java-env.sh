# Sourced by the launcher and the test script: picks a JDK 25 for Maven and java.
# Order: $JAVA_HOME if it is a JDK 25, then any JDK 25 under /usr/lib/jvm, then `java` on PATH.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME" 2>/dev/null)" != "25" ]; then
  JAVA_HOME=""
  for d in /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if [ -x "$d/bin/javac" ] && [ "$(java_major "$d")" = "25" ]; then JAVA_HOME="$d"; break; fi
  done
  if [ -z "$JAVA_HOME" ] && command -v javac >/dev/null; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
  fi
fi
if [ -z "$JAVA_HOME" ] || [ "$(java_major "$JAVA_HOME")" != "25" ]; then
  echo "Latent Explorer needs a JDK 25; set JAVA_HOME to one (found: ${JAVA_HOME:-none})" >&2
  exit 1
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# One thread was faster than two for ND4J on 2-core machines (docs/benchmarks.md); override freely.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
# Maven 3.8 itself uses sun.misc.Unsafe; on JDK 25 that prints four warnings per run.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
