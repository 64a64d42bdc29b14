package io.lineside.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.junit.jupiter.api.Test;

/** The stand-in rule is checked against Paho 1.2.5's own decoder, not against our reading of it. */
class UnreadableTopicsTest {

    private static boolean pahoAccepts(byte[] topic) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(topic.length >>> 8);
        out.write(topic.length & 0xFF);
        out.writeBytes(topic);
        try {
            MqttWireMessage.decodeUTF8(new DataInputStream(new ByteArrayInputStream(out.toByteArray())));
            return true;
        } catch (Exception | Error e) {
            return false;
        }
    }

    private static void agreesWithPaho(byte[] topic) {
        String standIn = UnreadableTopics.standInFor(topic);
        assertEquals(pahoAccepts(topic), standIn == null, () -> "topic " + java.util.HexFormat.of().formatHex(topic));
        if (standIn != null) {
            assertTrue(pahoAccepts(standIn.getBytes(StandardCharsets.UTF_8)), standIn);
            assertTrue(UnreadableTopics.isStandIn(standIn));
        }
    }

    @Test
    void everyBmpCodePointAndSupplementarySampleIsJudgedExactlyAsPahoDoes() {
        for (int cp = 0; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 0x3FF) {
            if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                continue; // not encodable as UTF-8; malformed bytes are below
            }
            agreesWithPaho(("plant/a/" + Character.toString(cp) + "/x").getBytes(StandardCharsets.UTF_8));
        }
        agreesWithPaho("plant/\uD83D\uDCA5/temp".getBytes(StandardCharsets.UTF_8)); // U+1F4A5
    }

    @Test
    void malformedUtf8GetsAStandInPahoAccepts() {
        for (byte[] bad : List.of(new byte[]{'a', (byte) 0xC3, '('}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[]{(byte) 0xFF}, new byte[]{(byte) 0x80, 'b'}, new byte[]{(byte) 0xC0, (byte) 0xAF})) {
            agreesWithPaho(bad);
        }
    }

    @Test
    void theStandInNamesTheRefusedCodePointsAndKeepsTheRestReadable() {
        assertEquals("$lineside/unreadable/plant\\/line-1\\/\\u{1F4A5}\\/temp", UnreadableTopics.standInFor(
                "plant/line-1/\uD83D\uDCA5/temp".getBytes(StandardCharsets.UTF_8)));
        assertEquals("$lineside/unreadable/a\\/\\u{0}\\/\\u{FF08}\\/中文", UnreadableTopics.standInFor(
                "a/\u0000/\uFF08/中文".getBytes(StandardCharsets.UTF_8)));
        assertNull(UnreadableTopics.standInFor("plant/中文/é/temp".getBytes(StandardCharsets.UTF_8)));
        assertFalse(UnreadableTopics.isStandIn("plant/a"));
    }

    @Test
    void aLongestTopicFullOfEmojiStillFitsTheLengthField() {
        String topic = "\uD83D\uDCA5".repeat(16_383); // 65,532 bytes
        String standIn = UnreadableTopics.standInFor(topic.getBytes(StandardCharsets.UTF_8));
        assertTrue(standIn.getBytes(StandardCharsets.UTF_8).length <= 65_535);
        assertTrue(pahoAccepts(standIn.getBytes(StandardCharsets.UTF_8)));
    }

    // --- the stream filter

    private static byte[] publish(int qos, String topic, int id, byte[] payload) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(t.length >>> 8);
        body.write(t.length & 0xFF);
        body.writeBytes(t);
        if (qos > 0) {
            body.write(id >>> 8);
            body.write(id & 0xFF);
        }
        body.writeBytes(payload);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x30 | qos << 1);
        int len = body.size();
        do {
            int d = len % 128;
            len /= 128;
            frame.write(len > 0 ? d | 0x80 : d);
        } while (len > 0);
        frame.writeBytes(body.toByteArray());
        return frame.toByteArray();
    }

    /** Hands out one to three bytes per read, and a socket timeout before every fourth read, as a slow link does. */
    private static final class Trickle extends InputStream {
        private final InputStream in;
        private int reads;

        Trickle(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (++reads % 4 == 0) {
                throw new SocketTimeoutException("read timed out");
            }
            return in.read(b, off, Math.min(len, 1 + reads % 3));
        }
    }

    /** Reads frames from the filter as Paho does (retrying on timeouts) and decodes them with Paho. */
    private static List<MqttWireMessage> readAll(InputStream filtered) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[7];
        while (true) {
            int n;
            try {
                n = filtered.read(buf, 0, buf.length);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (n < 0) {
                break;
            }
            all.write(buf, 0, n);
        }
        byte[] bytes = all.toByteArray();
        List<MqttWireMessage> frames = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int len = 0;
            int mult = 1;
            int i = at + 1;
            int d;
            do {
                d = bytes[i++] & 0xFF;
                len += (d & 0x7F) * mult;
                mult *= 128;
            } while ((d & 0x80) != 0);
            byte[] frame = java.util.Arrays.copyOfRange(bytes, at, i + len);
            frames.add(MqttWireMessage.createWireMessage(frame));
            at = i + len;
        }
        return frames;
    }

    @Test
    void onlyARefusedTopicIsReplacedAndEveryFrameStaysWholeAcrossTimeouts() throws Exception {
        byte[] big = new byte[20_000];
        java.util.Arrays.fill(big, (byte) '7');
        byte[] connack = {0x20, 0x02, 0x01, 0x00};
        InputStream wire = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(connack),
                new ByteArrayInputStream(publish(1, "plant/a/\uD83D\uDCA5/temp", 7, "1.5".getBytes())),
                new ByteArrayInputStream(publish(0, "plant/a/b/temp", 0, "2.5".getBytes())),
                new ByteArrayInputStream(publish(1, "plant/\u0007", 300, big)),
                new ByteArrayInputStream(publish(1, "plant/中文/é", 9, "3.5".getBytes())))));
        List<String> rewritten = new ArrayList<>();
        List<MqttWireMessage> frames = readAll(new PublishTopicFilter(new Trickle(wire.readAllBytes()), rewritten::add));

        assertEquals(5, frames.size());
        MqttPublish poison = (MqttPublish) frames.get(1);
        assertEquals("$lineside/unreadable/plant\\/a\\/\\u{1F4A5}\\/temp", poison.getTopicName());
        assertEquals(7, poison.getMessageId());
        assertEquals("1.5", new String(poison.getMessage().getPayload()));
        assertEquals("plant/a/b/temp", ((MqttPublish) frames.get(2)).getTopicName());
        MqttPublish control = (MqttPublish) frames.get(3);
        assertEquals(300, control.getMessageId());
        assertEquals(20_000, control.getMessage().getPayload().length);
        assertEquals("plant/中文/é", ((MqttPublish) frames.get(4)).getTopicName());
        assertEquals(List.of(poison.getTopicName(), control.getTopicName()), rewritten);
        assertNotNull(frames.get(0));
    }
}
