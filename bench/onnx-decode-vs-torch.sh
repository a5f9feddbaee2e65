#!/usr/bin/env bash
# Decode latency of 400 codes through an imported ONNX decoder (the dense test pair, 8-64-784, Bernoulli
# logits, exported from PyTorch) in ONNX Runtime, against the same decoder and weights in PyTorch, one
# thread each, RUNS alternating runs; each run prints the median of 200 decodes (wall and CPU ms).
# Needs: apt-get install -y python3-torch. Prints JSON lines and the medians; see docs/benchmarks.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LE="${LE:-$here/latent-explorer}"
PY="$(command -v -p python3)"
RUNS="${RUNS:-5}"
F="$here/src/test/resources/org/latentexplorer/onnx"
export OMP_NUM_THREADS=1
model="$(mktemp -d)/onnx-dense.lexb"
"$LE" import-model --encoder "$F/dense-encoder.onnx" --decoder "$F/dense-decoder.onnx" --input-shape 28x28x1 \
  --likelihood bernoulli --decoder-output logits --labels mnist --out "$model" >/dev/null 2>&1
echo "# $(date -u +%F) $(getconf _NPROCESSORS_ONLN) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
out="$(mktemp)"
for i in $(seq "$RUNS"); do
  echo "{\"side\":\"ours\",\"run\":$i,\"result\":$("$LE" bench --model "$model" --seed "$i" 2>/dev/null | tail -1)}" | tee -a "$out"
  echo "{\"side\":\"torch\",\"run\":$i,\"result\":$("$PY" "$here/bench/decode_onnx_ref.py" --seed "$i" | tail -1)}" | tee -a "$out"
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
rm -f "$out" "$model"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
