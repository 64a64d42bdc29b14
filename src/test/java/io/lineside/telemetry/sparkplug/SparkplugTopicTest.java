package io.lineside.telemetry.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SparkplugTopicTest {

    @Test
    void parsesNodeDeviceAndStateTopics() {
        assertEquals(new SparkplugTopic("g", MessageType.NDATA, "e", null), SparkplugTopic.parse("spBv1.0/g/NDATA/e"));
        assertEquals(new SparkplugTopic("g", MessageType.DBIRTH, "e", "d"), SparkplugTopic.parse("spBv1.0/g/DBIRTH/e/d"));
        assertEquals(new SparkplugTopic(null, MessageType.STATE, "host", null), SparkplugTopic.parse("spBv1.0/STATE/host"));
        assertEquals("spBv1.0/g/NCMD/e", SparkplugTopic.ncmd(new NodeKey("g", "e")));
    }

    @Test
    void refusesMalformedTopics() {
        assertNull(SparkplugTopic.parse("spBv1.0/g/NDATA/e/d"), "node message with a device");
        assertNull(SparkplugTopic.parse("spBv1.0/g/DDATA/e"), "device message without one");
        assertNull(SparkplugTopic.parse("spBv1.0/g/XDATA/e"));
        assertNull(SparkplugTopic.parse("spBv1.0/g/NDATA/"));
        assertNull(SparkplugTopic.parse("spBv1.0/g/NDATA/" + "e".repeat(300)));
        assertNull(SparkplugTopic.parse("spAv1.0/g/NDATA/e"));
        assertNull(SparkplugTopic.parse(null));
    }
}
