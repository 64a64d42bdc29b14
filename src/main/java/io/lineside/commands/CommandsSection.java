package io.lineside.commands;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the optional top-level {@code commands:} list: writable signals that no mapping rule carries, chiefly
 * Sparkplug B metrics (their tags come from births, so they have no {@code mappings:} entry):
 * <pre>
 * commands:
 *   - tag: plant1/press-cell/press1/Ram/speed      # site/area/line/station/signal; * for any part but the signal
 *     target: sparkplug                            # sparkplug (default) | mqtt (then command.topic is required)
 *     command: {kind: setpoint, min: 0, max: 5}
 * </pre>
 */
public final class CommandsSection {

    private static final Set<String> KEYS = Set.of("tag", "target", "command");
    private static final String[] PARTS = {"site", "area", "line", "station"};
    private static final int MAX = 2_000;

    private CommandsSection() {
    }

    /** The {@code commands} list's writable signals; none when it is absent. */
    public static List<WritableSignal> read(ConfigNode list) throws ConfigException {
        if (list.isEmpty()) {
            return List.of();
        }
        if (!list.isList() || list.items().size() > MAX) {
            throw list.error("a list of up to " + MAX + " {tag, target, command}", "another value");
        }
        List<WritableSignal> out = new ArrayList<>();
        for (ConfigNode n : list.items()) {
            if (!n.isMapping()) {
                throw n.error("a mapping {tag, target, command}", "another value");
            }
            n.onlyKeys(KEYS);
            ConfigNode tag = n.get("tag");
            String[] parts = tag.isText() ? tag.text().strip().split("/", -1) : new String[0];
            if (parts.length != 5 || List.of(parts).stream().anyMatch(p -> p.isBlank() || p.contains("+")
                    || p.contains("#")) || parts[4].equals("*")) {
                throw tag.error("site/area/line/station/signal (* for any of the first four)");
            }
            Map<String, String> scope = new HashMap<>();
            for (int p = 0; p < PARTS.length; p++) {
                if (!parts[p].equals("*")) {
                    scope.put(PARTS[p], parts[p]);
                }
            }
            ConfigNode t = n.get("target");
            CommandTarget target = switch (t.isAbsent() ? "sparkplug" : t.text()) {
                case "sparkplug" -> CommandTarget.SPARKPLUG;
                case "mqtt" -> CommandTarget.MQTT;
                default -> throw t.error("sparkplug or mqtt");
            };
            out.add(new WritableSignal(scope, parts[4],
                    CommandSpecParser.parse(n.get("command"), target == CommandTarget.SPARKPLUG), null, target));
        }
        return out;
    }
}
