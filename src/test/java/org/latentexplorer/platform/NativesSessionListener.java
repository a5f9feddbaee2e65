package org.latentexplorer.platform;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Runs {@link Natives#init()} before any test, as {@code Main} does before any command. */
public final class NativesSessionListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Natives.init();
    }
}
