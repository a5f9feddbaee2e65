#!/usr/bin/env bash
# Decode latency of 400 codes (d=20, dense 20-256-512-784, sigmoid means), ours against PyTorch, one
# thread each, RUNS alternating runs; each run prints the median of 200 decodes (wall and CPU ms).
# Needs: apt-get install -y python3-torch. Prints JSON lines and the medians; see docs/benchmarks.md.
# OURS_ARGS and REF_SCRIPT choose another pair of sides (bench/onnx-decode-vs-torch.sh does).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LE="${LE:-$here/latent-explorer}"
PY="$(command -v -p python3)"
RUNS="${RUNS:-5}"
export OMP_NUM_THREADS=1
echo "# $(date -u +%F) $(getconf _NPROCESSORS_ONLN) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
out="$(mktemp)"
for i in $(seq "$RUNS"); do
  # shellcheck disable=SC2086 # OURS_ARGS is a list of arguments
  echo "{\"side\":\"ours\",\"run\":$i,\"result\":$("$LE" ${OURS_ARGS:-bench --epochs 0} --seed "$i" 2>/dev/null | tail -1)}" | tee -a "$out"
  echo "{\"side\":\"torch\",\"run\":$i,\"result\":$("$PY" "$here/bench/${REF_SCRIPT:-decode_ref.py}" --seed "$i" | tail -1)}" | tee -a "$out"
done
"$PY" - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
med = {s: {k: statistics.median(r["result"][k] for r in rows if r["side"] == s)
           for k in ("decode_400_ms", "decode_400_cpu_ms")} for s in ("ours", "torch")}
for k in ("decode_400_ms", "decode_400_cpu_ms"):
    print(f"# median {k}: ours {med['ours'][k]:.3f}, torch {med['torch'][k]:.3f}, "
          f"ours/torch {med['ours'][k] / med['torch'][k]:.2f}")
PY
rm -f "$out"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
