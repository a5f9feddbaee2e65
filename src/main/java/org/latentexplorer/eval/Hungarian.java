package org.latentexplorer.eval;

import java.util.Arrays;

/**
 * Minimum-cost assignment on a rectangular cost matrix: the Hungarian method (Kuhn 1955; Munkres
 * 1957) in its O(n³) shortest-augmenting-path form with row and column potentials. Used to match
 * clusters to classes for the unsupervised clustering accuracy.
 */
public final class Hungarian {
    private Hungarian() {
    }

    /**
     * An assignment of rows to columns that minimises the total cost. The matrix may be rectangular;
     * it is padded with zero-cost rows or columns to a square one, so every row gets a distinct
     * column when there are at least as many columns as rows, and the rows left over get −1
     * otherwise.
     *
     * @param cost {@code rows × cols} finite costs
     * @return for each row, its column, or −1 when the row is unmatched
     */
    public static int[] minimise(double[][] cost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        int n = Math.max(rows, cols);
        if (n == 0) {
            return new int[0];
        }
        double[][] a = new double[n + 1][n + 1];
        for (int i = 0; i < rows; i++) {
            if (cost[i].length != cols) {
                throw new IllegalArgumentException("cost row " + i + " has " + cost[i].length + " columns, expected " + cols);
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException("cost[" + i + "][" + j + "] is not finite");
                }
                a[i + 1][j + 1] = cost[i][j];
            }
        }
        // u, v: potentials of rows and columns; p[j]: the row matched to column j (0 = none);
        // way[j]: the previous column on the augmenting path to j. Indices are 1-based, 0 is a sentinel.
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[n + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = a[i0][j] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] match = new int[rows];
        Arrays.fill(match, -1);
        for (int j = 1; j <= n; j++) {
            int i = p[j] - 1;
            if (i >= 0 && i < rows && j - 1 < cols) {
                match[i] = j - 1;
            }
        }
        return match;
    }

    /** An assignment that maximises the total of {@code gain} (e.g. a contingency table of counts). */
    public static int[] maximise(double[][] gain) {
        double[][] c = new double[gain.length][];
        for (int i = 0; i < gain.length; i++) {
            c[i] = new double[gain[i].length];
            for (int j = 0; j < c[i].length; j++) {
                c[i][j] = -gain[i][j];
            }
        }
        return minimise(c);
    }
}
