package io.lineside.history;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link HistoryWriter}'s side of JDBC: one connection, its prepared statements and the tag-id cache.
 * Writer thread only.
 */
final class SampleTable {

    private static final System.Logger LOG = System.getLogger(SampleTable.class.getName());
    // Plain INSERT first: a redelivered sample is rare. A batch that hits a duplicate key is rolled back and
    // written again with MERGE on the primary key, which makes the redelivered sample (same tag, ts, seq) a no-op.
    private static final String INSERT_SAMPLE = "INSERT INTO sample (tag_id, ts, seq, recv_ts, num, txt, quality)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String MERGE_SAMPLE = "MERGE INTO sample (tag_id, ts, seq, recv_ts, num, txt, quality)"
            + " KEY (tag_id, ts, seq) VALUES (?, ?, ?, ?, ?, ?, ?)";

    static final int MAX_TEXT = 200;

    private final HistoryDatabase database;
    private final HourFolder folder;
    private final Map<TagPath, Integer> tagIds = new HashMap<>();
    private Connection connection;
    private PreparedStatement insertSample;
    private PreparedStatement selectTag;
    private PreparedStatement ackLog;
    private long gapsFilled; // committed or not: a statistic, never a guarantee

    SampleTable(HistoryDatabase database, HourFolder folder) {
        this.database = database;
        this.folder = folder;
    }

