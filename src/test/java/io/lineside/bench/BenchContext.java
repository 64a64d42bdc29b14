package io.lineside.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every scenario gets: the size of the run, a private work directory and where progress goes.
 *
 * @param quick   the smoke run: tiny sizes, seconds not minutes; numbers only prove the harness works
 * @param workDir a fresh directory the scenario may fill (deleted by nobody: it lives under the OS temp dir)
 * @param log     progress lines (stderr), so the table on stdout stays clean
 * @param quickSparkplug a smoke run that still wants scenario 1's Sparkplug rows ({@code --sparkplug})
 */
public record BenchContext(boolean quick, Path workDir, PrintStream log, boolean quickSparkplug) {

    /** Whether scenario 1 runs its Sparkplug rows: always in a full run, on request in a smoke run. */
    public boolean runsSparkplug() {
        return !quick || quickSparkplug;
    }

    /** {@code quick} in a smoke run, {@code full} otherwise. */
    public int size(int quick, int full) {
        return this.quick ? quick : full;
    }

    /** A new sub-directory of the work directory. */
    public Path dir(String name) throws java.io.IOException {
        return Files.createDirectories(workDir.resolve(name));
    }

    public void progress(String format, Object... args) {
        log.printf("[bench %tT.%<tL] " + format + "%n", prepend(java.time.LocalTime.now(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
