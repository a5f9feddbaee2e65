#!/usr/bin/env python3
"""Decode latency of the reference PyTorch VAE (shared/bench/torch_vae.py's own model class), measured
like `latent-explorer bench`: 20 warm-up calls, then the median of 200 timed decodes of 400 prior
codes, wall-clock and this thread's CPU time (time.thread_time), one thread. Prints one JSON object.
The decoder's weights are the untrained initialisation; decode time does not depend on them."""
import argparse, json, os, statistics, sys, time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("REF_DIR", os.path.join(here, "..", "..", "shared", "bench")))
import torch  # noqa: E402
from torch_vae import VAE  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--latent", type=int, default=20)
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--seed", type=int, default=1)
a = ap.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)
model = VAE(a.latent)
wall, cpu = [], []
with torch.no_grad():
    z = torch.randn(400, a.latent)
    for _ in range(20):
        torch.sigmoid(model.dec(z))
    for _ in range(200):
        c, t = time.thread_time(), time.perf_counter()
        torch.sigmoid(model.dec(z))
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
print(json.dumps({"impl": "pytorch " + torch.__version__, "threads": a.threads, "latent": a.latent,
                  "decode_400_ms": round(statistics.median(wall), 3),
                  "decode_400_mean_ms": round(statistics.mean(wall), 3),
                  "decode_400_cpu_ms": round(statistics.median(cpu), 3)}))
