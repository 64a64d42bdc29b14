package io.lineside.history;

import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * One committed history batch as {@link AckLog} keeps it: its number, its sample rows and its gap rows.
 *
 * <p>Framing: {@code int length, int crc32c(payload), payload}. Payload: {@code long batch}, the record's distinct
 * tag paths ({@code short n}, UTF each), its samples ({@code int n}; each {@code short path, long ts, long seq,
 * long recv_ts, byte quality, byte flags, byte kind} and for kind 1 a {@code double}, for kind 2 a UTF text) and
 * its gaps ({@code int n}; each {@code short path or -1 for every tag, long from, long to, long missing,
 * long first_seq}). Big-endian. Values are immutable.
 */
record AckRecord(long batch, List<TagUpdate> samples, List<TagGap> gaps) {

    /** Bytes of a record's frame before its payload. */
    static final int FRAME = 8;
    /** A record longer than this is damage, not a batch (a backlog batch of 5,000 long texts is ~1.3 MB). */
    static final int MAX_PAYLOAD = 64 << 20;
    private static final byte NONE = 0;
    private static final byte NUMBER = 1;
    private static final byte TEXT = 2;

    AckRecord {
        samples = List.copyOf(samples);
        gaps = List.copyOf(gaps);
    }

    /** The framed record, ready to append. */
    ByteBuffer encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + samples.size() * 40);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0); // length and CRC, filled in below
            out.writeInt(0);
            out.writeLong(batch);
            Map<TagPath, Integer> paths = new HashMap<>();
            List<TagPath> order = new ArrayList<>();
            for (TagUpdate u : samples) {
                index(u.path(), paths, order);
            }
            for (TagGap g : gaps) {
                if (!g.allTags()) {
                    index(g.path(), paths, order);
                }
            }
            out.writeShort(order.size());
            for (TagPath p : order) {
                out.writeUTF(p.toString());
            }
            out.writeInt(samples.size());
            for (TagUpdate u : samples) {
                TagValue v = u.value();
                out.writeShort(paths.get(u.path()));
                out.writeLong(v.sourceTime().toEpochMilli());
                out.writeLong(v.seq());
                out.writeLong(v.receiveTime().toEpochMilli());
                out.writeByte(v.quality().ordinal());
                out.writeByte(v.flags());
                switch (v.value()) {
                    case null -> out.writeByte(NONE);
                    case Double d -> {
                        out.writeByte(NUMBER);
                        out.writeDouble(d);
                    }
                    default -> { // stored truncated, so log what the table holds
                        out.writeByte(TEXT);
                        out.writeUTF(SampleTable.truncate(v.value().toString()));
                    }
                }
            }
            out.writeInt(gaps.size());
            for (TagGap g : gaps) {
                out.writeShort(g.allTags() ? -1 : paths.get(g.path()));
                out.writeLong(g.from().toEpochMilli());
                out.writeLong(g.to().toEpochMilli());
                out.writeLong(g.missing());
                out.writeLong(g.firstSeq());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        ByteBuffer frame = ByteBuffer.wrap(bytes.toByteArray());
        int length = frame.capacity() - FRAME;
        CRC32C crc = new CRC32C();
        crc.update(frame.array(), FRAME, length);
        frame.putInt(0, length).putInt(4, (int) crc.getValue());
        return frame;
    }

    private static void index(TagPath path, Map<TagPath, Integer> paths, List<TagPath> order) {
        if (paths.putIfAbsent(path, order.size()) == null) {
            order.add(path);
            if (order.size() > Short.MAX_VALUE) {
                throw new IllegalArgumentException("more than " + Short.MAX_VALUE + " tags in one batch");
            }
        }
    }

    /** Why reading a segment stopped before its end. */
    enum Damage {
        /** The last record is cut short: its append was under way when the process or the power died. */
        TORN,
        /** A record's checksum or content is wrong. */
        CORRUPT
    }

    /** A decoding failure: the record and everything after it in its segment are ignored. */
    static final class DamagedException extends Exception {
        private final Damage damage;

        DamagedException(Damage damage, String message) {
            super(message);
            this.damage = damage;
        }

        Damage damage() {
            return damage;
        }
    }

    /**
     * The batch number of the framed record at {@code in}'s position, after checking its frame and CRC, or throws;
     * on success {@code in} is left at the payload and {@code in.limit()} is unchanged.
     *
     * @return the payload's length
     */
    static int check(ByteBuffer in) throws DamagedException {
        if (in.remaining() < FRAME) {
            throw new DamagedException(Damage.TORN, in.remaining() + " bytes, less than a frame");
        }
        int length = in.getInt();
        int expected = in.getInt();
        if (length < Long.BYTES || length > MAX_PAYLOAD) {
            throw new DamagedException(Damage.CORRUPT, "record length " + length);
        }
        if (in.remaining() < length) {
            throw new DamagedException(Damage.TORN, "record of " + length + " bytes, " + in.remaining() + " left");
        }
        CRC32C crc = new CRC32C();
        crc.update(in.slice(in.position(), length));
        if ((int) crc.getValue() != expected) {
            throw new DamagedException(Damage.CORRUPT, "CRC32C mismatch");
        }
        return length;
    }

    /** Decodes a payload of {@code length} bytes at {@code in}'s position (checked with {@link #check}). */
    static AckRecord decode(ByteBuffer in, int length) throws DamagedException {
        ByteBuffer p = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            long batch = p.getLong();
            TagPath[] paths = new TagPath[p.getShort()];
            for (int i = 0; i < paths.length; i++) {
                paths[i] = TagPath.parse(utf(p));
            }
            int n = p.getInt();
            List<TagUpdate> samples = new ArrayList<>(Math.min(n, length / 30));
            for (int i = 0; i < n; i++) {
                TagPath path = paths[p.getShort()];
                Instant ts = Instant.ofEpochMilli(p.getLong());
                long seq = p.getLong();
                Instant recv = Instant.ofEpochMilli(p.getLong());
                Quality quality = Quality.values()[p.get()];
                int flags = p.get();
                Object value = switch (p.get()) {
                    case NONE -> null;
                    case NUMBER -> p.getDouble();
                    case TEXT -> utf(p);
                    default -> throw new IllegalArgumentException("value kind");
                };
                samples.add(new TagUpdate(path, new TagValue(value, ts, recv, quality, seq, flags)));
            }
            int g = p.getInt();
            List<TagGap> gaps = new ArrayList<>(Math.min(g, length / 34));
            for (int i = 0; i < g; i++) {
                short path = p.getShort();
                gaps.add(new TagGap(path < 0 ? null : paths[path], Instant.ofEpochMilli(p.getLong()),
                        Instant.ofEpochMilli(p.getLong()), p.getLong(), p.getLong()));
            }
            if (p.hasRemaining()) {
                throw new IllegalArgumentException(p.remaining() + " bytes after the gaps");
            }
            return new AckRecord(batch, samples, gaps);
        } catch (RuntimeException e) { // underflow, a bad index or enum, a value TagValue refuses
            throw new DamagedException(Damage.CORRUPT, "undecodable record: " + e);
        }
    }

    /** Reads a {@link DataOutputStream#writeUTF} string (modified UTF-8; a text never holds a NUL here). */
    private static String utf(ByteBuffer p) {
        int n = Short.toUnsignedInt(p.getShort());
        byte[] b = new byte[n];
        p.get(b);
        try {
            return new java.io.DataInputStream(new java.io.ByteArrayInputStream(
                    ByteBuffer.allocate(2 + n).putShort((short) n).put(b).array())).readUTF();
        } catch (IOException e) {
            throw new IllegalArgumentException("bad UTF: " + e.getMessage());
        }
    }

}
