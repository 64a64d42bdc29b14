package io.lineside.telemetry.inspect;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One captured message: how it arrived, its first bytes, and what the decoder makes of it. Bounded whatever was
 * sent: at most {@link MessageInspector#HEAD_BYTES} bytes and {@link MessageInspector#MAX_DETAIL} characters kept.
 *
 * @param number   capture order, from 1
 * @param size     the payload's full size in bytes
 * @param head     its first bytes (copied; never the whole of a large payload)
 * @param summary  one line: the decoded value(s), or what is wrong
 * @param detail   the decoded form in full (tag updates, or Sparkplug seq, timestamp and metrics), or the error
 * @param error    true when the payload could not be decoded or the topic is not one we map
 */
public record InspectedMessage(long number, Instant received, String topic, int qos, boolean retained, int size,
                               byte[] head, String summary, String detail, boolean error) {

    public InspectedMessage {
        head = head.clone();
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    /** The first bytes as text: UTF-8, control characters shown as '·'. */
    public String headText() {
        StringBuilder text = new StringBuilder();
        new String(head, StandardCharsets.UTF_8).codePoints()
                .forEach(c -> text.appendCodePoint(Character.isISOControl(c) || c == 0xFFFD ? '·' : c));
        return text.toString();
    }

    /** The first bytes in hex, 16 to a line. */
    public String headHex() {
        StringBuilder hex = new StringBuilder();
        HexFormat format = HexFormat.of().withDelimiter(" ");
        for (int i = 0; i < head.length; i += 16) {
            hex.append(format.formatHex(head, i, Math.min(head.length, i + 16))).append('\n');
        }
        return hex.toString().strip();
    }

    /** True when only the first part of the payload is kept. */
    public boolean truncated() {
        return head.length < size;
    }
}
