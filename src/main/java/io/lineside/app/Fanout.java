package io.lineside.app;

import io.lineside.alarms.AlarmService;
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
 * goes to history only.
 *
 * <p>Nothing here waits for history (decision 0022): the store and the alarms see every message at once. An update
 * of an acknowledged message (QoS 1) and a staleness mark are queued whatever the writer's backlog, and the
 * message's ack waits for their commit — so the broker's in-flight window, not this thread, is what waits. An update
 * nobody acknowledges (QoS 0, Sparkplug) is queued while the writer has room, else counted and written as a gap.
 * Only past the writer's hard limit is an acknowledged update refused: then its message's ack is withheld and the
 * broker keeps the message. Safe from any thread; the per-message state belongs to the decoder thread.
 */
final class Fanout implements IngestSink {

    private final TagStore store;
    private final AlarmService alarms;
    private final HistoryWriter writer;
    private boolean acknowledged; // decoder thread: the current message's ack waits for its commit
    private boolean incomplete; // decoder thread: history refused an update of the current message

    Fanout(TagStore store, AlarmService alarms, HistoryWriter writer) {
        this.store = store;
        this.alarms = alarms;
        this.writer = writer;
    }

    @Override
    public void messageBegins(boolean acknowledged) {
        this.acknowledged = acknowledged;
        this.incomplete = false;
    }

    @Override
    public void accept(TagUpdate update) {
        if (!update.value().late()) { // a late one is stored in its place; the live view and alarms have moved on
            store.apply(update);
            alarms.accept(update); // queued for the evaluator thread, never blocks
        }
        if (acknowledged) {
            incomplete |= !writer.keep(update); // last; never waits
        } else {
            writer.accept(update); // beyond the writer's capacity: counted and written as a gap
        }
    }

    /** The same fan-out for the Sparkplug host: live values, historical ones (history only), deaths and gaps. */
    SparkplugSink sparkplug() {
        return new SparkplugSink() { // its own thread; clean session, so nothing waits for an ack
            @Override
            public void live(TagUpdate update) {
                store.apply(update);
                alarms.accept(update);
                writer.accept(update);
            }

            @Override
            public void historical(TagUpdate update) {
                writer.accept(update); // the publisher's own backlog: the live value is left alone
            }

            @Override
            public void stale(Collection<TagPath> paths, Instant at) {
                store.markStale(paths, at, Fanout.this::turnedStale);
            }

            @Override
            public void gap(TagGap gap) {
                writer.keepGap(gap);
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
        writer.keepGap(gap); // before the update that revealed it, so both land in one commit
    }

    @Override
    public void messageDone(Runnable ack) {
        if (ack == IngestSink.NO_ACK) {
            return; // a no-op marker would only force early commits
        }
        if (incomplete) {
            writer.withhold(ack); // a sample of it is only a gap: the broker keeps the message and redelivers it
        } else {
            writer.keepAfterCommit(ack); // a QoS 1 message is acknowledged once its samples are committed
        }
        incomplete = false;
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
        writer.keep(update); // kept like an acknowledged sample, never waits
    }
}
