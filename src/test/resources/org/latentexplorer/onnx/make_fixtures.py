#!/usr/bin/env python3
"""Regenerates the ONNX test fixtures for `latent-explorer import-model` and the reference values the
Java tests compare against. Run from the repository root:

    /usr/bin/python3 src/test/resources/org/latentexplorer/onnx/make_fixtures.py

(Debian's python3-torch 1.13 and python3-onnx 1.12; CPU, one thread, about 35 s, most of it the IWLL.)
Everything is seeded, so a rerun with the same library versions writes byte-identical files. Writes
into this folder (README.md there describes each file):

  dense-encoder.onnx / dense-decoder.onnx   flat [N,784] input, d = 8, decoder emits Bernoulli logits
  conv-encoder.onnx  / conv-decoder.onnx    NCHW [N,1,28,28] input, d = 4, decoder emits probabilities
  nhwc-encoder.onnx  / nhwc-decoder.onnx    NHWC [N,28,28,1] input, d = 4, Gaussian (variance 0.01),
                                            encoder outputs (z_log_var, z_mean, z), decoder emits the mean
  one-output-encoder.onnx, pair4-encoder.onnx, nan-decoder.onnx, unbounded-decoder.onnx,
  short-decoder.onnx, not-a-model.onnx      deliberately bad or minimal fixtures (untrained)
  dense-decoder.pt                          the dense decoder's state_dict, for bench/decode_onnx_ref.py
  reference.json                            encoder outputs, decoded codes, import settings, dense IWLL
  iwll-images.bin                           the 500 binarised test images of the IWLL, 500 x 784 bytes (0/1)
"""
import copy, gzip, json, math, os, sys, time, warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import onnx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, *[".."] * 6))
MNIST = os.path.join(ROOT, "assets", "mnist")

SEED = 20240601
N_TRAIN = 9000
REF_INDICES = list(range(9000, 9016))
GAUSS_VAR = 0.01
IWLL_IMAGES, IWLL_K, IWLL_CHUNK, IWLL_SEED = 500, 5000, 1000, 7
OPSET = 13


def read_idx(path):
    """IDX file (optionally gzip) -> uint8 array [n, prod(dims)]."""
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rb") as f:
        raw = f.read()
    n = int.from_bytes(raw[4:8], "big")
    return np.frombuffer(raw, np.uint8, offset=16).reshape(n, -1)


# ---------------------------------------------------------------------------------------------- models

class DenseEncoder(nn.Module):
    def __init__(self, d=8, hidden=64):
        super().__init__()
        self.fc, self.mu, self.logvar = nn.Linear(784, hidden), nn.Linear(hidden, d), nn.Linear(hidden, d)

    def forward(self, x):
        h = F.relu(self.fc(x))
        return self.mu(h), self.logvar(h)


def dense_decoder(d=8, hidden=64):
    """Sequential so that bench/decode_onnx_ref.py can rebuild it from the state_dict alone."""
    return nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), nn.Linear(hidden, 784))


class ConvEncoder(nn.Module):
    def __init__(self, d=4):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(1, 8, 4, 2, 1), nn.ReLU(), nn.Conv2d(8, 16, 4, 2, 1), nn.ReLU(),
                                  nn.Flatten())
        self.head = nn.Linear(16 * 7 * 7, 2 * d)
        self.d = d

    def forward(self, image):
        mu, logvar = self.head(self.conv(image)).split([self.d, self.d], dim=1)
        return mu, logvar


class ConvDecoder(nn.Module):
    """Linear -> ReLU -> reshape [N,16,7,7] -> ConvT(16,8,4,2,1) -> ReLU -> ConvT(8,1,4,2,1) -> Sigmoid."""

    def __init__(self, d=4):
        super().__init__()
        self.fc = nn.Linear(d, 16 * 7 * 7)
        self.deconv = nn.Sequential(nn.ConvTranspose2d(16, 8, 4, 2, 1), nn.ReLU(), nn.ConvTranspose2d(8, 1, 4, 2, 1))

    def logits(self, z):
        return self.deconv(F.relu(self.fc(z)).reshape(-1, 16, 7, 7))

    def forward(self, z):
        return torch.sigmoid(self.logits(z))


