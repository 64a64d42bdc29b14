package io.lineside.app;

import io.lineside.history.HistoryWriter;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.telemetry.IngestSink;
import io.lineside.telemetry.sparkplug.SparkplugSink;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The one fan-out of telemetry, JSON and Sparkplug alike: tag store, then alarms, then history, in that order, for
 * every live update and for every tag that turns stale (the watchdog, a lost broker link, a Sparkplug death), so the alarms hold on a non-Good input and
 * history shows what the operator saw. A late update (a redelivered backlog: {@link io.lineside.tags.TagValue#LATE})
 * goes to history only. Safe from any thread; {@link #accept} waits while the history writer is full
 * (backpressure up to the broker, never a drop), so call the staleness methods off the MQTT supervisor thread.
 */
final class Fanout implements IngestSink {

    private final TagStore store;
    private final AlarmService alarms;
    private final HistoryWriter writer;

    Fanout(TagStore store, AlarmService alarms, HistoryWriter writer) {
        this.store = store;
        this.alarms = alarms;
        this.writer = writer;
    }

    @Override
    public void accept(TagUpdate update) {
        if (update.value().late()) {
            writer.put(update); // stored in its place; the live view and the alarms have moved on
            return;
        }
        store.apply(update);
        alarms.accept(update); // queued for the evaluator thread, never blocks
        writer.put(update); // last: waits while the writer is full
    }

    /** The same fan-out for the Sparkplug host: live values, historical ones (history only), deaths and gaps. */
    SparkplugSink sparkplug() {
        return new SparkplugSink() {
            @Override
            public void live(TagUpdate update) {
                accept(update);
            }

            @Override
            public void historical(TagUpdate update) {
                writer.put(update); // the publisher's own backlog: the live value is left alone
            }

            @Override
            public void stale(Collection<TagPath> paths, Instant at) {
                store.markStale(paths, at, Fanout.this::turnedStale);
            }

            @Override
            public void gap(TagGap gap) {
                writer.putGap(gap);
            }

            @Override
            public void describe(TagPath path, TagMeta meta) {
                Fanout.this.describe(path, meta); // a birth's EngUnit, EngLow/EngHigh and Description
            }
        };
    }

    @Override
    public void describe(TagPath path, TagMeta meta) {
        store.describe(path, meta); // unit, range and expected period (per-tag staleness)
    }

    @Override
    public void gap(TagGap gap) {
        writer.putGap(gap); // before the update that revealed it, so both land in one commit
    }

    @Override
    public void messageDone(Runnable ack) {
        if (ack != IngestSink.NO_ACK) { // a no-op marker would only force early commits
            writer.putAfterCommit(ack); // a QoS 1 message is acknowledged once its samples are committed
        }
    }

    /** The watchdog's turn: tags silent past their limit turn STALE, in the store, the alarms and history. */
    int staleSince(Instant now, Duration staleAfter) {
        return store.markStale(now, staleAfter, this::turnedStale);
    }

    /** The broker link is down: every live tag turns STALE, in the store, the alarms and history. */
    int allStale(Instant now) {
        return store.markStale((Instant) null, now, this::turnedStale);
    }

    private void turnedStale(TagUpdate update) {
        alarms.accept(update);
        writer.put(update);
    }
}
