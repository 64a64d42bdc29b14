package io.lineside.alarms;

import io.lineside.tags.Quality;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The updates of one tag that came while the alarm evaluator was too far behind to take each one, folded so that
 * evaluating {@link #samples()} raises and clears the tag's alarms as the whole sequence would have: of every class of
 * value its conditions tell apart ({@link ValueClasses}) the first and the last update, plus the lowest and highest
 * good number and the latest update. So a limit crossed and left again within the window is still seen crossed and
 * left, and the alarm ends in the state the latest value leaves it in. What is lost is the count of repeated
 * crossings (a chattering alarm is journalled once per window) and the exact shape for a rate-of-change alarm (its
 * rate between kept samples is never above the true peak rate, so it can miss, never invent).
 *
 * <p>Every kept sample is a real update with its own source time, receive time and quality, in arrival order. Not
 * thread-safe: its {@link TagBacklog} guards it.
 */
final class CoalescedUpdates {

    /** Beyond this many classes (a free-text tag) further classes only count towards min, max and latest. */
    static final int MAX_CLASSES = 64;

    /** The first and last update of one class, with their arrival numbers. */
    private static final class Run {
        final TagUpdate first;
        final long firstOrder;
        TagUpdate last;
        long lastOrder;

        Run(TagUpdate update, long order) {
            first = update;
            firstOrder = order;
            last = update;
            lastOrder = order;
        }
    }

    private final ValueClasses classes;
    private final Map<Object, Run> runs = new HashMap<>();
    private long count;
    private TagUpdate min;
    private long minOrder;
    private TagUpdate max;
    private long maxOrder;
    private TagUpdate latest;
    private long latestOrder;

    CoalescedUpdates(ValueClasses classes) {
        this.classes = classes;
    }

    /** Folds in the next update of the tag. */
    void fold(TagUpdate update) {
        long order = count++;
        latest = update;
        latestOrder = order;
        TagValue v = update.value();
        double n = v.number();
        if (v.quality() == Quality.GOOD && !Double.isNaN(n)) {
            if (min == null || n < min.value().number()) {
                min = update;
                minOrder = order;
            }
            if (max == null || n > max.value().number()) {
                max = update;
                maxOrder = order;
            }
        }
        Object key = classes.of(v);
        Run run = runs.get(key);
        if (run != null) {
            run.last = update;
            run.lastOrder = order;
        } else if (runs.size() < MAX_CLASSES) {
            runs.put(key, new Run(update, order));
        }
    }

    /** How many updates were folded in. */
    long count() {
        return count;
    }

    /** The updates to evaluate, each once, in arrival order. */
    List<TagUpdate> samples() {
        TreeMap<Long, TagUpdate> byOrder = new TreeMap<>();
        for (Run run : runs.values()) {
            byOrder.put(run.firstOrder, run.first);
            byOrder.put(run.lastOrder, run.last);
        }
        if (min != null) {
            byOrder.put(minOrder, min);
            byOrder.put(maxOrder, max);
        }
        if (latest != null) {
            byOrder.put(latestOrder, latest);
        }
        return List.copyOf(byOrder.values());
    }
}
