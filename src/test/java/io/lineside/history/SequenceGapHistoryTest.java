package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.telemetry.IngestPipeline;
import io.lineside.telemetry.IngestSink;
import io.lineside.telemetry.TopicMapper;
import io.lineside.testsupport.Eventually;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A publisher's seq jump travels from the ingest pipeline through the history writer into the gap table. */
class SequenceGapHistoryTest {

    private static final String TOPIC = "lineside/demo/assembly/line-1/press/speed";
    private static final TagPath SPEED = TagPath.parse("demo/assembly/line-1/press/speed");
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSequenceJumpIsStoredAsAGapRowBetweenTheLastGoodSampleAndTheNextOne() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            try (HistoryWriter writer = new HistoryWriter(db)) {
                List<String> acked = new ArrayList<>();
                try (IngestPipeline pipeline = new IngestPipeline(new TopicMapper("lineside"), sinkInto(writer),
                        Clock.systemUTC(), 1024, 100)) {
                    // seq 1, 2, 3, then 8 (4..7 dropped by the broker), then a redelivered 3 and a restart at 1
                    long[][] sent = {{1, 0}, {2, 1}, {3, 2}, {8, 7}, {3, 2}, {1, 20}, {2, 21}};
                    for (long[] m : sent) {
                        String json = "{\"v\":" + m[0] + ",\"seq\":" + m[0] + ",\"ts\":"
                                + T0.plusSeconds(m[1]).toEpochMilli() + "}";
                        pipeline.offer(TOPIC, json.getBytes(StandardCharsets.UTF_8), () -> acked.add(json));
                    }
                    Eventually.await("all acknowledged", Duration.ofSeconds(10), () -> acked.size() == sent.length);
                }
            }
            try (Connection c = db.connect();
                 PreparedStatement ps = c.prepareStatement("SELECT t.path, g.from_ts, g.to_ts, g.missing"
                         + " FROM gap g JOIN tag t ON t.id = g.tag_id");
                 ResultSet rs = ps.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + Instant.ofEpochMilli(rs.getLong(2)) + " "
                            + Instant.ofEpochMilli(rs.getLong(3)) + " " + rs.getLong(4));
                }
                assertEquals(List.of(SPEED + " " + T0.plusSeconds(2) + " " + T0.plusSeconds(7) + " 4"), rows);
            }
            assertEquals(List.of(new TagGap(SPEED, T0.plusSeconds(2), T0.plusSeconds(7), 4)),
                    new HistoryQuery(db).gaps(SPEED, T0, T0.plusSeconds(60)));
        }
    }

    /** The application's wiring: samples and gaps through the writer, acks after their commit. */
    private static IngestSink sinkInto(HistoryWriter writer) {
        return new IngestSink() {
            @Override
            public void accept(TagUpdate update) {
                writer.put(update);
            }

            @Override
            public void gap(TagGap gap) {
                writer.putGap(gap);
            }

            @Override
            public void messageDone(Runnable ack) {
                writer.putAfterCommit(ack);
            }
        };
    }
}
