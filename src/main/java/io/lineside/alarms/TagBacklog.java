package io.lineside.alarms;

import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One tag's updates waiting for the alarm evaluator: each kept in arrival order while the service-wide budget of
 * {@code pending} allows, after that folded into a {@link CoalescedUpdates} that is evaluated after them. At most one
 * drain of a tag is queued at a time, so the tags take turns and each tag's updates stay in order.
 *
 * <p>{@link #offer} is safe from any thread; {@link #take} and {@link #flagged} belong to the evaluator thread.
 */
final class TagBacklog {

    /** What one drain evaluates: first the single updates, then what was coalesced after them (or null). */
    record Batch(List<TagUpdate> updates, CoalescedUpdates coalesced) {
    }

    final TagPath path;
    private ValueClasses classes; // guarded by this; replaced when the definitions change
    private final AtomicInteger pending;
    private final int maxPending;
    private final AtomicInteger coalescingTags;
    private List<TagUpdate> updates = new ArrayList<>();
    private CoalescedUpdates coalesced;
    private boolean scheduled;
    /** Evaluator thread only: the engine has this tag flagged as evaluated behind. */
    boolean flagged;

    /**
     * @param pending        the single updates queued over all tags (this adds to it, the evaluator takes off)
     * @param coalescingTags how many tags are coalescing now (this counts itself in and out)
     */
    TagBacklog(TagPath path, ValueClasses classes, AtomicInteger pending, int maxPending, AtomicInteger coalescingTags) {
        this.path = path;
        this.classes = classes;
        this.pending = pending;
        this.maxPending = maxPending;
        this.coalescingTags = coalescingTags;
    }

    /**
     * Queues {@code update}, or folds it when the budget is spent or this tag is coalescing already (its order must
     * hold). Never blocks on the evaluator.
     *
     * @return 1 if it was coalesced, plus 2 if the caller must schedule a drain of this tag
     */
    synchronized int offer(TagUpdate update) {
        int result = 0;
        if (coalesced == null && pending.incrementAndGet() <= maxPending) {
            updates.add(update);
        } else {
            if (coalesced == null) {
                pending.decrementAndGet();
                coalesced = new CoalescedUpdates(classes);
                coalescingTags.incrementAndGet();
            }
            coalesced.fold(update);
            result = 1;
        }
        if (!scheduled) {
            scheduled = true;
            result |= 2;
        }
        return result;
    }

    /** The value classes the next coalesced run keeps apart (the tag's alarms changed). */
    synchronized void classes(ValueClasses changed) {
        classes = changed;
    }

    /** Takes everything waiting; the next offer schedules a new drain. */
    synchronized Batch take() {
        Batch batch = new Batch(updates, coalesced);
        updates = new ArrayList<>();
        if (coalesced != null) {
            coalesced = null;
            coalescingTags.decrementAndGet();
        }
        scheduled = false;
        return batch;
    }

    /** True while updates of this tag are being folded (not yet taken). */
    synchronized boolean coalescing() {
        return coalesced != null;
    }
}
