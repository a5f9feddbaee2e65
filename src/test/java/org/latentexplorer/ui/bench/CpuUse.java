package org.latentexplorer.ui.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used during a scenario by the threads that make a frame (the FX thread, the renderer, the
 * workers) and by the X server we draw to. On a shared machine, wall-clock frame times mostly measure
 * how long the threads waited for a core; CPU time per frame says what the frame itself costs.
 */
final class CpuUse {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<String, Long> start;

    private CpuUse(Map<String, Long> start) {
        this.start = start;
    }

    static CpuUse begin() {
        return new CpuUse(sample());
    }

    /** CPU milliseconds per frame of each group since {@link #begin()}. */
    String perFrame(int frames) {
        Map<String, Long> end = sample();
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : end.entrySet()) {
            long used = e.getValue() - start.getOrDefault(e.getKey(), 0L);
            b.append(String.format(Locale.ROOT, "%s %.2f  ", e.getKey(), used / 1e6 / frames));
        }
        return b.toString().trim();
    }

    private static Map<String, Long> sample() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpu.put("fx", 0L);
        cpu.put("render", 0L);
        cpu.put("workers", 0L);
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            String group = t.getThreadName().equals("JavaFX Application Thread") ? "fx"
                    : t.getThreadName().startsWith("QuantumRenderer") ? "render"
                    : t.getThreadName().startsWith("explorer-worker") ? "workers" : null;
            long ns = THREADS.getThreadCpuTime(t.getThreadId());
            if (group != null && ns > 0) {
                cpu.merge(group, ns, Long::sum);
            }
        }
        cpu.put("xserver", xServerNanos());
        return cpu;
    }

    /** CPU time of the X server of this process's DISPLAY (Xvfb), from /proc; 0 when not found. */
    private static long xServerNanos() {
        String display = System.getenv("DISPLAY");
        if (display == null) {
            return 0;
        }
        String wanted = display.replaceAll("\\.\\d+$", "");
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String[] args = Files.readString(p.resolve("cmdline")).split("\0");
                    if (args.length > 1 && args[0].endsWith("Xvfb") && args[1].equals(wanted)) {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 Hz).
                        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
                    }
                } catch (IOException | RuntimeException ignored) {
                    // A process that ended while we looked.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