    /** A duplicate primary key, possibly wrapped in a batch failure. */
    private static boolean isDuplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && "23505".equals(cause.getSQLState());
    }

    /**
     * Writes and commits one batch. On failure the caller retries or gives up; call {@link #discard} first so the
     * next attempt starts on a fresh connection.
     */
    int write(List<TagUpdate> batch, List<TagGap> gaps) throws SQLException {
        return write(batch, gaps, 0);
    }

    /**
     * Like {@link #write(List, List)}, and with {@code ackBatch} above 0 records in the same commit that the batch
     * of that number in the {@link AckLog} is in H2 ({@code ack_log}, which only grows).
     */
    int write(List<TagUpdate> batch, List<TagGap> gaps, long ackBatch) throws SQLException {
        try {
            return insert(batch, gaps, false, ackBatch);
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            discard(); // rolls back the partial batch (and any tag rows it added)
            return insert(batch, gaps, true, ackBatch);
        }
    }

    /**
     * Writes and commits one batch: INSERT on the normal path, MERGE when a duplicate was seen in it. On the MERGE
     * path a sample whose key (tag, ts, seq) is already stored, or already earlier in the batch, is left out.
     *
     * @return the sample rows really inserted: the batch size, less the true duplicates
     */
    private int insert(List<TagUpdate> batch, List<TagGap> gaps, boolean merge, long ackBatch) throws SQLException {
        Connection c = connection();
        PreparedStatement ps = merge ? c.prepareStatement(MERGE_SAMPLE) : insertSample;
        PreparedStatement exists = merge
                ? c.prepareStatement("SELECT 1 FROM sample WHERE tag_id = ? AND ts = ? AND seq = ?") : null;
        java.util.Set<List<Long>> keys = new java.util.HashSet<>();
        int inserted = 0;
        try {
            // In key order (tag, then time), each index page is visited once per batch rather than at random.
            long[] order = new long[batch.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = (long) tagId(c, batch.get(i).path()) << 32 | i;
            }
            Arrays.sort(order);
            for (long key : order) {
                TagUpdate update = batch.get((int) key);
                TagValue v = update.value();
                if (merge && isStored(exists, keys, (int) (key >>> 32), v)) {
                    continue; // a true duplicate: this exact sample is stored
                }
                inserted++;
                ps.setInt(1, (int) (key >>> 32));
                ps.setLong(2, v.sourceTime().toEpochMilli());
                ps.setLong(3, v.seq());
                ps.setLong(4, v.receiveTime().toEpochMilli());
                // Non-finite numbers would poison min/max: keep them as text, verbatim.
                if (v.value() instanceof Double d && Double.isFinite(d)) {
                    ps.setDouble(5, d);
                    ps.setNull(6, Types.VARCHAR);
                } else {
                    ps.setNull(5, Types.DOUBLE);
                    ps.setString(6, v.value() == null ? null : truncate(v.value().toString()));
                }
                ps.setInt(7, v.quality().ordinal());
                ps.addBatch();
            }
            ps.executeBatch();
            GapRows.insert(c, gaps, path -> tagId(c, path)); // same commit: a gap is never stored without its samples
            for (TagUpdate update : batch) { // a late sample is no longer missing: shrink the gap that counted it
                TagValue v = update.value();
                if (v.late() && v.seq() >= 0) {
                    gapsFilled += GapRows.fill(c, tagId(c, update.path()), v.seq(), v.sourceTime().toEpochMilli());
                }
            }
            if (ackBatch > 0) {
                ackLog.setLong(1, ackBatch);
                ackLog.executeUpdate();
            }
        } finally {
            if (merge) {
                ps.close();
                exists.close();
            }
        }
        c.commit();
        for (TagUpdate update : batch) { // ids are cached now; tell the folder which tag-hours grew
            folder.touched(tagIds.get(update.path()), update.value().sourceTime().toEpochMilli());
        }
        return inserted;
    }

    /** Whether the sample's key is in the table or earlier in this batch (then it is remembered). */
    private static boolean isStored(PreparedStatement exists, java.util.Set<List<Long>> keys, int tagId, TagValue v)
            throws SQLException {
        if (!keys.add(List.of((long) tagId, v.sourceTime().toEpochMilli(), v.seq()))) {
            return true;
        }
        exists.setInt(1, tagId);
        exists.setLong(2, v.sourceTime().toEpochMilli());
        exists.setLong(3, v.seq());
        try (ResultSet rs = exists.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * Forces every commit so far onto the disk ({@code CHECKPOINT SYNC}: H2 flushes the store and the file channel
     * is forced, one fsync). A commit alone reaches the OS's page cache, which survives kill -9 but not a power
     * loss.
     */
    void sync() throws SQLException {
        try (Statement st = connection().createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
    }

    /** Gap rows shrunk by late samples since start (see {@link GapRows#fill}). */
    long gapsFilled() {
        return gapsFilled;
    }

    /** Folds finished hours for at most about {@code budgetNanos}; see {@link HourFolder#step}. */
    int fold(long budgetNanos) throws SQLException {
        return folder.step(connection(), budgetNanos);
    }

    private int tagId(Connection c, TagPath path) throws SQLException {
        Integer cached = tagIds.get(path);
        if (cached != null) {
            return cached;
        }
        int id;
        selectTag.setString(1, path.toString());
        try (ResultSet rs = selectTag.executeQuery()) {
            id = rs.next() ? rs.getInt(1) : insertTag(c, path);
        }
        tagIds.put(path, id);
        return id;
    }

    private static int insertTag(Connection c, TagPath path) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tag (path) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, path.toString());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = database.connect();
            try {
                c.setAutoCommit(false);
                insertSample = c.prepareStatement(INSERT_SAMPLE);
                selectTag = c.prepareStatement("SELECT id FROM tag WHERE path = ?");
                ackLog = c.prepareStatement("UPDATE ack_log SET batch = GREATEST(batch, ?) WHERE id = 1");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    /** Drops the connection after a failure (or at the end): its transaction is gone, and so are uncommitted tag ids. */
    void discard() {
        tagIds.clear();
        insertSample = null; // closed with their connection
        selectTag = null;
        ackLog = null;
        if (connection != null) {
            try (Connection c = connection) {
                c.rollback();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "closing the history connection failed", e);
            }
            connection = null;
        }
    }

    static String truncate(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end);
    }
}
