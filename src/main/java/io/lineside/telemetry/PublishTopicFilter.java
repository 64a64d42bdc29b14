package io.lineside.telemetry;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * The broker-to-client byte stream as Paho reads it, with one change: a PUBLISH whose topic Paho would refuse
 * (see {@link UnreadableTopics}) gets the stand-in topic instead, and its remaining length is corrected, so Paho
 * delivers it like any message (and its QoS 1 ack goes the usual way) instead of dropping the connection. Every
 * other byte passes unchanged; the body after the topic is streamed, never buffered. A read that times out
 * (Paho reads with a 1 s socket timeout) keeps the frame parsed so far; Paho is handed a frame's first byte only
 * once its header and topic are complete. Used by Paho's receiver thread only.
 */
final class PublishTopicFilter extends InputStream {

    private static final int PUBLISH = 3;

    private final InputStream in;
    private final Consumer<String> onRewrite;
    /** Bytes of the current frame read so far: fixed header, then topic length and topic of a PUBLISH. */
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(64);
    private int headerLength; // 0 while the fixed header is incomplete
    private int remaining;    // the frame's remaining length, once the header is complete
    private byte[] pending = new byte[0];
    private int pendingAt;
    private long passThrough; // body bytes still to copy unchanged

    /** @param onRewrite told the stand-in topic of each rewritten frame, on the reading thread */
    PublishTopicFilter(InputStream in, Consumer<String> onRewrite) {
        this.in = new BufferedInputStream(in, 8192);
        this.onRewrite = onRewrite;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pendingAt == pending.length && passThrough == 0) {
            if (!nextFrame()) {
                return -1;
            }
        }
        if (pendingAt < pending.length) {
            int n = Math.min(len, pending.length - pendingAt);
            System.arraycopy(pending, pendingAt, b, off, n);
            pendingAt += n;
            return n;
        }
        int n = in.read(b, off, (int) Math.min(len, passThrough));
        if (n > 0) {
            passThrough -= n;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return (pending.length - pendingAt) + (int) Math.min(passThrough, in.available());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads the next frame's header (and a PUBLISH's topic) into {@link #pending}; false at end of stream. */
    private boolean nextFrame() throws IOException {
        while (headerLength == 0) {
            int c = in.read();
            if (c < 0) {
                return flushAtEnd();
            }
            frame.write(c);
            byte[] h = frame.toByteArray();
            if (h.length >= 2 && ((c & 0x80) == 0 || h.length == 5)) {
                headerLength = h.length;
                remaining = decodeLength(h);
            }
        }
        byte[] header = frame.toByteArray();
        if (((header[0] & 0xFF) >>> 4) != PUBLISH || remaining < 2) {
            return emit(header, remaining - (header.length - headerLength));
        }
        while (frame.size() < headerLength + 2) {
            if (!readInto(headerLength + 2 - frame.size())) {
                return flushAtEnd();
            }
        }
        byte[] sofar = frame.toByteArray();
        int topicLength = ((sofar[headerLength] & 0xFF) << 8) | (sofar[headerLength + 1] & 0xFF);
        if (topicLength > remaining - 2) {
            return emit(sofar, remaining - 2); // malformed: Paho fails on it as it would have without us
        }
        while (frame.size() < headerLength + 2 + topicLength) {
            if (!readInto(headerLength + 2 + topicLength - frame.size())) {
                return flushAtEnd();
            }
        }
        byte[] whole = frame.toByteArray();
        byte[] topic = java.util.Arrays.copyOfRange(whole, headerLength + 2, whole.length);
        long body = remaining - 2L - topicLength;
        String standIn = UnreadableTopics.standInFor(topic);
        if (standIn == null) {
            return emit(whole, body);
        }
        byte[] replaced = standIn.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(replaced.length + 8);
        out.write(whole[0]);
        encodeLength(out, (int) (2 + replaced.length + body));
        out.write(replaced.length >>> 8);
        out.write(replaced.length & 0xFF);
        out.writeBytes(replaced);
        onRewrite.accept(standIn);
        return emit(out.toByteArray(), body);
    }

    /** Reads up to {@code n} more bytes of the frame; false at end of stream. A timeout keeps what was read. */
    private boolean readInto(int n) throws IOException {
        byte[] chunk = new byte[n];
        int got = in.read(chunk, 0, n);
        if (got < 0) {
            return false;
        }
        frame.write(chunk, 0, got);
        return true;
    }

    private boolean emit(byte[] bytes, long bodyLeft) {
        pending = bytes;
        pendingAt = 0;
        passThrough = Math.max(0, bodyLeft);
        frame.reset();
        headerLength = 0;
        return true;
    }

    /** End of stream inside a frame: hand Paho what there was, so it sees the same truncation it would have. */
    private boolean flushAtEnd() {
        if (frame.size() == 0) {
            return false;
        }
        return emit(frame.toByteArray(), 0);
    }

    private static int decodeLength(byte[] header) {
        int value = 0;
        int multiplier = 1;
        for (int i = 1; i < header.length; i++) {
            value += (header[i] & 0x7F) * multiplier;
            multiplier *= 128;
        }
        return value;
    }

    private static void encodeLength(ByteArrayOutputStream out, int length) {
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
    }
}
