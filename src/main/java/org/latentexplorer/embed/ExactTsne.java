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
 * progress asynchronously, so the intermediate layouts are not streamed here; cancel is passed on
 * through Smile's controller.
 */
final class ExactTsne {
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
        try (IterativeAlgorithmController<AlgoStatus> controller = new IterativeAlgorithmController<>()) {
            controller.subscribe(new Flow.Subscriber<>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(AlgoStatus status) {
                    if (cancel.isCancelled()) {
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
                    o.iterations(), o.iterations(), 1e-7, 0.5, 0.8, TsneOptions.EXAGGERATION_ITERATIONS, 0.01,
                    controller);
            TSNE tsne;
            synchronized (MathEx.class) { // Smile's random generator is global; the seed makes runs repeatable
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
