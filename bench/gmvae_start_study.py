"""Offline study of the GMVAE start's clustering (docs/benchmarks-gmvae.md, session 5).

Input: the standardised autoencoder codes that `org.latentexplorer.train.StartCodesDump` writes (label, then
the code, one row per training image; for Fashion-MNIST also CODES-test.csv with the test split's codes).
It repeats the app's start in umap-learn / scikit-learn: L 2-D UMAP layouts (20 neighbours, min-dist 0;
McConville et al. 2020, N2D), k-means then a full-covariance Gaussian mixture on each, the layout whose
partition has the highest mean adjusted Rand index with the others (the medoid, as GmvaeInit keeps) and then
`--init umap-gmm-codes`: a full-covariance mixture on the codes themselves, started from that partition.
Prints the Hungarian-matched accuracy of every layout, of the medoid and of the refined partition on the
training labels, and of the refined mixture on the test codes when they exist. Layouts are cached beside the
CSV (CODES-layN.npy).

    OMP_NUM_THREADS=1 NUMBA_NUM_THREADS=1 /usr/bin/python3 bench/gmvae_start_study.py CODES.csv [LAYOUTS]
"""
import os
import sys

import numpy as np
import umap
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.mixture import GaussianMixture

K = 10


def accuracy(labels, clusters):
    """Unsupervised clustering accuracy with Hungarian matching (as VaDE reports it)."""
    t = np.zeros((max(clusters.max() + 1, K), K))
    np.add.at(t, (clusters, labels), 1)
    r, c = linear_sum_assignment(-t)
    return t[r, c].sum() / len(labels)


def load(path):
    d = np.loadtxt(path, delimiter=',', dtype=np.float32)
    return d[:, 0].astype(int), d[:, 1:].astype(np.float64)


def main():
    csv = sys.argv[1]
    layouts = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    lab, x = load(csv)
    partitions = []
    for layout in range(1, layouts + 1):
        cached = csv.replace('.csv', f'-lay{layout}.npy')
        if os.path.exists(cached):
            e = np.load(cached)
        else:
            e = umap.UMAP(n_neighbors=20, min_dist=0.0, n_components=2, random_state=layout).fit_transform(
                x.astype(np.float32))
            np.save(cached, e)
        km = KMeans(K, n_init=10, random_state=layout).fit(e)
        gmm = GaussianMixture(K, covariance_type='full', means_init=km.cluster_centers_, random_state=layout,
                              max_iter=500)
        partitions.append(gmm.fit(e).predict(e))
    ari = np.array([[adjusted_rand_score(a, b) for b in partitions] for a in partitions])
    medoid = int(((ari.sum(1) - 1) / max(1, layouts - 1)).argmax())
    p = partitions[medoid]
    # The refinement: full-covariance EM on the codes from the medoid partition's means, covariances, weights.
    means = np.array([x[p == k].mean(0) for k in range(K)])
    weights = np.bincount(p, minlength=K) / len(p)
    precisions = np.array([np.linalg.inv(np.cov(x[p == k].T) + 1e-6 * np.eye(x.shape[1])) for k in range(K)])
    refined = GaussianMixture(K, covariance_type='full', weights_init=weights, means_init=means,
                              precisions_init=precisions, max_iter=500, tol=1e-7, random_state=1).fit(x)
    q = refined.predict(x)
    line = (f'{os.path.basename(csv)}: layouts {[round(accuracy(lab, pp), 4) for pp in partitions]} '
            f'medoid {medoid + 1}: {accuracy(lab, p):.4f} (largest {np.bincount(p).max()}) | '
            f'refined on the codes: {accuracy(lab, q):.4f} (largest {np.bincount(q).max()})')
    test = csv.replace('.csv', '-test.csv')
    if os.path.exists(test):
        tlab, xt = load(test)
        line += f', test split {accuracy(tlab, refined.predict(xt)):.4f}'
    print(line, flush=True)


if __name__ == '__main__':
    main()
