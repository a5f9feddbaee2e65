package org.latentexplorer.ui.tasks;

import org.latentexplorer.common.CancelToken;

/** A submitted task: its title and the token that cancels it. */
public record TaskHandle(String title, CancelToken cancelToken) {
    public void cancel() {
        cancelToken.cancel();
    }
}
