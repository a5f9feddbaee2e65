#!/usr/bin/env python3
"""Decode latency of the dense ONNX test fixture's decoder in PyTorch, for comparison with the same
decoder imported by `latent-explorer import-model` (src/test/resources/org/latentexplorer/onnx/
dense-decoder.onnx). Rebuilds the architecture (8-64-ReLU-784, Bernoulli logits) and loads the trained
weights from dense-decoder.pt next to it (written by make_fixtures.py in that folder).

Measured like `latent-explorer bench` and bench/decode_ref.py: 20 warm-up calls, then the median of
200 timed decodes of 400 prior codes as sigmoid(logits), wall-clock and this thread's CPU time
(time.thread_time), one thread unless --threads. Prints one JSON object.

Run from the repository root:  /usr/bin/python3 bench/decode_onnx_ref.py [--threads N]
"""
import argparse, json, os, statistics, time

import torch
import torch.nn as nn

here = os.path.dirname(os.path.abspath(__file__))
default_weights = os.path.join(here, "..", "src", "test", "resources", "org", "latentexplorer", "onnx", "dense-decoder.pt")

ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--weights", default=default_weights)
a = ap.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)
state = torch.load(a.weights)
latent, hidden = state["0.weight"].shape[1], state["0.weight"].shape[0]
model = nn.Sequential(nn.Linear(latent, hidden), nn.ReLU(), nn.Linear(hidden, state["2.weight"].shape[0]))
model.load_state_dict(state)
model.eval()
wall, cpu = [], []
with torch.no_grad():
    z = torch.randn(400, latent)
    for _ in range(20):
        torch.sigmoid(model(z))
    for _ in range(200):
        c, t = time.thread_time(), time.perf_counter()
        torch.sigmoid(model(z))
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
print(json.dumps({"impl": "pytorch " + torch.__version__, "model": "onnx fixture dense-decoder (8-%d-784)" % hidden,
                  "threads": a.threads, "latent": latent,
                  "decode_400_ms": round(statistics.median(wall), 3),
                  "decode_400_mean_ms": round(statistics.mean(wall), 3),
                  "decode_400_cpu_ms": round(statistics.median(cpu), 3)}))
