package io.lineside.commands;

import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
        return fill(path.site(), path.area(), path.line(), path.station(), path.signal());
    }

    /**
     * What this signal's plain MQTT command topics look like for every station of its scope (one topic level per
     * free station part), or empty for Sparkplug: a message on such a topic is a write, not telemetry.
     */
    public Optional<Pattern> commandTopics() {
        if (target != CommandTarget.MQTT) {
            return Optional.empty();
        }
        String any = "\u0000"; // never in a TagPath segment nor in a template
        String template = fill(scope.getOrDefault("site", any), scope.getOrDefault("area", any),
                scope.getOrDefault("line", any), scope.getOrDefault("station", any), name);
        StringBuilder regex = new StringBuilder();
        for (String literal : template.split(any, -1)) {
            regex.append(regex.isEmpty() ? "" : "[^/]+").append(Pattern.quote(literal));
        }
        return Optional.of(Pattern.compile(regex.toString()));
    }

    private String fill(String site, String area, String line, String station, String signal) {
        String template = spec.topic();
        if (template == null) {
            template = telemetryTopic.contains("{signal}") ? telemetryTopic + "/set"
                    : telemetryTopic + "/{signal}/set";
        }
        return template.replace("{site}", site).replace("{area}", area).replace("{line}", line)
                .replace("{station}", station).replace("{signal}", signal);
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
