package io.lineside.layout.edit;

import io.lineside.config.YamlScalars;
import io.lineside.layout.Box;
import io.lineside.layout.Labels;
import io.lineside.layout.Layout;
import io.lineside.layout.LayoutArea;
import io.lineside.layout.LayoutConnection;
import io.lineside.layout.LayoutLine;
import io.lineside.layout.LayoutStation;
import io.lineside.layout.LayoutSymbol;
import io.lineside.layout.ValueRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a {@link Layout} as layout YAML (format 1, docs/layouts.md) that {@code LayoutLoader} reads back to an equal
 * layout: symbols relative to their station, labels as text or {en, zh-CN}, anything not a plain name quoted. The
 * output is data only, like every layout file. Stateless; safe from any thread.
 */
public final class LayoutWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    /** Words YAML would read as something other than a string. */
    private static final Set<String> SPECIAL = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

    /** The file text of {@code layout}. */
    public String write(Layout layout) {
        StringBuilder out = new StringBuilder();
        out.append("# Written by the Lineside layout editor. Format: docs/layouts.md\n");
        out.append("layout: 1\n");
        if (!layout.names().texts().isEmpty()) {
            out.append("name: ").append(labels(layout.names())).append('\n');
        }
        out.append("site: ").append(text(layout.site())).append('\n');
        out.append("plan: {width: ").append(YamlScalars.number(layout.width())).append(", height: ").append(YamlScalars.number(layout.height()))
                .append("}\n");
        out.append("areas:");
        if (layout.areas().isEmpty()) {
            out.append(" []");
        }
        out.append('\n');
        for (LayoutArea area : layout.areas()) {
            out.append("  - id: ").append(text(area.id())).append('\n');
            label(out, "    ", area.label());
            out.append("    lines:").append(area.lines().isEmpty() ? " []\n" : "\n");
            for (LayoutLine line : area.lines()) {
                out.append("      - id: ").append(text(line.id())).append('\n');
                label(out, "        ", line.label());
                out.append("        stations:").append(line.stations().isEmpty() ? " []\n" : "\n");
                for (LayoutStation station : line.stations()) {
                    station(out, station);
                }
            }
        }
        if (!layout.connections().isEmpty()) {
            out.append("connections:\n");
            for (LayoutConnection c : layout.connections()) {
                out.append("  - {from: ").append(text(c.from())).append(", to: ").append(text(c.to()))
                        .append(", kind: ").append(c.kind().id());
                c.running().ifPresent(t -> out.append(", running: ")
                        .append(text(t.area() + "/" + t.line() + "/" + t.station() + "/" + t.signal())));
                out.append("}\n");
            }
        }
        return out.toString();
    }

    private static void station(StringBuilder out, LayoutStation station) {
        Box b = station.box();
        out.append("          - id: ").append(text(station.id().station())).append('\n');
        label(out, "            ", station.label());
        out.append("            at: [").append(YamlScalars.number(b.x())).append(", ").append(YamlScalars.number(b.y())).append("]\n");
        out.append("            size: [").append(YamlScalars.number(b.width())).append(", ").append(YamlScalars.number(b.height())).append("]\n");
        if (station.symbols().isEmpty()) {
            return;
        }
        out.append("            symbols:\n");
        for (LayoutSymbol s : station.symbols()) {
            List<String> parts = new ArrayList<>();
            parts.add("id: " + text(s.id()));
            parts.add("kind: " + s.kind().id());
            s.signal().ifPresent(sig -> parts.add("tag: " + text(sig)));
            if (!s.unit().isEmpty()) {
                parts.add("unit: " + text(s.unit()));
            }
            parts.add("at: [" + YamlScalars.number(s.box().x() - b.x()) + ", " + YamlScalars.number(s.box().y() - b.y()) + "]");
            parts.add("size: [" + YamlScalars.number(s.box().width()) + ", " + YamlScalars.number(s.box().height()) + "]");
            s.range().ifPresent(r -> parts.add("range: " + range(r)));
            if (!s.label().texts().isEmpty()) {
                parts.add("label: " + labels(s.label()));
            }
            out.append("              - {").append(String.join(", ", parts)).append("}\n");
        }
    }

    private static void label(StringBuilder out, String indent, Labels label) {
        if (!label.texts().isEmpty()) {
            out.append(indent).append("label: ").append(labels(label)).append('\n');
        }
    }

    private static String range(ValueRange r) {
        StringBuilder s = new StringBuilder("{min: ").append(YamlScalars.number(r.min())).append(", max: ").append(YamlScalars.number(r.max()));
        r.low().ifPresent(v -> s.append(", low: ").append(YamlScalars.number(v)));
        r.high().ifPresent(v -> s.append(", high: ").append(YamlScalars.number(v)));
        return s.append('}').toString();
    }

    static String labels(Labels labels) {
        String en = labels.texts().get("en");
        String zh = labels.texts().get("zh-CN");
        if (zh == null && en != null && labels.texts().size() == 1) {
            return YamlScalars.quoted(en);
        }
        List<String> parts = new ArrayList<>();
        if (en != null) {
            parts.add("en: " + YamlScalars.quoted(en));
        }
        if (zh != null) {
            parts.add("zh-CN: " + YamlScalars.quoted(zh));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** A name as it is when plain, else quoted (so an id the loader refuses is written as typed and refused there). */
    static String text(String value) {
        return PLAIN.matcher(value).matches() && !SPECIAL.contains(value.toLowerCase(Locale.ROOT)) ? value : YamlScalars.quoted(value);
    }

}
