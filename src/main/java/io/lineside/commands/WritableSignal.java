package io.lineside.commands;

import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import java.util.Map;
import java.util.Objects;

/**
 * A signal the config declares writable, for the stations of {@code scope} (a mapping rule's fixed ISA-95 parts;
 * empty for every station).
 *
 * @param telemetryTopic the mapping rule's topic template ({site}..{signal} placeholders), from which the default
 *                       plain MQTT command topic is derived; null when the spec names its own topic
 * @param target         plain MQTT or Sparkplug B
 */
public record WritableSignal(Map<String, String> scope, String name, CommandSpec spec, String telemetryTopic,
                             CommandTarget target) {

    public WritableSignal {
        scope = Map.copyOf(scope);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(target, "target");
        if (target == CommandTarget.MQTT && spec.topic() == null && telemetryTopic == null) {
            throw new IllegalArgumentException("signal " + name + " has neither a command topic nor a telemetry topic");
        }
    }

    /** A plain MQTT signal of a mapping rule. */
    public static WritableSignal mqtt(Map<String, String> scope, String name, CommandSpec spec, String telemetryTopic) {
        return new WritableSignal(scope, name, spec, telemetryTopic, CommandTarget.MQTT);
    }

    public boolean appliesTo(TagPath path) {
        StationId id = path.stationId();
        return name.equals(path.signal()) && matches("site", id.site()) && matches("area", id.area())
                && matches("line", id.line()) && matches("station", id.station());
    }

    /**
     * The plain MQTT command topic of {@code path}: the configured template, or else the telemetry topic with
     * {@code /set} (and the signal's name before it when the telemetry topic carries several signals).
     */
    public String commandTopic(TagPath path) {
        String template = spec.topic();
        if (template == null) {
            template = telemetryTopic.contains("{signal}") ? telemetryTopic + "/set"
                    : telemetryTopic + "/{signal}/set";
        }
        return template.replace("{site}", path.site()).replace("{area}", path.area()).replace("{line}", path.line())
                .replace("{station}", path.station()).replace("{signal}", path.signal());
    }

    /** The tag whose telemetry confirms a write to {@code path}. */
    public TagPath confirmPath(TagPath path) {
        return spec.confirmSignal() == null ? path : path.stationId().signal(spec.confirmSignal());
    }

    private boolean matches(String part, String value) {
        String fixed = scope.get(part);
        return fixed == null || fixed.equals(value);
    }
}
