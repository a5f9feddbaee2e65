package org.latentexplorer.ui.common;

import java.util.Arrays;
import java.util.Locale;

/** The last few hundred frame times of a view, for the benchmarks and the status line. */
public final class FrameTimes {
    private final long[] nanos = new long[1024];
    private int count;

    public synchronized void add(long ns) {
        nanos[count % nanos.length] = ns;
        count++;
    }

    public synchronized void clear() {
        count = 0;
    }

    public synchronized int count() {
        return Math.min(count, nanos.length);
    }

    /** The {@code q}-quantile in milliseconds (0 when nothing was recorded). */
    public synchronized double percentileMs(double q) {
        int n = count();
        if (n == 0) {
            return 0;
        }
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        return s[Math.min(n - 1, (int) Math.ceil(q * n) - 1 < 0 ? 0 : (int) Math.ceil(q * n) - 1)] / 1e6;
    }

    /** How many of the recorded times exceed {@code ns}. */
    public synchronized int countOver(long ns) {
        int over = 0;
        for (int i = 0; i < count(); i++) {
            if (nanos[i] > ns) {
                over++;
            }
        }
        return over;
    }

    public String summary() {
        return String.format(Locale.ROOT, "n=%d p50=%.2f ms p95=%.2f ms max=%.2f ms", count(), percentileMs(0.5),
                percentileMs(0.95), percentileMs(1.0));
    }
}
