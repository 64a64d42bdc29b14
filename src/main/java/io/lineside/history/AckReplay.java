package io.lineside.history;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

/**
 * Writes back, when the history database opens, the logged batches H2 does not have: every {@link AckLog} record
 * numbered above {@code ack_log.batch} (H2 recovered an older version than it forced, or the file was quarantined).
 * Each goes in with the writer's own {@link SampleTable#write} (MERGE on the sample key when a row is already
 * there, so a repeat adds nothing) and, in the same commit, its number in {@code ack_log}; so a crash during the
 * write-back leaves it to be finished at the next open. Then H2 is forced. Never throws: a failure is logged, and
 * the log's segments are kept.
 */
final class AckReplay {

    private static final System.Logger LOG = System.getLogger(AckReplay.class.getName());

    /** What one write-back did. */
    record Result(int batches, long samples, long inserted, int torn, int corrupt, long highestBatch, String error) {
    }

    private AckReplay() {
    }

    /** The highest batch number committed in H2 (0 when none). */
    static long committedBatch(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(batch) FROM ack_log")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static Result run(HistoryDatabase database, AckLog log) {
        long h2;
        try (Connection c = database.connect()) {
            h2 = committedBatch(c);
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "cannot read history's last logged batch; the ack log is not written back", e);
            log.start(0, true);
            return new Result(0, 0, 0, 0, 0, 0, e.toString());
        }
        long start = System.nanoTime();
        AckLog.Read read = log.read(h2);
        SampleTable table = new SampleTable(database, new HourFolder(Clock.systemUTC(), Duration.ZERO, Duration.ZERO));
        int batches = 0;
        long samples = 0;
        long inserted = 0;
        String error = null;
        try {
            for (AckRecord r : read.records()) {
                inserted += table.write(r.samples(), r.gaps(), r.batch());
                samples += r.samples().size();
                batches++;
            }
            if (batches > 0) {
                table.sync();
            }
        } catch (SQLException | RuntimeException e) {
            error = e.toString();
            LOG.log(Level.ERROR, "writing back the history ack log stopped after " + batches + " of "
                    + read.records().size() + " batches; its segments are kept", e);
        } finally {
            table.discard();
        }
        long highest = Math.max(h2, read.highestBatch());
        log.start(highest, error != null);
        Result result = new Result(batches, samples, inserted, read.torn(), read.corrupt(), highest, error);
        if (batches > 0 || read.corrupt() > 0) {
            LOG.log(batches > 0 ? Level.WARNING : Level.INFO, "history ack log: H2 had batches up to " + h2
                    + "; wrote back " + batches + " batches (" + samples + " samples, " + inserted + " new) in "
                    + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms from " + read.segments()
                    + " segments; " + read.torn() + " torn, " + read.corrupt() + " corrupt records");
        }
        return result;
    }
}
