#!/usr/bin/env bash
# Side-by-side benchmark of the dense VAE against shared/bench/torch_vae.py (PyTorch, CPU), same data,
# same model (784-512-256-20, Bernoulli, Adam 1e-3, batch 128, dynamic binarisation), one thread each.
# Speed: RUNS alternating 1-epoch runs of each (examples/s, decode of 400 codes), medians.
# Quality: one run each of QEPOCHS epochs, then the IW log-likelihood with K=5000 on 1000 test images.
# Needs: apt-get install -y python3-torch dataset-fashion-mnist. Prints JSON lines; see docs/benchmarks.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LE="${LE:-$here/latent-explorer}"
REF="${REF:-$here/../shared/bench/torch_vae.py}"
PY="$(command -v -p python3)"
TRAIN=/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz
TEST="$here/assets/fashion-mnist/t10k-images-idx3-ubyte.gz"
RUNS="${RUNS:-3}"
QEPOCHS="${QEPOCHS:-5}"
export OMP_NUM_THREADS=1
echo "# $(date -u +%F) $(getconf _NPROCESSORS_ONLN) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do  # RUNS=0 skips the speed part
  echo "{\"side\":\"ours\",\"run\":$i,\"result\":$("$LE" bench --dataset fashion-mnist --epochs 1 2>/dev/null | tail -1)}"
  echo "{\"side\":\"torch\",\"run\":$i,\"result\":$("$PY" "$REF" --train "$TRAIN" --epochs 1 --threads 1 | tail -1)}"
done
# Both sides score the same binarised test images: a fixed-seed 0/255 copy, which each side's own
# binarisation leaves unchanged (otherwise the two draws alone differ by about a nat).
bin="$(mktemp -d)"
"$PY" - "$TEST" "$bin" <<'PY'
import gzip, sys, numpy as np
src, out = sys.argv[1], sys.argv[2]
raw = gzip.open(src, "rb").read()
x = np.frombuffer(raw, np.uint8, offset=16)
b = (np.random.default_rng(20261122).random(x.shape) < x / 255.0).astype(np.uint8) * 255
with gzip.open(out + "/test-images-idx3-ubyte.gz", "wb") as f:
    f.write(raw[:16] + b.tobytes())
lab = gzip.open(src.replace("images-idx3", "labels-idx1"), "rb").read()
with gzip.open(out + "/test-labels-idx1-ubyte.gz", "wb") as f:
    f.write(lab)
PY
for i in ${QSEEDS:-$(seq "${QRUNS:-1}")}; do  # QSEEDS="3 4 5" picks the seeds
  echo "{\"side\":\"ours\",\"quality\":$("$LE" bench --dataset fashion-mnist --epochs "$QEPOCHS" --seed "$i" --iw 5000 --iw-images 1000 --test "$bin/test-images-idx3-ubyte.gz" 2>/dev/null | tail -1)}"
  echo "{\"side\":\"torch\",\"quality\":$("$PY" "$REF" --train "$TRAIN" --test "$bin/test-images-idx3-ubyte.gz" --epochs "$QEPOCHS" --seed "$i" --threads 1 --iw 5000 --iw-images 1000 | tail -1)}"
done
rm -rf "$bin"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
