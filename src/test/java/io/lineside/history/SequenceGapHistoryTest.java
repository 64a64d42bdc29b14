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
            assertEquals(List.of(new TagGap(SPEED, T0.plusSeconds(2), T0.plusSeconds(7), 4, 4)),
                    new HistoryQuery(db).gaps(SPEED, T0, T0.plusSeconds(60)));
        }
    }

    @Test
    void lateMessagesAreStoredInTheirPlaceAndShrinkTheGapThatCountedThemWhileARepeatAddsNothing() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            // 1, 2, 3, then 8 (a gap of 4..7), then the backlog arrives late: 5, 4 and a repeated 3; 6 and 7 never do
            long[] sent = {1, 2, 3, 8, 5, 4, 3};
            ingest(db, sent);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 8L), storedSeqs(db), "each received message once, in its place");
            // The gap 4..7 (2 s .. 7 s) lost 5 (at 4 s), then 4: what is left is 6..7 from 4 s to 7 s.
            assertEquals(List.of(new TagGap(SPEED, T0.plusSeconds(4), T0.plusSeconds(7), 2, 6)),
                    new HistoryQuery(db).gaps(SPEED, T0, T0.plusSeconds(60)));
        }
    }

    @Test
    void aLateMessageInTheMiddleSplitsTheGapAndOneOnEitherEdgeTrimsIt() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            ingest(db, new long[] {1, 10, 5, 2, 9});
            // 2..9 missing (0 s .. 9 s); 5 splits it at 4 s; 2 trims the left part's start, 9 the right part's end
            assertEquals(List.of(new TagGap(SPEED, T0.plusSeconds(1), T0.plusSeconds(4), 2, 3),
                            new TagGap(SPEED, T0.plusSeconds(4), T0.plusSeconds(8), 3, 6)),
                    new HistoryQuery(db).gaps(SPEED, T0, T0.plusSeconds(60)));
            assertEquals(List.of(1L, 2L, 5L, 9L, 10L), storedSeqs(db));
        }
    }

    @Test
    void bareNumbersInTheSameMillisecondAreEachOneSample() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            int n = 2_000;
            try (HistoryWriter writer = new HistoryWriter(db)) {
                List<String> acked = new java.util.concurrent.CopyOnWriteArrayList<>();
                try (IngestPipeline pipeline = new IngestPipeline(new TopicMapper("lineside"), sinkInto(writer),
                        Clock.fixed(T0, java.time.ZoneOffset.UTC), 1024, n)) { // one receive millisecond for all
                    for (int i = 0; i < n; i++) {
                        pipeline.offer(TOPIC, Integer.toString(i % 7).getBytes(StandardCharsets.UTF_8), () -> acked.add(""));
                    }
                    Eventually.await("all acknowledged", Duration.ofSeconds(20), () -> acked.size() == n);
                }
            }
            try (Connection c = db.connect();
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT ts) FROM sample")) {
                rs.next();
                assertEquals(n, rs.getLong(1), "no message collapsed into another by its receive time");
                assertEquals(1, rs.getLong(2), "all in one millisecond, as the clock says");
            }
            assertEquals(List.of(), new HistoryQuery(db).gaps(SPEED, T0.minusSeconds(1), T0.plusSeconds(1)));
        }
    }

    /** Sends {@code seqs} (value = seq, source time T0 + seq - 1 s) through pipeline and writer, all acknowledged. */
    private static void ingest(HistoryDatabase db, long[] seqs) throws Exception {
        try (HistoryWriter writer = new HistoryWriter(db)) {
            List<String> acked = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (IngestPipeline pipeline = new IngestPipeline(new TopicMapper("lineside"), sinkInto(writer),
                    Clock.systemUTC(), 1024, 100)) {
                for (long seq : seqs) {
                    String json = "{\"v\":" + seq + ",\"seq\":" + seq + ",\"ts\":"
                            + T0.plusSeconds(seq - 1).toEpochMilli() + "}";
                    pipeline.offer(TOPIC, json.getBytes(StandardCharsets.UTF_8), () -> acked.add(json));
                }
                Eventually.await("all acknowledged", Duration.ofSeconds(10), () -> acked.size() == seqs.length);
            }
        }
    }

    private static List<Long> storedSeqs(HistoryDatabase db) throws Exception {
        List<Long> seqs = new ArrayList<>();
        try (Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT seq FROM sample ORDER BY seq")) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
        }
        return seqs;
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
