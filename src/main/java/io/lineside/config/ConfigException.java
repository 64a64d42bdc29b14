package io.lineside.config;

/**
 * A configuration the app refuses, in one format for every file: {@code <kind> <file>:<line>: key '<key>': expected
 * <what>, found <what>} (line and key left out where the problem concerns the whole file). The parts are kept apart
 * too, for the start-up window that shows them.
 */
public final class ConfigException extends Exception {

    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    /**
     * @param kind    what the file is, leading the message ({@code config}, {@code alarms})
     * @param file    the file (or resource) named
     * @param line    1-based line, or 0 when the problem concerns the file as a whole
     * @param key     the dotted key path ({@code broker.url}, {@code mappings[0].kind}), or empty
     * @param problem what is wrong, e.g. {@code expected true or false, found "yes"}
     */
    public ConfigException(String kind, String file, int line, String key, String problem) {
        this(kind + " " + file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : "key '" + key + "': ")
                + problem, new Parts(file, line, key, problem));
    }

    /**
     * As above, for a value inside a named part of the file: {@code alarms a.yaml:7: alarm 'X' (alarms[3]): key
     * 'priority': ...}, the key shown relative to that part; {@link #key()} stays the whole path.
     */
    public ConfigException(String kind, String file, int line, String context, String shownKey, String key,
                           String problem) {
        this(kind + " " + file + (line > 0 ? ":" + line : "") + ": " + (context.isEmpty() ? "" : context + ": ")
                + (shownKey.isEmpty() ? "" : "key '" + shownKey + "': ") + problem, new Parts(file, line, key, problem));
    }

    private record Parts(String file, int line, String key, String problem) {
    }

    private ConfigException(String message, Parts parts) {
        super(message);
        this.file = parts.file();
        this.line = parts.line();
        this.key = parts.key();
        this.problem = parts.problem();
    }

    /** A key the reader does not know: {@code config f.yaml:3: unknown key 'brokr'; expected one of ...}. */
    public static ConfigException unknownKey(String kind, String file, int line, String key, String expected) {
        return unknownKey(kind, file, line, "", key, key, expected);
    }

    /** As above, inside a named part of the file (see the constructor with a context). */
    public static ConfigException unknownKey(String kind, String file, int line, String context, String shownKey,
                                             String key, String expected) {
        String problem = "unknown key '" + shownKey + "'; " + expected;
        return new ConfigException(kind + " " + file + (line > 0 ? ":" + line : "") + ": "
                + (context.isEmpty() ? "" : context + ": ") + problem, new Parts(file, line, key, problem));
    }

    /** A problem of the file as a whole (not found, too large, not readable). */
    public static ConfigException whole(String kind, String file, String problem) {
        return new ConfigException(kind, file, 0, "", problem);
    }

    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** The dotted key path, or empty. */
    public String key() {
        return key;
    }

    /** What is wrong, without the file, line and key. */
    public String problem() {
        return problem;
    }
}
