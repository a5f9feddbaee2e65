package org.latentexplorer.embed;

import java.util.SplittableRandom;

/**
 * Exact k-nearest-neighbour search in Euclidean space with a vantage-point tree (Yianilos, "Data
 * structures and algorithms for nearest neighbor search in general metric spaces", SODA 1993), as
 * used for t-SNE's input similarities by van der Maaten (JMLR 15, 2014, sec. 4.1).
 *
 * <p>The tree is implicit in one permutation of the point indices: the range {@code [lo, hi)} is a
 * node whose vantage point sits at {@code lo}; points at distance ≤ the node's radius follow in
 * {@code [lo + 1, mid)}, the others in {@code [mid, hi)}. Small ranges are scanned linearly.
 */
final class VpTree {
    private static final int LEAF = 12;

    private final double[] x;
    private final int dim;
    private final int[] items;
    private final double[] radius;

    /** Builds the tree over {@code n = x.length / dim} points stored row-major in {@code x}. */
    VpTree(double[] x, int dim, long seed) {
        this.x = x;
        this.dim = dim;
        int n = x.length / dim;
        items = new int[n];
        for (int i = 0; i < n; i++) {
            items[i] = i;
        }
        radius = new double[n];
        build(0, n, new double[n], new SplittableRandom(seed));
    }

    int size() {
        return items.length;
    }

    private void build(int lo, int hi, double[] dist, SplittableRandom rnd) {
        while (hi - lo > LEAF) {
            swap(lo, lo + rnd.nextInt(hi - lo));
            int vp = items[lo];
            for (int i = lo + 1; i < hi; i++) {
                dist[i] = distance(vp, items[i]);
            }
            int mid = (lo + 1 + hi) >>> 1;
            select(dist, lo + 1, hi - 1, mid);
            radius[lo] = dist[mid];
            build(lo + 1, mid, dist, rnd);
            lo = mid; // loop on the outer half instead of recursing
        }
    }

    /** Quickselect: rearranges items[lo..hi] (and dist) so that position k holds the k-th smallest. */
    private void select(double[] dist, int lo, int hi, int k) {
        while (hi > lo) {
            double pivot = dist[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (dist[i] < pivot) {
                    i++;
                }
                while (dist[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = dist[i];
                    dist[i] = dist[j];
                    dist[j] = t;
                    swap(i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int t = items[a];
        items[a] = items[b];
        items[b] = t;
    }

    private double distance(int a, int b) {
        int oa = a * dim;
        int ob = b * dim;
        double s = 0;
        for (int d = 0; d < dim; d++) {
            double t = x[oa + d] - x[ob + d];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    private double distance(double[] q, int b) {
        int ob = b * dim;
        double s = 0;
        for (int d = 0; d < dim; d++) {
            double t = q[d] - x[ob + d];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    /**
     * The {@code k} nearest neighbours of the query, nearest first, leaving out point {@code exclude}
     * (−1 for none). Writes indices to {@code idx[off..off+k)} and distances to {@code dist[off..off+k)}.
     */
    void knn(double[] q, int k, int exclude, int[] idx, double[] dist, int off) {
        Heap heap = new Heap(k);
        search(0, items.length, q, exclude, heap);
        heap.drainSorted(idx, dist, off);
    }

    private void search(int lo, int hi, double[] q, int exclude, Heap heap) {
        while (lo < hi) {
            if (hi - lo <= LEAF) {
                for (int i = lo; i < hi; i++) {
                    int p = items[i];
                    if (p != exclude) {
                        heap.offer(p, distance(q, p));
                    }
                }
                return;
            }
            int vp = items[lo];
            double d = distance(q, vp);
            if (vp != exclude) {
                heap.offer(vp, d);
            }
            double r = radius[lo];
            int mid = (lo + 1 + hi) >>> 1;
            if (d < r) {
                search(lo + 1, mid, q, exclude, heap);
                if (d + heap.tau() >= r) {
                    lo = mid;
                } else {
                    return;
                }
            } else {
                search(mid, hi, q, exclude, heap);
                if (d - heap.tau() <= r) {
                    hi = mid;
                    lo = lo + 1;
                } else {
                    return;
                }
            }
        }
    }

    /** A bounded max-heap of (index, distance) keeping the k smallest distances. */
    private static final class Heap {
        private final int[] id;
        private final double[] d;
        private int size;

        Heap(int k) {
            id = new int[k];
            d = new double[k];
        }

        double tau() {
            return size < d.length ? Double.POSITIVE_INFINITY : d[0];
        }

        void offer(int p, double dist) {
            if (size < d.length) {
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (d[parent] >= dist) {
                        break;
                    }
                    d[i] = d[parent];
                    id[i] = id[parent];
                    i = parent;
                }
                d[i] = dist;
                id[i] = p;
            } else if (dist < d[0]) {
                siftDown(p, dist, size);
            }
        }

        private void siftDown(int p, double dist, int n) {
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= n) {
                    break;
                }
                if (c + 1 < n && d[c + 1] > d[c]) {
                    c++;
                }
                if (d[c] <= dist) {
                    break;
                }
                d[i] = d[c];
                id[i] = id[c];
                i = c;
            }
            d[i] = dist;
            id[i] = p;
        }

        /** Empties the heap into the arrays, nearest first. */
        void drainSorted(int[] outIdx, double[] outDist, int off) {
            for (int n = size; n > 0; n--) {
                outIdx[off + n - 1] = id[0];
                outDist[off + n - 1] = d[0];
                int lastId = id[n - 1];
                double lastD = d[n - 1];
                siftDown(lastId, lastD, n - 1);
            }
            size = 0;
        }
    }
}
