package io.lineside.telemetry.sparkplug;

/** Helpers for untrusted metric names in messages and diagnostics. */
final class MetricNames {

    private MetricNames() {
    }

    /** Quotes and shortens untrusted text, escaping anything unprintable (RTL overrides, NUL, newlines). */
    static String quote(String untrusted) {
        if (untrusted == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        untrusted.codePoints().limit(60).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\') {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04x", cp));
            }
        });
        if (untrusted.length() > 60) {
            out.append("...");
        }
        return out.append('"').toString();
    }
}
