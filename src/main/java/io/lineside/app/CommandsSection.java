package io.lineside.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineside.commands.CommandConfigException;
import io.lineside.commands.CommandSpecParser;
import io.lineside.commands.CommandTarget;
import io.lineside.commands.WritableSignal;
import java.nio.file.Path;
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
final class CommandsSection {

    private static final Set<String> KEYS = Set.of("tag", "target", "command");
    private static final String[] PARTS = {"site", "area", "line", "station"};
    private static final int MAX = 2_000;

    private final Path file;

    CommandsSection(Path file) {
        this.file = file;
    }

    List<WritableSignal> read(JsonNode root) throws ConfigException {
        JsonNode list = root.get("commands");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray() || list.size() > MAX) {
            throw error("commands", "a list of up to " + MAX + " {tag, target, command}", "another value");
        }
        List<WritableSignal> out = new ArrayList<>();
        CommandSpecParser parser = new CommandSpecParser(file.toString());
        for (int i = 0; i < list.size(); i++) {
            String key = "commands[" + i + "]";
            JsonNode n = list.get(i);
            if (!n.isObject()) {
                throw error(key, "a mapping {tag, target, command}", "another value");
            }
            for (var it = n.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!KEYS.contains(name)) {
                    throw new ConfigException("config " + file + ": unknown key '" + key + "." + name
                            + "'; expected one of command, tag, target");
                }
            }
            JsonNode tag = n.get("tag");
            String[] parts = tag != null && tag.isTextual() ? tag.asText().strip().split("/", -1) : new String[0];
            if (parts.length != 5 || List.of(parts).stream().anyMatch(p -> p.isBlank() || p.contains("+")
                    || p.contains("#")) || parts[4].equals("*")) {
                throw error(key + ".tag", "site/area/line/station/signal (* for any of the first four)",
                        tag == null ? "nothing" : tag.toString());
            }
            Map<String, String> scope = new HashMap<>();
            for (int p = 0; p < PARTS.length; p++) {
                if (!parts[p].equals("*")) {
                    scope.put(PARTS[p], parts[p]);
                }
            }
            JsonNode t = n.get("target");
            String word = t == null ? "sparkplug" : t.asText();
            CommandTarget target = switch (word) {
                case "sparkplug" -> CommandTarget.SPARKPLUG;
                case "mqtt" -> CommandTarget.MQTT;
                default -> throw error(key + ".target", "sparkplug or mqtt", t.toString());
            };
            try {
                out.add(new WritableSignal(scope, parts[4], parser.parse(n.get("command"), key + ".command",
                        target == CommandTarget.SPARKPLUG), null, target));
            } catch (CommandConfigException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        return out;
    }

    private ConfigException error(String key, String expected, String found) {
        return new ConfigException("config " + file + ": key '" + key + "': expected " + expected + ", found " + found);
    }
}
