package io.lineside.telemetry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Topics Paho 1.2.5 cannot decode, and the stand-in it is given instead. Paho validates every received topic
 * ({@code MqttWireMessage.validateUTF8String}) and throws on the first character it dislikes, which closes the
 * connection; the broker then redelivers the same QoS 1 message on every reconnect. Its rule (with two bugs: an
 * inverted surrogate test and a range test that is always true) refuses, after decoding the bytes as UTF-8 with
 * replacement:
 * <ul>
 *   <li>every supplementary code point (every 4-byte sequence: emoji, CJK Extension B, ...),</li>
 *   <li>ISO control characters U+0000–U+001F and U+007F–U+009F,</li>
 *   <li>every BMP code point from U+FDD0 up: noncharacters, but also U+FE0F, U+FEFF, the fullwidth forms
 *       U+FF01–U+FF5E (Chinese punctuation such as {@code （}) and U+FFFD, so any malformed byte sequence.</li>
 * </ul>
 * Such a topic is replaced by {@code $lineside/unreadable/<escaped>}: one level holding the original with each
 * refused code point written <code>&#92;u{1F4A5}</code>, a malformed byte {@code \x{C3}}, and {@code \} and {@code /} escaped,
 * so no mapping can resolve it (a tag name cannot hold {@code $}, {@code \} or braces) and it is counted as an
 * unknown (unreadable) topic, and acknowledged like any unknown one. Stateless; safe from any thread.
 */
public final class UnreadableTopics {

    /** What every stand-in topic starts with. */
    public static final String PREFIX = "$lineside/unreadable/";
    /** The longest topic MQTT can carry (two length bytes). */
    static final int MAX_TOPIC_BYTES = 65_535;

    private UnreadableTopics() {
    }

    /** True when {@code topic} is a stand-in for a topic Paho could not decode. */
    public static boolean isStandIn(String topic) {
        return topic != null && topic.startsWith(PREFIX);
    }

    /** The stand-in for the topic {@code utf8}, or null when Paho 1.2.5 accepts it as it is. */
    static String standInFor(byte[] utf8) {
        String decoded = strictDecode(utf8);
        if (decoded != null && !pahoRefuses(decoded)) {
            return null;
        }
        StringBuilder out = new StringBuilder(PREFIX.length() + utf8.length * 2).append(PREFIX);
        if (decoded == null) {
            for (byte b : utf8) {
                int c = b & 0xFF;
                if (c >= 0x20 && c < 0x7F && c != '\\' && c != '/') {
                    out.append((char) c);
                } else if (c == '\\' || c == '/') {
                    out.append('\\').append((char) c);
                } else {
                    out.append("\\x{").append(String.format("%02X", c)).append('}');
                }
            }
        } else {
            decoded.codePoints().forEach(cp -> {
                if (cp == '\\' || cp == '/') {
                    out.append('\\').append((char) cp);
                } else if (refused(cp)) {
                    out.append("\\u{").append(Integer.toHexString(cp).toUpperCase()).append('}');
                } else {
                    out.appendCodePoint(cp);
                }
            });
        }
        return fit(out.toString());
    }

    /** Paho 1.2.5's verdict on a decoded topic, code point by code point. */
    static boolean pahoRefuses(String topic) {
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (Character.isSurrogate(c) || refused(c)) {
                return true; // a pair (its bug) or a lone surrogate: refused either way
            }
        }
        return false;
    }

    private static boolean refused(int cp) {
        return cp > 0xFFFF || Character.isISOControl(cp) || cp >= 0xFDD0 || Character.isSurrogate((char) cp);
    }

    private static String strictDecode(byte[] utf8) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Cuts an over-long stand-in at a character boundary so it still fits MQTT's two length bytes. */
    private static String fit(String standIn) {
        if (standIn.getBytes(StandardCharsets.UTF_8).length <= MAX_TOPIC_BYTES) {
            return standIn;
        }
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < standIn.length(); ) {
            int cp = standIn.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > MAX_TOPIC_BYTES - 3) {
                break;
            }
            cut.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return cut.append("...").toString();
    }
}
