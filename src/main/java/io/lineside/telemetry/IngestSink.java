package io.lineside.telemetry;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;

/**
 * Where decoded telemetry goes. Both methods are called on the decoder thread, in arrival order, and must not
 * block for long.
 */
public interface IngestSink {

    /**
     * The ack of a message that needs none (QoS 0, clean session): running it does nothing, so a sink may skip
     * it instead of queueing it behind the message's updates.
     */
    Runnable NO_ACK = () -> { };

    /**
     * A message's updates follow: {@code acknowledged} is true when its ack waits for them to be durable (QoS 1 on a
     * persistent session), false when it needs none (QoS 0, a clean session). Ignored unless overridden; the
     * production sink keeps every update of an acknowledged message and may gap those of the others when history
     * cannot keep up (decision 0022).
     */
    default void messageBegins(boolean acknowledged) {
    }

    /** One decoded update. */
    void accept(TagUpdate update);

    /**
     * The publisher's sequence jumped: the broker dropped messages of {@code gap.path()}. Called just before the
     * {@link #accept} of the update that revealed it. Ignored unless overridden.
     */
    default void gap(TagGap gap) {
    }

    /**
     * The mapping describes {@code path} (unit, range, expected period): called before the tag's first update, and
     * again after the decoder forgot it. Ignored unless overridden; the production sink records it in the TagStore.
     */
    default void describe(TagPath path, TagMeta meta) {
    }

    /**
     * Every update of one message was handed to {@link #accept} (possibly none: an unknown topic, a duplicate,
     * a refused payload). {@code ack} tells the broker the message is safe; run it only once those updates are
     * durable, and in the order given, or never (the broker then redelivers it after a reconnect).
     */
    void messageDone(Runnable ack);
}
