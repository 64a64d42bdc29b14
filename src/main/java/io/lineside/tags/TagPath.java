package io.lineside.tags;

import java.util.regex.Pattern;

/**
 * An ISA-95 tag address: site / area / line / station / signal.
 *
 * <p>Each segment is 1–64 characters of letters, digits, {@code _} and {@code -}, so a path can never
 * carry MQTT wildcards, SQL, markup or control characters. Immutable and safe from any thread.
 */
public record TagPath(String site, String area, String line, String station, String signal) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String[] NAMES = {"site", "area", "line", "station", "signal"};

    public TagPath {
        String[] segments = {site, area, line, station, signal};
        for (int i = 0; i < segments.length; i++) {
            if (segments[i] == null || !SEGMENT.matcher(segments[i]).matches()) {
                throw new IllegalArgumentException("invalid " + NAMES[i] + " segment: " + describe(segments[i])
                        + " (expected 1-64 of A-Z a-z 0-9 _ -)");
            }
        }
    }

    /** Parses {@code site/area/line/station/signal}; throws {@link IllegalArgumentException} with the reason. */
    public static TagPath parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("tag path is missing");
        }
        String[] parts = text.split("/", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("tag path " + describe(text)
                    + " must have 5 segments site/area/line/station/signal, has " + parts.length);
        }
        return new TagPath(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    /** The station this signal belongs to. */
    public StationId stationId() {
        return new StationId(site, area, line, station);
    }

    @Override
    public String toString() {
        return site + '/' + area + '/' + line + '/' + station + '/' + signal;
    }

    /** Quotes and shortens untrusted text for error messages, escaping anything unprintable. */
    static String describe(String untrusted) {
        if (untrusted == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        untrusted.codePoints().limit(40).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04x", cp));
            }
        });
        if (untrusted.codePointCount(0, untrusted.length()) > 40) {
            out.append("...");
        }
        return out.append('"').toString();
    }
}
