#!/usr/bin/env bash
# Crafted bad bundles (bench/hostile_bundles.py) through `eval`, one JVM each under /usr/bin/time -v:
# prints a markdown row per file: message (or the ELBO for the good ones), wall time, peak RSS.
# The crafted files take about 130 MB of disk in $DIR (default: a fresh temporary folder).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${DIR:-$(mktemp -d)}"
good="$here/models/mnist-d2.lexb"
python3 "$here/bench/hostile_bundles.py" "$good" "$DIR"
echo "| input | result | time | peak RSS |"
echo "|---|---|---|---|"
for f in "$good" "$DIR"/*.lexb; do
  /usr/bin/time -v -o "$DIR/time.txt" "$here/latent-explorer" eval --model "$f" --dataset mnist --limit 20 \
    >"$DIR/out.txt" 2>"$DIR/err.txt" && rc=0 || rc=$?
  if [ "$rc" -eq 0 ]; then msg="loads; $(sed -n 2p "$DIR/out.txt" | sed 's/  */ /g')"; else
    msg="exit $rc: $(grep -v '^WARNING' "$DIR/err.txt" | head -3 | tr '\n' ' ' | sed "s#$DIR/##")"; fi
  wall=$(grep "Elapsed (wall" "$DIR/time.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident" "$DIR/time.txt" | awk '{print $NF}')
  printf '| %s | %s | %s | %d MiB |\n' "$(basename "$f")" "$msg" "$wall" $((rss / 1024))
done
