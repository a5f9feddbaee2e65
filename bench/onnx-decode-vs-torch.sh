#!/usr/bin/env bash
# Decode latency of 400 codes through an imported ONNX decoder (the dense test pair, 8-64-784, Bernoulli
# logits, exported from PyTorch) in ONNX Runtime, against the same decoder and weights in PyTorch, one
# thread each, RUNS alternating runs (bench/decode-vs-torch.sh's measurement and medians); each run
# prints the median of 200 decodes (wall and CPU ms). Needs: apt-get install -y python3-torch.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LE="${LE:-$here/latent-explorer}"
F="$here/src/test/resources/org/latentexplorer/onnx"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$LE" import-model --encoder "$F/dense-encoder.onnx" --decoder "$F/dense-decoder.onnx" --input-shape 28x28x1 \
  --likelihood bernoulli --decoder-output logits --labels mnist --out "$tmp/onnx-dense.lexb" >/dev/null 2>&1
OURS_ARGS="bench --model $tmp/onnx-dense.lexb" REF_SCRIPT=decode_onnx_ref.py LE="$LE" "$here/bench/decode-vs-torch.sh"
