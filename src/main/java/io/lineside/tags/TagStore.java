package io.lineside.tags;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The latest value of every tag, with its quality and age.
 *
 * <p>Producers (the JSON decoder thread, the Sparkplug host thread, the staleness watchdog) call {@link #apply} and
 * {@link #markStale}; they never wait for a reader. Readers (the live view-models on the FX pulse, the tag browser)
 * each own a {@link DirtyTracker} and pull the tags that changed since their last drain. The alarm engine is no
 * reader here: the ingest's fan-out hands it the same updates right after the store. Safe from any thread.
 */
public final class TagStore {

    private final Map<TagPath, TagValue> latest = new ConcurrentHashMap<>();
    /** When each tag was first seen, so a reader that joins late still gets tags in publishing order. */
    private final Map<TagPath, Long> firstSeen = new ConcurrentHashMap<>();
    /** Unit, range and expected period of the tags the mapping describes; absent means {@link TagMeta#NONE}. */
    private final Map<TagPath, TagMeta> meta = new ConcurrentHashMap<>();
    private final AtomicLong arrivals = new AtomicLong();
    private final List<DirtyTracker> trackers = new CopyOnWriteArrayList<>();

    /** Records a new latest value and flags the tag dirty for every reader. */
    public void apply(TagUpdate update) {
        if (latest.put(update.path(), update.value()) == null) {
            firstSeen.putIfAbsent(update.path(), arrivals.incrementAndGet());
        }
        markDirty(update.path());
    }

    /** The latest value of a tag, or null if it was never seen. */
    public TagValue get(TagPath path) {
        return latest.get(path);
    }

    /** Records what the configuration says about a tag (unit, range, expected period); the last call wins. */
    public void describe(TagPath path, TagMeta tagMeta) {
        if (tagMeta == null || tagMeta.equals(TagMeta.NONE)) {
            meta.remove(path);
        } else {
            meta.put(path, tagMeta);
        }
    }

    /** What is known about a tag, or {@link TagMeta#NONE}. */
    public TagMeta meta(TagPath path) {
        return meta.getOrDefault(path, TagMeta.NONE);
    }

    /** Every tag seen so far (a weakly consistent live view). */
    public Set<TagPath> paths() {
        return latest.keySet();
    }

    /** A new reader's view of changes; it starts with every known tag dirty, in the order first seen. */
    public DirtyTracker newTracker() {
        DirtyTracker tracker = new DirtyTracker(this::forget);
        trackers.add(tracker);
        latest.keySet().stream()
                .sorted(Comparator.comparingLong(path -> firstSeen.getOrDefault(path, Long.MAX_VALUE)))
                .forEach(tracker::mark);
        return tracker;
    }

    /** How many readers currently track changes (a closed view must not be among them). */
    public int readerCount() {
        return trackers.size();
    }

    /**
     * Marks every GOOD or UNCERTAIN tag received before {@code cutoff} as STALE (the staleness watchdog);
     * a null cutoff marks all of them (the broker connection is down).
     *
     * @return how many tags turned stale
     */
    public int markStale(Instant cutoff) {
        return markStale(cutoff, (Instant) null, update -> { });
    }

    /**
     * Like {@link #markStale(Instant)}, and tells {@code turned} of each tag that turned stale, as an update at
     * {@code now} (the last value, quality STALE, source and receive time {@code now}, the last seq): what history
     * and the alarms must see, so review and replay show what the operator saw.
     */
    public int markStale(Instant cutoff, Instant now, Consumer<TagUpdate> turned) {
        int count = 0;
        for (Map.Entry<TagPath, TagValue> entry : latest.entrySet()) {
            TagValue value = entry.getValue();
            boolean live = value.quality() == Quality.GOOD || value.quality() == Quality.UNCERTAIN;
            if (live && (cutoff == null || value.receiveTime().isBefore(cutoff))
                    && turnStale(entry.getKey(), value, now, turned)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The staleness watchdog: marks every GOOD or UNCERTAIN tag STALE whose last update is older than its own
     * limit ({@link TagMeta#staleAfter}: 3 × its expected period, min 1 s) or, for tags without one,
     * {@code globalStaleAfter}.
     *
     * @return how many tags turned stale
     */
    public int markStale(Instant now, Duration globalStaleAfter) {
        return markStale(now, globalStaleAfter, update -> { });
    }

    /** Like {@link #markStale(Instant, Duration)}, telling {@code turned} as {@link #markStale(Instant, Instant, Consumer)} does. */
    public int markStale(Instant now, Duration globalStaleAfter, Consumer<TagUpdate> turned) {
        Instant globalCutoff = now.minus(globalStaleAfter);
        int count = 0;
        for (Map.Entry<TagPath, TagValue> entry : latest.entrySet()) {
            TagValue value = entry.getValue();
            if (value.quality() != Quality.GOOD && value.quality() != Quality.UNCERTAIN) {
                continue;
            }
            TagMeta m = meta.get(entry.getKey());
            Instant cutoff = m == null ? globalCutoff : now.minus(m.staleAfter(globalStaleAfter));
            if (value.receiveTime().isBefore(cutoff) && turnStale(entry.getKey(), value, now, turned)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The publisher of {@code paths} is dead (a Sparkplug DEATH): each of them that is GOOD or UNCERTAIN turns STALE,
     * told to {@code turned} as {@link #markStale(Instant, Instant, Consumer)} does.
     */
    public int markStale(java.util.Collection<TagPath> paths, Instant now, Consumer<TagUpdate> turned) {
        int count = 0;
        for (TagPath path : paths) {
            TagValue value = latest.get(path);
            if (value != null && (value.quality() == Quality.GOOD || value.quality() == Quality.UNCERTAIN)
                    && turnStale(path, value, now, turned)) {
                count++;
            }
        }
        return count;
    }

    private boolean turnStale(TagPath path, TagValue value, Instant now, Consumer<TagUpdate> turned) {
        if (!latest.replace(path, value, value.withQuality(Quality.STALE))) {
            return false; // a fresh value won the race: nothing turned stale
        }
        markDirty(path);
        if (now != null) {
            // Never at the last sample's own time: with its seq, that would be the same history key.
            Instant at = now.isAfter(value.sourceTime()) ? now : value.sourceTime().plusMillis(1);
            turned.accept(new TagUpdate(path, new TagValue(value.value(), at, now, Quality.STALE, value.seq())));
        }
        return true;
    }

    private void markDirty(TagPath path) {
        for (DirtyTracker tracker : trackers) {
            tracker.mark(path);
        }
    }

    private void forget(DirtyTracker tracker) {
        trackers.remove(tracker);
    }
}
