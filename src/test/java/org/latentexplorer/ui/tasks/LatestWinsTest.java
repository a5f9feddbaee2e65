package org.latentexplorer.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestWinsTest {
    /** Holds submitted work until the test releases it, like a busy worker thread. */
    static final class ManualExecutor implements TaskExecutor {
        final List<Runnable> queued = new ArrayList<>();
        final TaskMonitor monitor = new TaskMonitor();

        @Override
        public <T> TaskHandle submit(String title, boolean visible, Work<T> work, Consumer<T> ok, Consumer<Throwable> fail) {
            TaskHandle h = new TaskHandle(title, new org.latentexplorer.common.CancelToken());
            queued.add(() -> {
                try {
                    ok.accept(work.run(Work.Progress.NONE, h.cancelToken()));
                } catch (Exception e) {
                    fail.accept(e);
                }
            });
            return h;
        }

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }

        @Override
        public TaskMonitor monitor() {
            return monitor;
        }
    }

    @Test
    void whileAJobRunsOnlyTheNewestRequestWaits() {
        ManualExecutor ex = new ManualExecutor();
        List<Integer> computed = new ArrayList<>();
        List<Integer> delivered = new ArrayList<>();
        LatestWins<Integer, Integer> lw = new LatestWins<>(ex, "t", q -> {
            computed.add(q);
            return q * 10;
        }, delivered::add, t -> { });
        lw.request(1);
        lw.request(2);
        lw.request(3);
        lw.request(4);
        assertThat(ex.queued).hasSize(1);
        ex.queued.removeFirst().run();
        assertThat(ex.queued).hasSize(1);
        ex.queued.removeFirst().run();
        assertThat(computed).containsExactly(1, 4);
        assertThat(delivered).containsExactly(10, 40);
        assertThat(lw.isRunning()).isFalse();
    }
}
