#!/usr/bin/env bash
# Training and decoding speed of each ND4J native build on this machine, side by side with the PyTorch
# reference (shared/bench/torch_vae.py, bench/decode_ref.py), one thread each, sides alternating:
#   BEFORE=path/to/old/checkout bench/natives-speed.sh
# Variants: "before" (an older checkout's launcher, if BEFORE is set), "auto" (the build this CPU gets),
# and each build forced with -Dlatentexplorer.nd4j.build (avx512, avx2, generic) where the CPU runs it.
# Training: one epoch of the 60k Fashion-MNIST training split (batch 128, dynamic binarisation), examples/s.
# Decoding: 400 codes through the d = 20 decoder, median of 200 decodes (ms). RUNS rounds; medians printed.
# Needs: apt-get install -y python3-torch dataset-fashion-mnist. Run on a quiet machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="$(command -v -p python3)"
REF="${REF:-$here/../shared/bench/torch_vae.py}"
TRAIN=/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz
RUNS="${RUNS:-3}"
BUILDS="${BUILDS:-auto avx512 avx2 generic}"
export OMP_NUM_THREADS=1
echo "# $(date -u '+%F %H:%M') $(getconf _NPROCESSORS_ONLN) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
out="$(mktemp)"
ours() {  # $1 = variant, then bench arguments
  local variant="$1" le="$here/latent-explorer" opts=""
  shift
  case "$variant" in
    before) le="$BEFORE/latent-explorer" ;;
    auto) ;;
    *) opts="-Dlatentexplorer.nd4j.build=$variant" ;;
  esac
  LATENT_EXPLORER_JAVA_OPTS="$opts" "$le" bench "$@" 2>/dev/null | tail -1
}
variants="${BEFORE:+before }$BUILDS"
for i in $(seq "$RUNS"); do
  for v in $variants; do
    echo "{\"side\":\"$v\",\"run\":$i,\"train\":$(ours "$v" --dataset fashion-mnist --epochs 1),\"decode\":$(ours "$v" --epochs 0 --seed "$i")}" | tee -a "$out"
  done
  echo "{\"side\":\"torch\",\"run\":$i,\"train\":$("$PY" "$REF" --train "$TRAIN" --epochs 1 --threads 1 | tail -1),\"decode\":$("$PY" "$here/bench/decode_ref.py" --seed "$i" | tail -1)}" | tee -a "$out"
done
"$PY" - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def eps(r):
    t = r["train"]
    if "examples_per_s" in t:
        return t["examples_per_s"]
    e = t["epochs"][-1]
    return e.get("examples_per_s") or e.get("examples_per_sec")
sides = list(dict.fromkeys(r["side"] for r in rows))
med = {s: (statistics.median(eps(r) for r in rows if r["side"] == s),
           statistics.median(r["decode"]["decode_400_ms"] for r in rows if r["side"] == s)) for s in sides}
t = med["torch"]
print("# median training examples/s, decode 400 ms; ratios to PyTorch (training: higher is better, decode: lower)")
for s in sides:
    print(f"# {s:8s} train {med[s][0]:8.0f} ex/s ({med[s][0] / t[0]:.2f}x torch)   decode {med[s][1]:6.2f} ms ({med[s][1] / t[1]:.2f}x torch)")
PY
rm -f "$out"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
