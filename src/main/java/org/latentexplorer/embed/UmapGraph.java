package org.latentexplorer.embed;

/**
 * UMAP's fuzzy simplicial set of the codes (McInnes, Healy and Melville, arXiv:1802.03426, 2018,
 * sec. 3.1 and Algorithms 2–3): per-point ρ (distance to the nearest neighbour) and σ (set by binary
 * search so that Σ_j exp(−max(0, d_ij − ρ_i) / σ_i) = log2 k), directed memberships
 * w_ij = exp(−max(0, d_ij − ρ_i) / σ_i), and their fuzzy union w_ij + w_ji − w_ij·w_ji.
 *
 * @param head   first end of each directed edge (both directions of an undirected edge are present)
 * @param tail   second end
 * @param weight membership strength of each edge, in (0, 1]
 */
record UmapGraph(int[] head, int[] tail, double[] weight) {

    /** ρ and σ of one point from its sorted neighbour distances (umap-learn's smooth_knn_dist). */
    static double[] rhoSigma(double[] dist, int off, int count, int neighbors, double meanAll) {
        double target = Math.log(neighbors) / Math.log(2);
        double rho = 0;
        double sum = 0;
        for (int j = 0; j < count; j++) {
            double d = dist[off + j];
            sum += d;
            if (rho == 0 && d > 0) {
                rho = d;
            }
        }
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double mid = 1;
        for (int iter = 0; iter < 64; iter++) {
            double psum = 0;
            for (int j = 0; j < count; j++) {
                double d = dist[off + j] - rho;
                psum += d > 0 ? Math.exp(-d / mid) : 1;
            }
            if (Math.abs(psum - target) < 1e-5) {
                break;
            }
            if (psum > target) {
                hi = mid;
                mid = (lo + hi) / 2;
            } else {
                lo = mid;
                mid = Double.isInfinite(hi) ? mid * 2 : (lo + hi) / 2;
            }
        }
        // A floor on σ so that duplicates and very tight clusters do not make it vanish (umap-learn).
        double mean = rho > 0 ? sum / (count + 1) : meanAll;
        double sigma = Math.max(mid, 1e-3 * mean);
        return new double[] {rho, sigma};
    }

    /** Membership strength of a neighbour at distance d given ρ and σ. */
    static double membership(double d, double rho, double sigma) {
        double t = d - rho;
        return t <= 0 ? 1 : Math.exp(-t / sigma);
    }

    /** The symmetric graph, keeping edges of weight at least max / epochs (as umap-learn). */
    static UmapGraph build(KnnGraph knn, int neighbors, int epochs) {
        int n = knn.n();
        int k = knn.k();
        double meanAll = 0;
        for (double d : knn.dist()) {
            meanAll += d;
        }
        meanAll /= knn.dist().length;
        double[] w = new double[n * k];
        for (int i = 0; i < n; i++) {
            double[] rs = rhoSigma(knn.dist(), i * k, k, neighbors, meanAll);
            for (int j = 0; j < k; j++) {
                w[i * k + j] = membership(knn.dist()[i * k + j], rs[0], rs[1]);
            }
        }
        // Gather both directions of every edge per row, then merge pairs by the fuzzy union.
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] += k;
            for (int t = 0; t < k; t++) {
                start[knn.idx()[i * k + t] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = java.util.Arrays.copyOf(start, n);
        int[] c = new int[start[n]];
        double[] v = new double[start[n]];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                int j = knn.idx()[i * k + t];
                if (j == i) {
                    continue;
                }
                double wt = w[i * k + t];
                c[fill[i]] = j;
                v[fill[i]++] = wt;
                c[fill[j]] = i;
                v[fill[j]++] = wt;
            }
        }
        int[] slot = new int[n];
        java.util.Arrays.fill(slot, -1);
        int[] head = new int[start[n]];
        int[] tail = new int[start[n]];
        double[] weight = new double[start[n]];
        int m = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            int rowStart = m;
            for (int e = start[i]; e < fill[i]; e++) {
                int j = c[e];
                if (slot[j] >= rowStart) {
                    double a = weight[slot[j]];
                    weight[slot[j]] = a + v[e] - a * v[e]; // fuzzy union (McInnes et al. 2018, sec. 3.1)
                } else {
                    slot[j] = m;
                    head[m] = i;
                    tail[m] = j;
                    weight[m++] = v[e];
                }
            }
        }
        for (int e = 0; e < m; e++) {
            max = Math.max(max, weight[e]);
        }
        int kept = 0;
        double floor = max / epochs;
        for (int e = 0; e < m; e++) {
            if (weight[e] >= floor && weight[e] > 0) {
                head[kept] = head[e];
                tail[kept] = tail[e];
                weight[kept++] = weight[e];
            }
        }
        return new UmapGraph(java.util.Arrays.copyOf(head, kept), java.util.Arrays.copyOf(tail, kept),
                java.util.Arrays.copyOf(weight, kept));
    }

    /**
     * Parameters a, b of the map's similarity 1 / (1 + a d^{2b}), fitted by least squares to the
     * target curve 1 for d < minDist, exp(−(d − minDist) / spread) beyond (McInnes et al. 2018,
     * sec. 3.2 and Definition 11), on 300 points in [0, 3·spread], by Levenberg-Marquardt.
     */
    static double[] fitAb(double minDist, double spread) {
        int m = 300;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int i = 0; i < m; i++) {
            xs[i] = 3 * spread * i / (m - 1);
            ys[i] = xs[i] < minDist ? 1 : Math.exp(-(xs[i] - minDist) / spread);
        }
        double a = 1;
        double b = 1;
        double lambda = 1e-3;
        double err = abError(xs, ys, a, b);
        for (int iter = 0; iter < 500; iter++) {
            double jaa = 0;
            double jab = 0;
            double jbb = 0;
            double ga = 0;
            double gb = 0;
            for (int i = 1; i < m; i++) {
                double x = xs[i];
                double p = Math.pow(x, 2 * b);
                double den = 1 + a * p;
                double f = 1 / den;
                double r = ys[i] - f;
                double da = -p / (den * den);
                double db = -a * p * 2 * Math.log(x) / (den * den);
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * r;
                gb += db * r;
            }
            double ma = jaa * (1 + lambda);
            double mb = jbb * (1 + lambda);
            double det = ma * mb - jab * jab;
            double stepA = (mb * ga - jab * gb) / det;
            double stepB = (ma * gb - jab * ga) / det;
            double na = a + stepA;
            double nb = b + stepB;
            double ne = na > 0 && nb > 0 ? abError(xs, ys, na, nb) : Double.POSITIVE_INFINITY;
            if (ne < err) {
                boolean done = err - ne < 1e-14;
                a = na;
                b = nb;
                err = ne;
                lambda /= 10;
                if (done) {
                    break;
                }
            } else {
                lambda *= 10;
                if (lambda > 1e12) {
                    break;
                }
            }
        }
        return new double[] {a, b};
    }

    private static double abError(double[] xs, double[] ys, double a, double b) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double f = 1 / (1 + a * Math.pow(xs[i], 2 * b));
            s += (ys[i] - f) * (ys[i] - f);
        }
        return s;
    }
}
