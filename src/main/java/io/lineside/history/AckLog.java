package io.lineside.history;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.store.fs.FilePath;

/**
 * The history's own redo log of committed batches, beside the database: {@code <dir>/history-acklog-<n>.acklog}
 * (decision 0019). H2 2.5.252 may recover an older version than the last one it forced after a power loss; the
 * writer appends every committed batch here and forces the log before it runs a batch's acknowledgements, and
 * {@link HistoryDatabase#open} writes back the batches H2 lost ({@link AckReplay}).
 *
 * <p>Written through H2's {@link FilePath} API, so a test file system (the power cut) stands in front of it too.
 * A segment starts with {@link #MAGIC} and holds {@link AckRecord}s; it is rolled at {@link #ROLL_BYTES} or
 * {@link #ROLL_AGE}, and a closed one is deleted once H2 was forced past its last batch and it is {@link #KEEP}
 * old. A torn or corrupt record ends its segment's reading; nothing here stops the database opening.
 *
 * <p>Used by the writer thread after {@link HistoryDatabase#open}; {@link #close} is the database's. The methods are
 * synchronized only so that a writer that outlived its close cannot corrupt a segment.
 */
final class AckLog implements AutoCloseable {

    static final long ROLL_BYTES = 16L << 20;
    static final Duration ROLL_AGE = Duration.ofMinutes(1);
    /** A closed segment outlives H2's sync past it by this much: H2's recovery has gone back a few commits. */
    static final Duration KEEP = Duration.ofMinutes(10);
    static final byte[] MAGIC = {'L', 'S', 'A', 'L', 0, 0, 0, 1}; // name, then format version 1
    private static final Pattern NAME = Pattern.compile("history-acklog-(\\d{1,18})\\.acklog");
    private static final System.Logger LOG = System.getLogger(AckLog.class.getName());

    /** A segment's file and what is known of it. */
    private static final class Segment {
        final long number;
        final FilePath file;
        long lastBatch; // 0: none
        long lastWriteMillis;
        boolean pinned; // holds batches that could not be written back: kept for a person to look at

        Segment(long number, FilePath file, long lastWriteMillis) {
            this.number = number;
            this.file = file;
            this.lastWriteMillis = lastWriteMillis;
        }
    }

    /** What {@link #read} found. */
    record Read(List<AckRecord> records, long highestBatch, int segments, int torn, int corrupt) {
    }

    private final Path dir;
    private final String fileSystem;
    private final Clock clock;
    private final List<Segment> closed = new ArrayList<>();
    private Segment current;
    private FileChannel channel;
    private long size;
    private long openedMillis;
    private long nextSegment = 1;
    private long nextBatch = 1;
    private long syncedBatch;
    private long appended;
    private long forces;
    private long bytes;
    private long deleted;

    private AckLog(Path dir, String fileSystem, Clock clock) {
        this.dir = dir;
        this.fileSystem = fileSystem;
        this.clock = clock;
    }

    /** The log in {@code dir} through H2's file system {@code fileSystem}; lists its segments, reads nothing yet. */
    static AckLog open(Path dir, String fileSystem, Clock clock) throws IOException {
        AckLog log = new AckLog(dir, fileSystem, clock);
        List<Segment> found = new ArrayList<>();
        for (FilePath f : FilePath.get(fileSystem + ":" + dir).newDirectoryStream()) {
            Matcher m = NAME.matcher(Path.of(f.getName()).getFileName().toString());
            if (m.matches()) {
                found.add(new Segment(Long.parseLong(m.group(1)), f, f.lastModified()));
            }
        }
        found.sort(java.util.Comparator.comparingLong(s -> s.number));
        log.closed.addAll(found);
        if (!found.isEmpty()) {
            log.nextSegment = found.getLast().number + 1;
        }
        return log;
    }

    /** Reads every segment; returns the records whose batch is above {@code above}, in order. */
    synchronized Read read(long above) {
        List<AckRecord> records = new ArrayList<>();
        long highest = 0;
        int torn = 0;
        int corrupt = 0;
        for (Segment s : closed) {
            ByteBuffer in;
            try {
                in = readAll(s.file);
            } catch (IOException e) {
                corrupt++;
                LOG.log(Level.WARNING, "history ack log segment " + s.file + " unreadable; skipped", e);
                continue;
            }
            if (in.remaining() < MAGIC.length || !in.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
                if (in.remaining() < MAGIC.length) {
                    torn++; // created, its header not yet forced
                } else {
                    corrupt++;
                    LOG.log(Level.WARNING, "history ack log segment " + s.file + " has no header; skipped");
                }
                continue;
            }
            in.position(MAGIC.length);
            while (in.hasRemaining()) {
                try {
                    int length = AckRecord.check(in);
                    long batch = in.getLong(in.position());
                    if (batch > above) {
                        records.add(AckRecord.decode(in, length));
                    } else {
                        in.position(in.position() + length);
                    }
                    s.lastBatch = Math.max(s.lastBatch, batch);
                    highest = Math.max(highest, batch);
                } catch (AckRecord.DamagedException e) {
                    if (e.damage() == AckRecord.Damage.TORN) {
                        torn++;
                        LOG.log(Level.INFO, "history ack log " + s.file + " ends in a torn record (" + e.getMessage()
                                + "): an append was cut short; ignored");
                    } else {
                        corrupt++;
                        LOG.log(Level.WARNING, "history ack log " + s.file + " damaged at byte " + in.position()
                                + " (" + e.getMessage() + "); the rest of the segment is ignored");
                    }
                    break;
                }
            }
        }
        return new Read(records, highest, closed.size(), torn, corrupt);
    }

