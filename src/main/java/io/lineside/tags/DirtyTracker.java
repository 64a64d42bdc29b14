package io.lineside.tags;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One reader's set of tags changed since its last {@link #drain}. A tag that changes a thousand times
 * between two drains is reported once, so readers do work per pulse, not per message.
 *
 * <p>{@link #mark} is safe from any thread and never blocks; {@link #drain} belongs to one reader thread.
 */
public final class DirtyTracker implements AutoCloseable {

    private final Set<TagPath> pending = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<TagPath> order = new ConcurrentLinkedQueue<>();
    private final Consumer<DirtyTracker> onClose;

    DirtyTracker(Consumer<DirtyTracker> onClose) {
        this.onClose = onClose;
    }

    void mark(TagPath path) {
        if (pending.add(path)) {
            order.offer(path);
        }
    }

    /**
     * Hands every dirty tag to {@code consumer} once and clears it. The flag is cleared before the
     * consumer reads the value, so a change racing with the drain is reported again next time: the next
     * drain, not this one, so one drain does at most one call per tag however fast the tags change.
     *
     * @return how many tags were drained
     */
    public int drain(Consumer<TagPath> consumer) {
        int count = 0;
        TagPath path;
        // Only what was dirty on entry: under a flood, re-marks during the drain would otherwise keep it going.
        for (int due = pending.size(); count < due && (path = order.poll()) != null; ) {
            pending.remove(path);
            consumer.accept(path);
            count++;
        }
        return count;
    }

    /** Stops tracking; the store forgets this reader. */
    @Override
    public void close() {
        onClose.accept(this);
    }
}
