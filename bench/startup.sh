#!/usr/bin/env bash
# Time from launching Latent Explorer to the default latent map drawn on screen, for the checkout's
# script (./latent-explorer) and the packaged app (target/app-image, build it first with
# `mvn -P app-image -DskipTests package`). Each side: one warm-up, then RUNS launches (median reported),
# a fresh settings folder each time, under Xvfb when there is no display. The program prints
# "[startup] ... (clock T ms)" when the map is first drawn; the time is T minus the launch clock.
# Run on a quiet machine. Output recorded in docs/benchmarks-ui.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
image="$here/target/app-image/latent-explorer/bin/latent-explorer"
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
echo "# $(date -u '+%F %H:%M') $(getconf _NPROCESSORS_ONLN) cores, OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}, load: $(cut -d' ' -f1-3 /proc/loadavg)"
once() {  # $1 = launcher; prints seconds from launch to the drawn map
  local cfg log start drawn pid
  cfg="$(mktemp -d)"; log="$cfg/out.txt"
  start="$(date +%s%3N)"
  JAVA_TOOL_OPTIONS="-Dlatentexplorer.config=$cfg" "$1" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1200); do
    grep -q '^\[startup\]' "$log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  drawn="$(sed -n 's/^\[startup\].*(clock \([0-9]*\) ms).*/\1/p' "$log" | head -n 1)"
  # Where the seconds went (from the JVM's start): on stderr, beside the figure.
  sed -n 's/^\[startup\] steps: /  steps: /p' "$log" >&2
  pkill -P "$pid" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$cfg"
  [ -n "$drawn" ] || { echo "no map drawn by $1" >&2; return 1; }
  awk -v a="$start" -v b="$drawn" 'BEGIN { printf "%.2f\n", (b - a) / 1000 }'
}
for side in script image; do
  launcher="$here/latent-explorer"
  [ "$side" = image ] && launcher="$image"
  [ -x "$launcher" ] || { echo "$side: $launcher missing" >&2; continue; }
  once "$launcher" >/dev/null  # warm-up: JavaCPP cache, page cache
  times=""
  for i in $(seq "$RUNS"); do times="$times $(once "$launcher")"; done
  median="$(printf '%s\n' $times | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')"
  echo "$side: launch → map drawn, s:$times; median $median"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
