package io.lineside.commands;

import io.lineside.tags.TagPath;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Every signal the config declares writable; nothing else is. Immutable; safe from any thread. */
public final class WritableSignals {

    /** Nothing writable. */
    public static final WritableSignals NONE = new WritableSignals(List.of());

    private final List<WritableSignal> signals;
    private final List<Pattern> commandTopics;

    public WritableSignals(List<WritableSignal> signals) {
        this.signals = List.copyOf(signals);
        this.commandTopics = this.signals.stream().flatMap(s -> s.commandTopics().stream()).toList();
    }

    /**
     * Whether {@code topic} is a plain MQTT command topic of a writable signal: what this HMI, or another one on the
     * broker, publishes to write it, which the ingest must not count as an unknown telemetry topic.
     */
    public boolean isCommandTopic(String topic) {
        for (Pattern p : commandTopics) {
            if (p.matcher(topic).matches()) {
                return true;
            }
        }
        return false;
    }

    /** How {@code path} may be written, or empty when it may not (the first declaration that applies wins). */
    public Optional<WritableSignal> find(TagPath path) {
        return signals.stream().filter(s -> s.appliesTo(path)).findFirst();
    }

    public List<WritableSignal> all() {
        return signals;
    }
}
