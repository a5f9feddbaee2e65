package org.latentexplorer.ui.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.latentexplorer.ui.common.FrameTimes;

/**
 * Reads JavaFX's pulse logger ({@code -Djavafx.pulseLogger=true}) from standard error: for every pulse
 * it prints {@code [pulse interval:duration]}, the duration running from the start of the pulse (input,
 * animation, layout) to the end of painting its frame, in whole milliseconds. While recording, the
 * durations go into a {@link FrameTimes}; the log itself is passed on only for pulses slower than the
 * logger's threshold (their phase-by-phase breakdown).
 */
final class PulseLog extends OutputStream {
    private static final Pattern PULSE = Pattern.compile("(?:\\[\\d+ |PULSE: \\d+ \\[)(\\d+)ms:(\\d+)ms\\]");
    private final PrintStream out;
    private final StringBuilder line = new StringBuilder();
    private volatile FrameTimes recording;

    private PulseLog(PrintStream out) {
        this.out = out;
    }

    /** Installs the reader on System.err; returns null when the pulse logger is off. */
    static PulseLog install() {
        if (!Boolean.getBoolean("javafx.pulseLogger")) {
            return null;
        }
        PulseLog log = new PulseLog(System.err);
        System.setErr(new PrintStream(log, true));
        return log;
    }

    /** Records the duration of every pulse from now into {@code times}, or stops recording (null). */
    void record(FrameTimes times) {
        recording = times;
    }

    @Override
    public synchronized void write(int b) {
        line.append((char) b);
        if (b == ']') {
            Matcher m = PULSE.matcher(line);
            if (m.find()) {
                FrameTimes t = recording;
                if (t != null) {
                    t.add(Long.parseLong(m.group(2)) * 1_000_000L);
                }
                boolean detailed = line.indexOf("PULSE:") >= 0;
                if (!detailed) {
                    line.setLength(0);
                    return;
                }
            }
        }
        if (b == '\n') {
            if (line.length() > 1) {
                out.print(line);
            }
            line.setLength(0);
        }
    }
}
