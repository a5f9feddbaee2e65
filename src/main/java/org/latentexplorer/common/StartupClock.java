package org.latentexplorer.common;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the seconds from launch to the first drawn map go: each step marks, once, the time since the
 * JVM started, and the window prints them with its {@code [startup]} line (bench/startup.sh reads it).
 */
public final class StartupClock {
    private static final Map<String, Long> MARKS = new LinkedHashMap<>();

    private StartupClock() {
    }

    /** Records {@code step} the first time it happens. */
    public static synchronized void mark(String step) {
        MARKS.putIfAbsent(step, System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** "natives 0.61 s · window 1.20 s · …", in the order the steps happened. */
    public static synchronized String summary() {
        return MARKS.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 1000.0))
                .collect(Collectors.joining(" · "));
    }
}
