package io.lineside.layout;

/**
 * A layout file refused as a whole. The message names the file, the line and column (when known) and what is wrong,
 * e.g. {@code layout plant.yaml:12:7: key 'kind': expected one of ..., found "robot"}.
 */
public final class LayoutException extends Exception {

    private final String source;
    private final int line;

    public LayoutException(String source, int line, int column, String problem) {
        super(source + (line > 0 ? ":" + line + ":" + column : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or resource) the problem is in. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when it concerns the file as a whole. */
    public int line() {
        return line;
    }
}