class NhwcEncoder(nn.Module):
    """Keras-style: NHWC input, outputs (z_log_var, z_mean, z); z is z_mean (no sampling in the graph)."""

    def __init__(self, d=4):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 4, 2, 1)
        self.fc = nn.Linear(4 * 14 * 14, 32)
        self.z_mean, self.z_log_var = nn.Linear(32, d), nn.Linear(32, d)

    def forward(self, pixels):
        h = F.relu(self.conv(pixels.permute(0, 3, 1, 2))).flatten(1)
        h = F.relu(self.fc(h))
        z_mean = self.z_mean(h)
        return self.z_log_var(h), z_mean, z_mean.clone()


class NhwcDecoder(nn.Module):
    def __init__(self, d=4):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d, 64), nn.ReLU(), nn.Linear(64, 784))

    def forward(self, z):
        return torch.sigmoid(self.net(z)).reshape(-1, 28, 28, 1)


class PlainEncoder(nn.Module):
    def __init__(self, d=4, hidden=16, two=True):
        super().__init__()
        self.fc, self.mu = nn.Linear(784, hidden), nn.Linear(hidden, d)
        self.logvar = nn.Linear(hidden, d) if two else None

    def forward(self, x):
        h = F.relu(self.fc(x))
        return (self.mu(h), self.logvar(h)) if self.logvar is not None else self.mu(h)


class NanDecoder(nn.Module):
    """sqrt of a strictly negative number: NaN in PyTorch and in ONNX Runtime (Sqrt follows std::sqrt)."""

    def __init__(self):
        super().__init__()
        self.register_buffer("zeros", torch.zeros(1, 784))

    def forward(self, z):
        return torch.sqrt(-1.0 - z.abs().sum(1, keepdim=True)) + self.zeros


# -------------------------------------------------------------------------------------------- training

def kl(mu, lv):
    return -0.5 * (1 + lv - mu.pow(2) - lv.exp()).sum()


