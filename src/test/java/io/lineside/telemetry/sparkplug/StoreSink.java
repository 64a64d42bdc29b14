package io.lineside.telemetry.sparkplug;

import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * The telemetry tests' sink (production wires the app's one fan-out, which adds alarms and STALE rows): live values to the {@link TagStore}, history and any further listener (alarms), historical ones
 * to history only, gaps to history (when given a gap consumer). Called on the Sparkplug decoder thread.
 */
public final class StoreSink implements SparkplugSink {

    private final TagStore store;
    private final Consumer<TagUpdate> history;
    private final Consumer<TagUpdate> alsoLive;
    private final Consumer<TagGap> gaps;

    /** @param history e.g. {@code HistoryWriter::put} (waits for room rather than drop, decision 0007); never throws */
    public StoreSink(TagStore store, Consumer<TagUpdate> history) {
        this(store, history, update -> { });
    }

    /**
     * @param history  e.g. {@code HistoryWriter::put} (waits for room rather than drop, decision 0007); never throws
     * @param alsoLive gets every live update too (e.g. the alarm engine's queue); must never block or throw
     */
    public StoreSink(TagStore store, Consumer<TagUpdate> history, Consumer<TagUpdate> alsoLive) {
        this(store, history, alsoLive, gap -> { });
    }

    /**
     * @param history  e.g. {@code HistoryWriter::put} (waits for room rather than drop, decision 0007); never throws
     * @param alsoLive gets every live update too (e.g. the alarm engine's queue); must never block or throw
     * @param gaps     e.g. {@code HistoryWriter::putGap}: seq gaps and data the host could not store (decision 0021)
     */
    public StoreSink(TagStore store, Consumer<TagUpdate> history, Consumer<TagUpdate> alsoLive,
                     Consumer<TagGap> gaps) {
        this.store = store;
        this.history = history;
        this.alsoLive = alsoLive;
        this.gaps = gaps;
    }

    @Override
    public void live(TagUpdate update) {
        if (update.value().late()) { // as the app's fan-out: the live value has moved on
            history.accept(update);
            return;
        }
        store.apply(update);
        history.accept(update);
        alsoLive.accept(update);
    }

    @Override
    public void historical(TagUpdate update) {
        history.accept(update);
    }

    @Override
    public void gap(TagGap gap) {
        gaps.accept(gap);
    }

    @Override
    public void stale(Collection<TagPath> paths, Instant at) {
        for (TagPath path : paths) {
            TagValue last = store.get(path);
            if (last != null && last.quality() != Quality.STALE) {
                store.apply(new TagUpdate(path, new TagValue(last.value(), last.sourceTime(), at, Quality.STALE,
                        last.seq())));
            }
        }
    }
}