    private static ByteBuffer readAll(FilePath file) throws IOException {
        try (FileChannel c = file.open("r")) {
            long n = c.size();
            if (n > ROLL_BYTES + 4L * AckRecord.MAX_PAYLOAD) {
                throw new IOException(n + " bytes: not a segment of this log");
            }
            ByteBuffer in = ByteBuffer.allocate((int) n);
            while (in.hasRemaining() && c.read(in, in.position()) > 0) {
                // read it whole
            }
            return in.flip();
        }
    }

    /**
     * After {@link #read} and the write-back: batches from here on are numbered after {@code highest}, and H2 is
     * forced up to it. With {@code pinned}, the segments read so far are never deleted (their write-back failed).
     */
    synchronized void start(long highest, boolean pinned) {
        nextBatch = Math.max(nextBatch, highest + 1);
        syncedBatch = pinned ? syncedBatch : highest;
        for (Segment s : closed) {
            s.pinned = pinned;
        }
    }

    /** The number the next batch gets; {@link #append} uses it up, whether or not the append succeeds. */
    synchronized long nextBatch() {
        return nextBatch;
    }

    /**
     * Appends batch {@code r} (numbered {@link #nextBatch}) without forcing it; see {@link #force}. On an error the
     * segment is abandoned (a half-written record would end its reading) and the next append starts a new one.
     */
    synchronized void append(AckRecord r) throws IOException {
        if (r.batch() != nextBatch) {
            throw new IllegalArgumentException("batch " + r.batch() + ", expected " + nextBatch);
        }
        ByteBuffer frame = r.encode();
        long now = clock.millis();
        nextBatch++; // even if this fails: the number is in H2's commit already and must never name another batch
        try {
            if (channel != null && (size + frame.remaining() > ROLL_BYTES || now - openedMillis >= ROLL_AGE.toMillis())) {
                roll();
            }
            if (channel == null) {
                create(now);
            }
            int n = frame.remaining();
            write(frame, size);
            size += n;
            bytes += n;
        } catch (IOException | RuntimeException e) {
            abandon();
            throw e;
        }
        current.lastBatch = r.batch();
        current.lastWriteMillis = now;
        appended++;
    }

    /** Forces what was appended to the disk (one fdatasync); on an error the segment is abandoned. */
    synchronized void force() throws IOException {
        if (channel == null) {
            return;
        }
        try {
            channel.force(false);
            forces++;
        } catch (IOException | RuntimeException e) {
            abandon();
            throw e;
        }
    }

    /**
     * H2 was forced ({@code CHECKPOINT SYNC}) with every batch up to {@code batch} committed: closes a segment
     * past its age, and deletes closed ones that are past that batch and {@link #KEEP} old.
     */
    synchronized void synced(long batch) {
        syncedBatch = Math.max(syncedBatch, batch);
        long now = clock.millis();
        if (channel != null && now - openedMillis >= ROLL_AGE.toMillis()) {
            try {
                roll();
            } catch (IOException e) {
                abandon();
            }
        }
        for (var it = closed.iterator(); it.hasNext(); ) {
            Segment s = it.next();
            if (!s.pinned && s.lastBatch <= syncedBatch && now - s.lastWriteMillis >= KEEP.toMillis()) {
                try {
                    s.file.delete();
                    it.remove();
                    deleted++;
                } catch (RuntimeException e) { // H2's FilePath throws DbException
                    LOG.log(Level.WARNING, "cannot delete history ack log segment " + s.file, e);
                }
            }
        }
    }

    private void create(long now) throws IOException {
        FilePath file = FilePath.get(fileSystem + ":" + dir.resolve("history-acklog-" + nextSegment + ".acklog"));
        nextSegment++;
        channel = file.open("rw");
        current = new Segment(nextSegment - 1, file, now);
        openedMillis = now;
        size = 0;
        write(ByteBuffer.wrap(MAGIC), 0);
        size = MAGIC.length;
        channel.force(true);
        forceDirectory(); // the new file's name must survive a power loss as well as its bytes
    }

    private void write(ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            at += channel.write(b, at);
        }
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) { // not every OS can (Windows); best effort
            LOG.log(Level.DEBUG, "cannot force directory " + dir, e);
        }
    }

    private void roll() throws IOException {
        channel.force(false);
        channel.close();
        channel = null;
        closed.add(current);
        current = null;
    }

    private void abandon() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing an abandoned ack log segment failed", e);
            }
            channel = null;
            closed.add(current); // what it forced before the error is still good
            current = null;
        }
    }

    /** Records appended since open. */
    long appended() {
        return appended;
    }

    /** Forces since open. */
    long forces() {
        return forces;
    }

    /** Bytes appended since open (frames and records, not the segment headers). */
    long bytes() {
        return bytes;
    }

    /** Segments deleted by retention since open. */
    long deleted() {
        return deleted;
    }

    /** Segments on disk, the open one included. */
    int segments() {
        return closed.size() + (current == null ? 0 : 1);
    }

    /** Forces and closes the open segment. Idempotent. */
    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                roll();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing the history ack log failed", e);
                abandon();
            }
        }
    }
}
