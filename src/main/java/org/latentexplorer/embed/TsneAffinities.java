package org.latentexplorer.embed;

/**
 * The sparse, symmetric input similarities P of Barnes-Hut t-SNE (van der Maaten, JMLR 15, 2014,
 * sec. 4.1): Gaussian conditional probabilities over each point's ⌊3u⌋ nearest neighbours with the
 * bandwidth set by binary search so that the perplexity is u (van der Maaten and Hinton, JMLR 9, 2008,
 * eq. 1 and sec. 2), then p_ij = (p_j|i + p_i|j) / 2n (2014, eq. 2 context).
 *
 * @param rowPtr CSR row starts, length n + 1
 * @param col    column index of each entry
 * @param val    p_ij of each entry; all entries sum to 1
 */
record TsneAffinities(int[] rowPtr, int[] col, double[] val) {

    /** Conditional probabilities p_j|i over the neighbour lists, row-major like {@code knn}. */
    static double[] conditional(KnnGraph knn, double perplexity) {
        int n = knn.n();
        int k = knn.k();
        double[] p = new double[n * k];
        double[] d2 = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double d = knn.dist()[i * k + j];
                d2[j] = d * d;
            }
            calibrate(d2, k, perplexity, p, i * k);
        }
        return p;
    }

    /**
     * Binary search for the precision β with entropy H(P_i) = log(perplexity) (natural log), on
     * squared distances {@code d2[0..k)} (van der Maaten and Hinton 2008, sec. 2). If every distance is
     * the same (identical points), the search ends with equal weights, which is the limit it tends to.
     */
    static void calibrate(double[] d2, int k, double perplexity, double[] out, int off) {
        double target = Math.log(perplexity);
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double dMin = d2[0];
        for (int j = 1; j < k; j++) {
            dMin = Math.min(dMin, d2[j]);
        }
        for (int iter = 0; iter < 200; iter++) {
            double sum = 0;
            double dsum = 0;
            for (int j = 0; j < k; j++) {
                // Shifting by the smallest distance cancels in the normalisation and avoids underflow.
                double w = Math.exp(-beta * (d2[j] - dMin));
                out[off + j] = w;
                sum += w;
                dsum += w * (d2[j] - dMin);
            }
            double h = Math.log(sum) + beta * dsum / sum;
            for (int j = 0; j < k; j++) {
                out[off + j] /= sum;
            }
            double diff = h - target;
            if (Math.abs(diff) < 1e-5) {
                break;
            }
            if (diff > 0) {
                lo = beta;
                beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
            if (beta > 1e300 || hi - lo < 1e-300) {
                break;
            }
        }
    }

    /** Symmetrises p_j|i into p_ij = (p_j|i + p_i|j) / 2n as a CSR matrix without duplicate entries. */
    static TsneAffinities symmetric(KnnGraph knn, double[] cond) {
        int n = knn.n();
        int k = knn.k();
        int[] deg = new int[n + 1];
        for (int i = 0; i < n; i++) {
            deg[i] += k;
            for (int t = 0; t < k; t++) {
                deg[knn.idx()[i * k + t]]++;
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + deg[i];
        }
        int[] fill = java.util.Arrays.copyOf(start, n);
        int[] c = new int[start[n]];
        double[] v = new double[start[n]];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                int j = knn.idx()[i * k + t];
                double p = cond[i * k + t];
                c[fill[i]] = j;
                v[fill[i]++] = p;
                c[fill[j]] = i;
                v[fill[j]++] = p;
            }
        }
        // Merge duplicate (i, j) entries: both directions of a mutual neighbour pair.
        int[] rowPtr = new int[n + 1];
        int[] slot = new int[n];
        java.util.Arrays.fill(slot, -1);
        int out = 0;
        double norm = 1.0 / (2.0 * n);
        for (int i = 0; i < n; i++) {
            rowPtr[i] = out;
            for (int e = start[i]; e < start[i + 1]; e++) {
                int j = c[e];
                if (slot[j] >= rowPtr[i]) {
                    v[slot[j]] += v[e] * norm;
                } else {
                    slot[j] = out;
                    c[out] = j;
                    v[out++] = v[e] * norm;
                }
            }
        }
        rowPtr[n] = out;
        return new TsneAffinities(rowPtr, java.util.Arrays.copyOf(c, out), java.util.Arrays.copyOf(v, out));
    }
}
