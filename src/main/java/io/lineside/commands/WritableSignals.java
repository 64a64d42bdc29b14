package io.lineside.commands;

import io.lineside.tags.TagPath;
import java.util.List;
import java.util.Optional;

/** Every signal the config declares writable; nothing else is. Immutable; safe from any thread. */
public final class WritableSignals {

    /** Nothing writable. */
    public static final WritableSignals NONE = new WritableSignals(List.of());

    private final List<WritableSignal> signals;

    public WritableSignals(List<WritableSignal> signals) {
        this.signals = List.copyOf(signals);
    }

    /** How {@code path} may be written, or empty when it may not (the first declaration that applies wins). */
    public Optional<WritableSignal> find(TagPath path) {
        return signals.stream().filter(s -> s.appliesTo(path)).findFirst();
    }

    public List<WritableSignal> all() {
        return signals;
    }
}
