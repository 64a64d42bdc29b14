package io.lineside.layout;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.tags.TagPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code connections} of a layout file; both ends must be symbols declared above them. */
final class Connections {

    private static final Set<String> KEYS = Set.of("from", "to", "kind", "running");
    private static final String RUNNING = "a station signal area/line/station/signal of this layout";

    private Connections() {
    }

    static List<LayoutConnection> read(Context cx, Fields top) throws ConfigException {
        List<ConfigNode> nodes = top.list("connections", false, LayoutLoader.MAX_SYMBOLS, "connections");
        List<LayoutConnection> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Fields f = Fields.of(cx.source, "connections[" + i + "]", nodes.get(i));
            f.onlyKeys(KEYS);
            String from = symbol(cx, f, "from");
            String to = symbol(cx, f, "to");
            ConfigNode kindNode = f.get("kind").orElseThrow(() -> f.missing("kind", "conveyor or flow"));
            ConnectionKind kind = (kindNode.isText() ? ConnectionKind.fromId(kindNode.text()) : Optional.<ConnectionKind>empty())
                    .orElseThrow(() -> f.error("kind", "conveyor or flow", kindNode));
            Optional<TagPath> running = Optional.empty();
            if (f.get("running").isPresent()) {
                running = Optional.of(running(cx, f));
            }
            out.add(new LayoutConnection(from, to, kind, running));
        }
        return out;
    }

    private static String symbol(Context cx, Fields f, String key) throws ConfigException {
        String id = f.text(key, 64).orElseThrow(() -> f.missing(key, "the id of a symbol in this layout"));
        if (!cx.symbolIds.containsKey(id)) {
            throw f.error(key, "the id of a symbol in this layout", f.get(key).orElseThrow());
        }
        return id;
    }

    private static TagPath running(Context cx, Fields f) throws ConfigException {
        ConfigNode v = f.get("running").orElseThrow();
        String[] parts = v.isText() ? v.text().split("/", -1) : new String[0];
        TagPath tag;
        try {
            if (parts.length != 4) {
                throw new IllegalArgumentException("4 segments needed");
            }
            tag = new TagPath(cx.site, parts[0], parts[1], parts[2], parts[3]);
        } catch (IllegalArgumentException e) {
            throw f.error("running", RUNNING, v);
        }
        if (!cx.stationIds.contains(tag.stationId())) {
            throw f.error(v, "key 'running': station " + parts[0] + "/" + parts[1] + "/" + parts[2]
                    + " is not in this layout");
        }
        return tag;
    }
}
