package org.latentexplorer.embed;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import org.latentexplorer.common.CancelToken;
import smile.manifold.TSNE;
import smile.math.MathEx;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * Smile's exact t-SNE ({@link smile.manifold.TSNE}: dense n × n matrices, O(n²) per iteration), used
 * for small data sets where it takes well under a second. It is pure Java (no BLAS). Smile reports its
 * iteration and cost but not its layout, so intermediate layouts are not streamed here; cancel is
 * passed on through Smile's controller.
 */
final class ExactTsne {
    private static final Object SEED_LOCK = new Object();

    private ExactTsne() {
    }

    static BarnesHutTsne.Result fit(double[] x, int dim, TsneOptions o, ProgressGate gate, CancelToken cancel) {
        int n = x.length / dim;
        // A square input is taken by Smile as squared distances: pass them always, so an n × n code
        // matrix is never mistaken for one.
        double[][] d2 = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int c = 0; c < dim; c++) {
                    double t = x[i * dim + c] - x[j * dim + c];
                    s += t * t;
                }
                d2[i][j] = s;
                d2[j][i] = s;
            }
        }
        gate.report("layout", 0, o.iterations(), Double.NaN, null, true);
        // A direct executor: Smile's default controller starts a non-daemon thread pool that is never shut
        // down (the JVM would not exit); this way the status also arrives on the computing thread.
        try (IterativeAlgorithmController<AlgoStatus> controller = new IterativeAlgorithmController<>(Runnable::run, 256)) {
            controller.subscribe(new Flow.Subscriber<>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(AlgoStatus status) {
                    try {
                        gate.report("layout", status.iteration(), o.iterations(), status.objective(), null, false);
                    } catch (CancellationException e) {
                        controller.stop();
                        subscription.cancel();
                    }
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }
            });
            var options = new TSNE.Options(2, o.perplexity(), o.learningRateFor(n), o.earlyExaggeration(),
                    o.iterations(), o.iterations(), 1e-7, 0.5, 0.8, Math.min(TsneOptions.EXAGGERATION_ITERATIONS, o.iterations() - 1), 0.01,
                    controller);
            TSNE tsne;
            synchronized (SEED_LOCK) { // Smile's random generator is global: seed and fit as one step
                MathEx.setSeed(o.seed());
                tsne = TSNE.fit(d2, options);
            }
            if (cancel.isCancelled()) {
                throw new CancellationException("cancelled");
            }
            double[] y = new double[2 * n];
            double[][] c = tsne.coordinates();
            for (int i = 0; i < n; i++) {
                y[2 * i] = c[i][0];
                y[2 * i + 1] = c[i][1];
            }
            gate.report("layout", o.iterations(), o.iterations(), tsne.cost(), y, true);
            return new BarnesHutTsne.Result(y, tsne.cost());
        }
    }
}
