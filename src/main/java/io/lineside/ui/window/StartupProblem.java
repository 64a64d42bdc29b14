package io.lineside.ui.window;

/**
 * Why the HMI did not start, as the start-up window shows it: the whole line as printed on stderr, and where a
 * configuration file is at fault, which file, line and key, and what is wrong there.
 *
 * @param message the one line printed on stderr and logged
 * @param file    the file at fault, or empty
 * @param line    its 1-based line, or 0 when unknown or the file as a whole
 * @param key     the key path at fault ({@code broker.url}), or empty
 * @param problem what is wrong, without file, line and key (the whole message when no file is known)
 */
public record StartupProblem(String message, String file, int line, String key, String problem) {

    /** A problem that names no file (a data directory that cannot be created, an unknown option). */
    public static StartupProblem of(String message) {
        return new StartupProblem(message, "", 0, "", message);
    }

    /** True when a configuration file is named. */
    public boolean hasFile() {
        return !file.isEmpty();
    }

    /** The line printed on stderr. */
    @Override
    public String toString() {
        return message;
    }
}
