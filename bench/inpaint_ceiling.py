#!/usr/bin/env python3
"""How good can a half-image completion get on this data?  A ceiling check for issue 5's target.

Trains a small convolutional encoder-decoder with skip connections (a U-Net-like regressor, input the
image with the hidden half set to 0 plus the mask) to predict the hidden half directly, with a
cross-entropy loss on the hidden pixels only, whose minimiser is the conditional mean E[x_m | x_o]
(the RMSE-optimal completion).  It is not a generative model and not one of the app's completion
methods: it estimates how far *any* completion can get below 100-NN with this much training data.

Protocol = InpaintBenchmark's: MNIST = the embedded 10k (train = first 9,000, test = the first 300 of
the last 1,000); Fashion-MNIST = 60k training images, test = first 300 of the official test split.
Masks: top and bottom half.  Prints the 100-NN RMSE over the missing pixels (Kormaris 2020 §5.1,
mean of the 100 nearest training images on the observed pixels) and the regressor's, per evaluation.

Two weaker variants for comparison (fourth argument): `dense`, the same regressor as a dense network
(1568-512-512-784, no convolutions), and `masked-vae`, a dense VAE (784-512-256-20 decoder as the
shipped models) whose encoder sees the masked image and the mask, trained by the ELBO on the whole
binarised image with random masks (MIWAE-style amortised inference for incomplete data, Mattei &
Frellsen 2019), completed by the self-normalised importance-weighted conditional mean over 500 codes
from q(z | x_o, m) (the app's `iw`, without the neighbour proposals).

Usage (needs python3-torch from Debian):
  OMP_NUM_THREADS=1 /usr/bin/python3 bench/inpaint_ceiling.py mnist 30 5
  OMP_NUM_THREADS=1 /usr/bin/python3 bench/inpaint_ceiling.py fashion-mnist 12 2
  OMP_NUM_THREADS=1 /usr/bin/python3 bench/inpaint_ceiling.py mnist 40 10 dense
  OMP_NUM_THREADS=1 /usr/bin/python3 bench/inpaint_ceiling.py mnist 40 10 masked-vae
arguments: data set, epochs, evaluate every N epochs, model (conv by default).
"""
import gzip, os, sys, time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FASHION = "/usr/share/datasets/fashion-mnist"  # Debian package dataset-fashion-mnist


def idx(path):
    with gzip.open(path) as f:
        d = f.read()
    n = int.from_bytes(d[4:8], "big")
    return np.frombuffer(d, np.uint8, offset=16).reshape(n, 784).astype(np.float32) / 255


def half(kind):
    m = np.ones((28, 28), np.float32)  # 1 = observed
    {"top": lambda: m.__setitem__(slice(0, 14), 0), "bottom": lambda: m.__setitem__(slice(14, 28), 0),
     "left": lambda: m.__setitem__((slice(None), slice(0, 14)), 0),
     "right": lambda: m.__setitem__((slice(None), slice(14, 28)), 0)}[kind]()
    return m.reshape(784)


def rmse_missing(pred, truth, m):
    miss = m == 0
    return float(np.sqrt(((pred[:, miss] - truth[:, miss]) ** 2).mean()))


def knn_mean(train, test, m, k=100):
    o = m > 0
    out = []
    for x in test:
        d = ((train[:, o] - x[o]) ** 2).sum(1)
        out.append(train[np.argpartition(d, k)[:k]].mean(0))
    return np.array(out)


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(2, 32, 3, padding=1)
        self.c2 = nn.Conv2d(32, 64, 4, 2, 1)
        self.c3 = nn.Conv2d(64, 128, 4, 2, 1)
        self.fc = nn.Sequential(nn.Flatten(), nn.Linear(128 * 49, 512), nn.ReLU(), nn.Linear(512, 128 * 49), nn.ReLU())
        self.d3 = nn.ConvTranspose2d(256, 64, 4, 2, 1)
        self.d2 = nn.ConvTranspose2d(128, 32, 4, 2, 1)
        self.d1 = nn.Conv2d(64, 1, 3, padding=1)

    def forward(self, x, m):
        h1 = F.relu(self.c1(torch.cat([x * m, m], 1)))
        h2 = F.relu(self.c2(h1))
        h3 = F.relu(self.c3(h2))
        f = self.fc(h3).view(-1, 128, 7, 7)
        u3 = F.relu(self.d3(torch.cat([f, h3], 1)))
        u2 = F.relu(self.d2(torch.cat([u3, h2], 1)))
        return self.d1(torch.cat([u2, h1], 1))


class DenseRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(1568, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 784))

    def forward(self, x, m):
        return self.net(torch.cat([x * m, m], 1).view(-1, 1568)).view(-1, 1, 28, 28)


class MaskedVae(nn.Module):
    Z = 20

    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(1568, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 2 * self.Z))
        self.dec = nn.Sequential(nn.Linear(self.Z, 256), nn.ReLU(), nn.Linear(256, 512), nn.ReLU(), nn.Linear(512, 784))

    def encode(self, x, m):
        h = self.enc(torch.cat([x * m, m], 1).view(-1, 1568))
        return h[:, :self.Z], h[:, self.Z:]

    def loss(self, x, m):
        """Negative ELBO of the whole binarised image (Kingma & Welling 2014, eq. 10) with q(z | x_o, m)."""
        xb = torch.bernoulli(x).view(-1, 784)
        mu, logvar = self.encode(x, m)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        rec = F.binary_cross_entropy_with_logits(self.dec(z), xb, reduction="none").sum(1)
        kl = 0.5 * (mu ** 2 + logvar.exp() - 1 - logvar).sum(1)
        return (rec + kl).mean()

    def complete(self, x, m, codes=500):
        """E[x_m | x_o] by self-normalised importance sampling, weights p(x_o|z) p(z) / q(z|x_o, m) (MIWAE §3.3)."""
        out = []
        for xi, mi in zip(x.view(-1, 784), m.reshape(-1, 784)):
            mu, logvar = self.encode(xi.view(1, 1, 28, 28), mi.view(1, 1, 28, 28))
            sd = torch.exp(0.5 * logvar)
            eps = torch.randn(codes, self.Z)
            z = mu + eps * sd
            logits = self.dec(z)
            log_obs = -(F.binary_cross_entropy_with_logits(logits, xi.expand(codes, 784), reduction="none") * mi).sum(1)
            log_w = log_obs - 0.5 * (z ** 2).sum(1) + 0.5 * (eps ** 2).sum(1) + torch.log(sd).sum(1)
            out.append((torch.softmax(log_w, 0)[:, None] * torch.sigmoid(logits)).sum(0))
        return torch.stack(out)


def main():
    data, epochs, every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    kind = sys.argv[4] if len(sys.argv) > 4 else "conv"
    torch.set_num_threads(1)
    torch.manual_seed(0)
    if data == "mnist":
        x = idx(os.path.join(ROOT, "assets/mnist/images-idx3-ubyte.gz"))
        train, test = x[:9000], x[9000:9300]
    else:
        train = idx(os.path.join(FASHION, "train-images-idx3-ubyte.gz"))
        test = idx(os.path.join(ROOT, "assets/fashion-mnist/t10k-images-idx3-ubyte.gz"))[:300]
    kinds = ["top", "bottom"]
    for k in kinds:
        print(f"{data} {k}-half 100-NN rmse_missing {rmse_missing(knn_mean(train, test, half(k)), test, half(k)):.4f}",
              flush=True)
    masks = torch.tensor(np.stack([half(k) for k in ["top", "bottom", "left", "right"]])).view(4, 1, 28, 28)
    net = {"conv": Regressor, "dense": DenseRegressor, "masked-vae": MaskedVae}[kind]()
    opt = torch.optim.Adam(net.parameters(), 1e-3)
    xt, tt = torch.tensor(train).view(-1, 1, 28, 28), torch.tensor(test).view(-1, 1, 28, 28)
    t0 = time.time()
    for ep in range(1, epochs + 1):
        net.train()
        perm = torch.randperm(len(xt))
        for b in range(0, len(xt), 128):
            xb = xt[perm[b:b + 128]]
            m = masks[torch.randint(0, 4, (len(xb),))]
            if kind == "masked-vae":
                loss = net.loss(xb, m)
            else:
                loss = (F.binary_cross_entropy_with_logits(net(xb, m), xb, reduction="none") * (1 - m)).sum() / (1 - m).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
        if ep % every == 0 or ep == epochs:
            net.eval()
            with torch.no_grad():
                for k in kinds:
                    m = torch.tensor(half(k)).view(1, 1, 28, 28).expand(len(tt), 1, 28, 28)
                    p = (net.complete(tt, m) if kind == "masked-vae" else torch.sigmoid(net(tt, m))).view(-1, 784).numpy()
                    print(f"{data} {k}-half epoch {ep} {kind} rmse_missing {rmse_missing(p, test, half(k)):.4f} "
                          f"({time.time() - t0:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
