#!/usr/bin/env python3
"""Stand-in 20-D "latent codes" for the embedding benchmarks until a trained model exists:
PCA-20 of Fashion-MNIST pixels (scaled to [0, 1]), fitted on the rows written.

  /usr/bin/python3 bench/make_codes.py --images t10k-images-idx3-ubyte.gz --labels t10k-labels-idx1-ubyte.gz \
      [--images train-images... --labels train-labels...] --dim 20 --out codes.csv
Writes a header line, then label,z1..zD per row, in file order (files concatenated in the order given).
"""
import argparse, gzip

import numpy as np
from sklearn.decomposition import PCA


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--images", action="append", required=True)
    ap.add_argument("--labels", action="append", required=True)
    ap.add_argument("--dim", type=int, default=20)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    x = np.concatenate([idx(p).reshape(-1, 784) for p in a.images]).astype(np.float64) / 255.0
    y = np.concatenate([idx(p) for p in a.labels]).astype(int)
    z = PCA(n_components=a.dim, svd_solver="full").fit_transform(x)
    with open(a.out, "w") as f:
        f.write("label," + ",".join(f"z{i + 1}" for i in range(a.dim)) + "\n")
        for lab, row in zip(y, z):
            f.write(str(lab) + "," + ",".join(f"{v:.6g}" for v in row) + "\n")


if __name__ == "__main__":
    main()
