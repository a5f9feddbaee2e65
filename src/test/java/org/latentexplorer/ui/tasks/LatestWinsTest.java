package org.latentexplorer.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.ui.fakes.HeldExecutor;

class LatestWinsTest {
    @Test
    void whileAJobRunsOnlyTheNewestRequestWaits() {
        HeldExecutor ex = new HeldExecutor();
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