def train(encode, rec_loss, params, x, epochs, binarise, batch=100, lr=1e-3):
    """encode(b) -> (mu, logvar); rec_loss(z, b) -> summed negative log-likelihood. Returns per-epoch
    mean negative ELBO per example (Gaussian: without the constant)."""
    opt = torch.optim.Adam(params, lr)
    losses = []
    for _ in range(epochs):
        perm = torch.randperm(len(x))
        tot = 0.0
        for i in range(0, len(x) - batch + 1, batch):
            b = x[perm[i:i + batch]]
            if binarise:
                b = torch.bernoulli(b)
            mu, lv = encode(b)
            z = mu + torch.randn_like(mu) * (0.5 * lv).exp()
            loss = (rec_loss(z, b) + kl(mu, lv)) / len(b)
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot += loss.item() * len(b)
        losses.append(round(tot / (len(x) // batch * batch), 3))
    return losses


# ---------------------------------------------------------------------------------------------- export

EXPORT_WARNINGS = []


def export(module, example, name, input_name, output_names):
    """Exports with a dynamic batch axis N, then pins the other output dimensions to the shapes PyTorch
    produced (the exporter's own shape inference leaves some symbolic, e.g. after Reshape or
    ConvTranspose), checks that ONNX's strict shape inference agrees, and runs the checker."""
    path = os.path.join(HERE, name)
    module.eval()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        torch.onnx.export(module, (example,), path, input_names=[input_name], output_names=output_names,
                          opset_version=OPSET, do_constant_folding=True,
                          dynamic_axes={n: {0: "N"} for n in [input_name] + output_names})
    for w in caught:
        EXPORT_WARNINGS.append("%s: %s" % (name, str(w.message).strip().splitlines()[0]))
    with torch.no_grad():
        outs = module(example)
    outs = outs if isinstance(outs, tuple) else (outs,)
    m = onnx.load(path)
    for v, t in zip(m.graph.output, outs):
        dims = v.type.tensor_type.shape.dim
        assert len(dims) == t.dim(), (name, v.name)
        for i, dim in enumerate(dims):
            if i == 0:
                assert dim.dim_param == "N", (name, v.name, dim)
            else:
                dim.Clear()
                dim.dim_value = t.shape[i]
    onnx.shape_inference.infer_shapes(m, check_type=True, strict_mode=True)
    onnx.checker.check_model(m, full_check=True)
    onnx.save(m, path)
    return describe(m, name)


def describe(m, name):
    def io(v):
        dims = [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
        return "%s %s" % (v.name, dims)
    init = {i.name for i in m.graph.initializer}
    return "%s: in %s -> out %s" % (name, ", ".join(io(v) for v in m.graph.input if v.name not in init),
                                   ", ".join(io(v) for v in m.graph.output))


def f32(a):
    """Shortest decimal that reads back as the same float32 (full float32 precision, half the bytes of
    the double's repr)."""
    return [[float(str(v)) if np.isfinite(v) else None for v in row] for row in np.asarray(a, np.float32)]


def hwc(t):
    """Decoder output -> [n, 784] in the Java order (row-major H, W, C)."""
    t = t.detach()
    if t.dim() == 4 and t.shape[1] == 1 and t.shape[-1] != 1:   # NCHW, C = 1
        t = t.permute(0, 2, 3, 1)
    return t.reshape(t.shape[0], -1)


# -------------------------------------------------------------------------------------------------- IWLL

@torch.no_grad()
def iwll(enc, dec, xbin):
    """Burda et al. (2016) eq. 8 in float64: per image, log (1/K) sum_k w_k with
    log w = log p(x|z) + log N(z; 0, I) - log N(z; mu, exp(logvar)), z ~ q(z|x)."""
    enc, dec = copy.deepcopy(enc).double(), copy.deepcopy(dec).double()
    g = torch.Generator().manual_seed(IWLL_SEED + 1)
    x = torch.from_numpy(xbin.astype(np.float64))
    mus, lvs = enc(x)
    out = []
    log2pi = math.log(2 * math.pi)
    for i in range(len(x)):
        mu, lv = mus[i], lvs[i]
        ws = []
        for _ in range(IWLL_K // IWLL_CHUNK):
            eps = torch.randn(IWLL_CHUNK, mu.shape[0], generator=g, dtype=torch.float64)
            z = mu + eps * (0.5 * lv).exp()
            logpx = -F.binary_cross_entropy_with_logits(dec(z), x[i].expand(IWLL_CHUNK, -1), reduction="none").sum(1)
            logpz = -0.5 * (z.pow(2) + log2pi).sum(1)
            logq = -0.5 * ((z - mu).pow(2) / lv.exp() + lv + log2pi).sum(1)
            ws.append(logpx + logpz - logq)
        out.append((torch.logsumexp(torch.cat(ws), 0) - math.log(IWLL_K)).item())
    return np.array(out)


# ---------------------------------------------------------------------------------------------------- main

def main():
    t_start = time.perf_counter()
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    np.random.seed(SEED)
    images = read_idx(os.path.join(MNIST, "images-idx3-ubyte.gz"))
    assert images.shape == (10000, 784), images.shape
    pixels = images.astype(np.float32) / 255.0
    train_x = torch.from_numpy(pixels[:N_TRAIN].copy())
    ref_x = torch.from_numpy(pixels[REF_INDICES].copy())
    io_lines, ref = [], {"generator": "src/test/resources/org/latentexplorer/onnx/make_fixtures.py",
                         "torch": torch.__version__, "onnx": onnx.__version__, "opset": OPSET,
                         "input_pixels": "MNIST pixel / 255 as float32, not binarised",
                         "decoded_order": "row-major H, W, C (NCHW with C = 1 flattens the same)"}

    codes_seed = {"dense": 1, "conv": 2, "nhwc": 3}

    def reference(key, enc, dec, enc_in, d, extra, enc_out=lambda o: o):
        enc.eval(), dec.eval()
        with torch.no_grad():
            mu, lv = enc_out(enc(enc_in))
            codes = torch.from_numpy(np.random.RandomState(codes_seed[key]).standard_normal((16, d)).astype(np.float32))
            decoded = hwc(dec(codes))
        assert decoded.shape == (16, 784)
        ref[key] = dict({"test_indices": REF_INDICES, "latent_dim": d, "input_shape": "28x28x1",
                         "mu": f32(mu), "logvar": f32(lv),
                         "codes_seed": "numpy RandomState(%d).standard_normal((16, %d)) as float32" % (codes_seed[key], d),
                         "codes": f32(codes), "decoded": f32(decoded)}, **extra)

    # 1. dense, Bernoulli logits, d = 8
    t0 = time.perf_counter()
    enc, dec = DenseEncoder(), dense_decoder()
    losses = train(enc, lambda z, b: F.binary_cross_entropy_with_logits(dec(z), b, reduction="sum"),
                   list(enc.parameters()) + list(dec.parameters()), train_x, 3, binarise=True)
    print("dense: epochs %s (%.1f s)" % (losses, time.perf_counter() - t0), flush=True)
    io_lines.append(export(enc, ref_x[:2], "dense-encoder.onnx", "x", ["mu", "logvar"]))
    io_lines.append(export(dec, torch.zeros(2, 8), "dense-decoder.onnx", "z", ["logits"]))
    torch.save(dec.state_dict(), os.path.join(HERE, "dense-decoder.pt"))
    reference("dense", enc, dec, ref_x, 8,
              {"encoder": "dense-encoder.onnx", "decoder": "dense-decoder.onnx", "likelihood": "bernoulli",
               "decoder_output": "logits", "mean_output": "mu", "log_var_output": "logvar",
               "train_epochs": 3, "train_neg_elbo": losses})
    dense_enc, dense_dec = enc, dec

    # 2. convolutional, NCHW, probabilities, d = 4
    t0 = time.perf_counter()
    enc, dec = ConvEncoder(), ConvDecoder()
    nchw = lambda b: b.reshape(-1, 1, 28, 28)
    losses = train(lambda b: enc(nchw(b)),
                   lambda z, b: F.binary_cross_entropy_with_logits(dec.logits(z), nchw(b), reduction="sum"),
                   list(enc.parameters()) + list(dec.parameters()), train_x, 2, binarise=True)
    print("conv: epochs %s (%.1f s)" % (losses, time.perf_counter() - t0), flush=True)
    io_lines.append(export(enc, nchw(ref_x[:2]), "conv-encoder.onnx", "image", ["mu", "logvar"]))
    io_lines.append(export(dec, torch.zeros(2, 4), "conv-decoder.onnx", "z", ["probs"]))
    reference("conv", enc, dec, nchw(ref_x), 4,
              {"encoder": "conv-encoder.onnx", "decoder": "conv-decoder.onnx", "likelihood": "bernoulli",
               "decoder_output": "probabilities", "mean_output": "mu", "log_var_output": "logvar",
               "train_epochs": 2, "train_neg_elbo": losses})

    # 3. NHWC, Gaussian variance 0.01, mean, d = 4
    t0 = time.perf_counter()
    enc, dec = NhwcEncoder(), NhwcDecoder()
    nhwc = lambda b: b.reshape(-1, 28, 28, 1)

    def nhwc_encode(b):
        lv, mu, _ = enc(nhwc(b))
        return mu, lv
    losses = train(nhwc_encode, lambda z, b: (nhwc(b) - dec(z)).pow(2).sum() / (2 * GAUSS_VAR),
                   list(enc.parameters()) + list(dec.parameters()), train_x, 2, binarise=False)
    print("nhwc: epochs %s (%.1f s)" % (losses, time.perf_counter() - t0), flush=True)
    io_lines.append(export(enc, nhwc(ref_x[:2]), "nhwc-encoder.onnx", "pixels", ["z_log_var", "z_mean", "z"]))
    io_lines.append(export(dec, torch.zeros(2, 4), "nhwc-decoder.onnx", "z", ["mean"]))
    reference("nhwc", enc, dec, nhwc(ref_x), 4,
              {"encoder": "nhwc-encoder.onnx", "decoder": "nhwc-decoder.onnx", "likelihood": "gaussian:0.01",
               "decoder_output": "mean", "mean_output": "z_mean", "log_var_output": "z_log_var",
               "encoder_outputs": ["z_log_var", "z_mean", "z"],
               "train_epochs": 2, "train_neg_elbo_without_constant": losses},
              enc_out=lambda o: (o[1], o[0]))

    # 4. bad or minimal fixtures (untrained)
    z4 = torch.randn(2, 4)
    io_lines.append(export(PlainEncoder(two=False), ref_x[:2], "one-output-encoder.onnx", "x", ["mu"]))
    io_lines.append(export(PlainEncoder(), ref_x[:2], "pair4-encoder.onnx", "x", ["mu", "logvar"]))
    io_lines.append(export(NanDecoder(), z4, "nan-decoder.onnx", "z", ["probs"]))
    unbounded = nn.Linear(4, 784)
    with torch.no_grad():
        unbounded.weight.mul_(20.0)
        unbounded.bias.zero_()
        probe = unbounded(torch.randn(1000, 4))
        outside = ((probe < 0) | (probe > 1)).float().mean().item()
    assert outside > 0.8, outside
    io_lines.append(export(unbounded, z4, "unbounded-decoder.onnx", "z", ["probs"]))
    io_lines.append(export(nn.Sequential(nn.Linear(4, 100), nn.Sigmoid()), z4, "short-decoder.onnx", "z", ["probs"]))
    with torch.no_grad():
        assert torch.isnan(NanDecoder()(torch.randn(5, 4))).all()
    with open(os.path.join(HERE, "not-a-model.onnx"), "w") as f:
        f.write("This is not an ONNX model, just text.\n")

    # 5. IWLL of the dense pair on 500 test images binarised once
    t0 = time.perf_counter()
    rng = np.random.RandomState(IWLL_SEED)
    xbin = (rng.random_sample((IWLL_IMAGES, 784)) < pixels[N_TRAIN:N_TRAIN + IWLL_IMAGES].astype(np.float64)).astype(np.uint8)
    xbin.tofile(os.path.join(HERE, "iwll-images.bin"))
    dense_enc.eval(), dense_dec.eval()
    per_image = iwll(dense_enc, dense_dec, xbin)
    ref["dense"].update({"iwll": float(per_image.mean()), "iwll_sem": float(per_image.std(ddof=1) / math.sqrt(len(per_image))),
                         "iwll_k": IWLL_K, "iwll_images": IWLL_IMAGES, "iwll_first_index": N_TRAIN,
                         "iwll_seed": IWLL_SEED,
                         "iwll_note": "images 9000..9499 binarised once as (u < x), u ~ numpy RandomState(iwll_seed)"
                                      ".random_sample((500, 784)), saved in iwll-images.bin; importance samples "
                                      "from torch.Generator seeded iwll_seed + 1; float64"})
    print("iwll: %.4f +- %.4f nats (%.1f s)" % (ref["dense"]["iwll"], ref["dense"]["iwll_sem"], time.perf_counter() - t0), flush=True)

    ref["export_warnings"] = EXPORT_WARNINGS
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump(ref, f, separators=(",", ":"))
        f.write("\n")
    for line in io_lines:
        print(line)
    for w in EXPORT_WARNINGS:
        print("warning:", w)
    print("total %.1f s" % (time.perf_counter() - t_start))


if __name__ == "__main__":
    sys.exit(main())
