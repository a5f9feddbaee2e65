# Sourced by the launcher and the test script: picks a JDK 25 for Maven and java.
# Order: $JAVA_HOME if it is a JDK 25, then any JDK 25 under /usr/lib/jvm (Linux) or
# /Library/Java/JavaVirtualMachines (macOS), then `java` on PATH. Plain bash 3.2 (macOS's own bash).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME" 2>/dev/null)" != "25" ]; then
  JAVA_HOME=""
  for d in /usr/lib/jvm/*25* /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*25*/Contents/Home \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -x "$d/bin/javac" ] && [ "$(java_major "$d")" = "25" ]; then JAVA_HOME="$d"; break; fi
  done
  if [ -z "$JAVA_HOME" ] && [ -x /usr/libexec/java_home ]; then
    JAVA_HOME="$(/usr/libexec/java_home -v 25 2>/dev/null || true)"
  fi
  if [ -z "$JAVA_HOME" ] && command -v javac >/dev/null; then
    # Follow the links by hand: macOS before 12.3 has no `readlink -f`.
    javac_path="$(command -v javac)"
    while [ -L "$javac_path" ]; do
      link="$(readlink "$javac_path")"
      case "$link" in /*) javac_path="$link" ;; *) javac_path="$(dirname "$javac_path")/$link" ;; esac
    done
    JAVA_HOME="$(cd "$(dirname "$javac_path")/.." && pwd)"
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
