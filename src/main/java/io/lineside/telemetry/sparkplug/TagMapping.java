package io.lineside.telemetry.sparkplug;

import io.lineside.tags.TagPath;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a Sparkplug metric (group, edge node, device, metric name) to an ISA-95 {@link TagPath}. Each of the five
 * path segments is a template of literal text and placeholders:
 * <ul>
 *   <li>{@code {group}}, {@code {edge}}, {@code {device}} — the topic ids ({@code {device}} is absent for node
 *       metrics);</li>
 *   <li>{@code {m1}}, {@code {m2}}, … and {@code {m-1}}, {@code {m-2}}, … — the metric name's {@code /}-separated
 *       segments from the start or the end;</li>
 *   <li>{@code {head}} — every segment but the last, joined with {@code _}; {@code {metric}} — all of them.</li>
 * </ul>
 * A placeholder may name a default after a colon, used when it is absent: {@code {device:node}}. The default
 * mapping is group → site, edge node → area, device → line ({@code node} for node metrics), the metric's
 * leading segments → station ({@code main} when the name has one segment), its last segment → signal.
 * A metric whose result is not a valid tag path (spaces, wildcards, markup, too long, a missing placeholder) maps
 * to null and is counted as unknown by the caller. Immutable; safe from any thread.
 */
public record TagMapping(String site, String area, String line, String station, String signal) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9-]+)(?::([A-Za-z0-9_-]*))?}");
    private static final Pattern KNOWN = Pattern.compile("group|edge|device|head|metric|m-?[1-9][0-9]?");

    // After the patterns: the constructor uses them during class initialisation.
    public static final TagMapping DEFAULT = new TagMapping("{group}", "{edge}", "{device:node}", "{head:main}", "{m-1}");

    /** Checks every template; throws {@link IllegalArgumentException} naming the segment and placeholder. */
    public TagMapping {
        String[] names = {"site", "area", "line", "station", "signal"};
        String[] templates = {site, area, line, station, signal};
        for (int i = 0; i < templates.length; i++) {
            if (templates[i] == null || templates[i].isBlank()) {
                throw new IllegalArgumentException(names[i] + " template is missing");
            }
            Matcher m = PLACEHOLDER.matcher(templates[i]);
            while (m.find()) {
                if (!KNOWN.matcher(m.group(1)).matches()) {
                    throw new IllegalArgumentException(names[i] + " template " + templates[i] + " names unknown placeholder {"
                            + m.group(1) + "} (expected group, edge, device, head, metric, m1.., m-1..)");
                }
            }
        }
    }

    /** The tag of a metric, or null when it does not make a valid path. Never throws. */
    public TagPath map(String group, String edge, String device, String metric) {
        if (metric == null || metric.isEmpty()) {
            return null;
        }
        List<String> parts = List.of(metric.split("/", -1));
        try {
            return new TagPath(fill(site, group, edge, device, parts), fill(area, group, edge, device, parts),
                    fill(line, group, edge, device, parts), fill(station, group, edge, device, parts),
                    fill(signal, group, edge, device, parts));
        } catch (IllegalArgumentException | NullPointerException doesNotFit) {
            return null;
        }
    }

    private static String fill(String template, String group, String edge, String device, List<String> parts) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = resolve(m.group(1), group, edge, device, parts);
            if (value == null || value.isEmpty()) {
                value = m.group(2);
            }
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resolve(String name, String group, String edge, String device, List<String> parts) {
        return switch (name) {
            case "group" -> group;
            case "edge" -> edge;
            case "device" -> device;
            case "metric" -> String.join("_", parts);
            case "head" -> parts.size() < 2 ? null : String.join("_", parts.subList(0, parts.size() - 1));
            default -> {
                int index = Integer.parseInt(name.substring(1));
                int at = index > 0 ? index - 1 : parts.size() + index;
                yield at >= 0 && at < parts.size() ? parts.get(at) : null;
            }
        };
    }
}
