package io.lineside.telemetry.mapping;

import io.lineside.config.YamlScalars;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds one rule to the text of a file that holds mappings, as an engineer would by hand: the new rule goes at the
 * end of the block {@code mappings:} list (or of a mappings file's bare list), in the list's own indentation, and
 * every other line, comments included, stays as it was. A file with no {@code mappings:} key gets one at its end,
 * starting with the default rule it ran on, so nothing it mapped before stops being mapped. A flow-style list
 * ({@code mappings: [...]}) is not edited. The caller reads the result back with {@link MappingsSection} before
 * saving. Pure text; safe from any thread.
 */
public final class MappingsText {

    private static final Pattern KEY = Pattern.compile("^mappings\\s*:\\s*(#.*)?$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-\\s");

    private MappingsText() {
    }

    /** Text that cannot be edited in place (a flow-style list, or no block list where one should be). */
    public static final class NotEditable extends Exception {
        NotEditable(String message) {
            super(message);
        }
    }

    /**
     * {@code text} of a station config with {@code rule} added to its {@code mappings:} list (created when absent,
     * with the default rule under {@code prefix} first).
     */
    public static String addToStationConfig(String text, NewSignal rule, String prefix) throws NotEditable {
        List<String> lines = lines(text);
        int key = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("mappings")) {
                if (!KEY.matcher(lines.get(i)).matches()) {
                    throw new NotEditable("line " + (i + 1) + ": the mappings are not a block list ("
                            + lines.get(i).strip() + "); write them as '- topic: ...' items, one per line");
                }
                key = i;
            }
        }
        if (key < 0) {
            StringBuilder b = new StringBuilder(text);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                b.append('\n');
            }
            b.append("mappings:                                 # added by Lineside's tag browser\n");
            b.append("  - topic: ").append(YamlScalars.quoted(prefix + "/{site}/{area}/{line}/{station}/{signal}"))
                    .append("   # the default layout, as before\n");
            b.append(rule(rule, "  "));
            return b.toString();
        }
        return insertAfterBlock(lines, key + 1, rule, false);
    }

    /** {@code text} of a mappings file (a bare list, or one {@code mappings:} key) with {@code rule} added at its end. */
    public static String addToMappingsFile(String text, NewSignal rule) throws NotEditable {
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            if (KEY.matcher(lines.get(i)).matches()) {
                return insertAfterBlock(lines, i + 1, rule, false);
            }
        }
        return insertAfterBlock(lines, 0, rule, true);
    }

    /** Inserts after the last item line of the block list starting at {@code from}. */
    private static String insertAfterBlock(List<String> lines, int from, NewSignal rule, boolean bare)
            throws NotEditable {
        String indent = null;
        int last = -1;
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            Matcher item = ITEM.matcher(line);
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (indent == null) {
                if (!item.find()) {
                    throw new NotEditable("line " + (i + 1) + ": expected the first '- topic: ...' item of the "
                            + "mappings list, found " + stripped);
                }
                indent = item.group(1);
                last = i;
                continue;
            }
            boolean belongs = bare || indented || (indent.isEmpty() && stripped.startsWith("-"));
            if (!belongs) {
                break; // the next top-level key
            }
            last = i;
        }
        if (indent == null) {
            throw new NotEditable("no '- topic: ...' item found in the mappings list");
        }
        List<String> out = new ArrayList<>(lines.subList(0, last + 1));
        out.add(rule(rule, indent).stripTrailing());
        out.addAll(lines.subList(last + 1, lines.size()));
        return String.join("\n", out) + "\n";
    }

    /** The rule as block YAML, its dash at {@code indent}. */
    static String rule(NewSignal s, String indent) {
        String in = indent + "  ";
        StringBuilder b = new StringBuilder();
        b.append(indent).append("- topic: ").append(YamlScalars.quoted(s.topic())).append("   # mapped in the tag browser\n");
        b.append(in).append("site: ").append(YamlScalars.quoted(s.station().site())).append('\n');
        b.append(in).append("area: ").append(YamlScalars.quoted(s.station().area())).append('\n');
        b.append(in).append("line: ").append(YamlScalars.quoted(s.station().line())).append('\n');
        b.append(in).append("station: ").append(YamlScalars.quoted(s.station().station())).append('\n');
        b.append(in).append("signal: ").append(YamlScalars.quoted(s.signal())).append('\n');
        b.append(in).append("signals: [{name: ").append(YamlScalars.quoted(s.signal()));
        if (!s.unit().isEmpty()) {
            b.append(", unit: ").append(YamlScalars.quoted(s.unit()));
        }
        if (s.hasRange()) {
            b.append(", range: [").append(YamlScalars.number(s.low())).append(", ").append(YamlScalars.number(s.high())).append(']');
        }
        b.append("}]\n");
        return b.toString();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }
}
