package io.lineside.telemetry;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagUpdate;
import io.lineside.telemetry.mapping.TopicMappings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ingest's decode step makes of one message, for the inspector: the same {@link MessageDecoder} over the
 * same mappings, with its own seq memory and its own counters (the ingest's are not touched). Thread-confined.
 */
public final class DecodePreview {

    /**
     * @param error        the decode error, or null
     * @param unknownTopic true when no mapping rule matches the topic
     */
    public record Result(List<TagUpdate> updates, List<TagGap> gaps, String error, boolean unknownTopic) {
    }

    private final IngestDiagnostics diagnostics = new IngestDiagnostics();
    private final List<TagUpdate> updates = new ArrayList<>();
    private final List<TagGap> gaps = new ArrayList<>();
    private final MessageDecoder decoder;

    public DecodePreview(TopicMappings mappings) {
        this.decoder = new MessageDecoder(mappings, new IngestSink() {
            @Override
            public void accept(TagUpdate update) {
                updates.add(update);
            }

            @Override
            public void gap(TagGap gap) {
                gaps.add(gap);
            }

            @Override
            public void messageDone(Runnable ack) {
            }
        }, diagnostics);
    }

    /** Decodes one message as the ingest would. */
    public Result decode(String topic, byte[] payload, Instant received) {
        updates.clear();
        gaps.clear();
        IngestDiagnostics.Snapshot before = diagnostics.snapshot();
        decoder.handle(topic, payload, received);
        IngestDiagnostics.Snapshot after = diagnostics.snapshot();
        String error = after.parseErrors() > before.parseErrors() && after.lastBad() != null
                ? after.lastBad().reason() : null;
        return new Result(List.copyOf(updates), List.copyOf(gaps), error,
                after.unknownMessages() > before.unknownMessages());
    }
}
