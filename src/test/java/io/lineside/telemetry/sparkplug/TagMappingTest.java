package io.lineside.telemetry.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagPath;
import org.junit.jupiter.api.Test;

class TagMappingTest {

    @Test
    void defaultMapsGroupEdgeDeviceAndMetricSegmentsOntoIsa95() {
        TagMapping m = TagMapping.DEFAULT;
        assertEquals(TagPath.parse("plant1/cell-4/press1/Ram/speed"), m.map("plant1", "cell-4", "press1", "Ram/speed"));
        assertEquals(TagPath.parse("plant1/cell-4/node/main/uptime"), m.map("plant1", "cell-4", null, "uptime"));
        assertEquals(TagPath.parse("plant1/cell-4/press1/Hyd_Pump/temp"), m.map("plant1", "cell-4", "press1", "Hyd/Pump/temp"));
    }

    @Test
    void configuredTemplatesPickSegmentsFromEitherEnd() {
        TagMapping m = new TagMapping("acme", "{group}", "{m1}", "{device:{edge}}", "{m-1}");
        assertNull(m.map("g", "e", null, "L1/x"), "a nested placeholder is not a default: no valid path");
        m = new TagMapping("acme", "{group}", "{m1}", "{device:cell}", "{m-1}");
        assertEquals(TagPath.parse("acme/g/L1/cell/x"), m.map("g", "e", null, "L1/x"));
    }

    @Test
    void namesThatDoNotFitATagPathMapToNull() {
        TagMapping m = TagMapping.DEFAULT;
        assertNull(m.map("g", "e", "d", "Node Control/Rebirth"));
        assertNull(m.map("g", "e", "d", "a/'; DROP TABLE sample;--"));
        assertNull(m.map("g", "e", "d", "a/<b>"));
        assertNull(m.map("g", "e", "d", "a/" + "x".repeat(65)));
        assertNull(m.map("g", "e", "d", ""));
        assertNull(m.map("g", "e", "d", "a//"));
    }

    @Test
    void unknownPlaceholderIsRefusedNamingTheSegment() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TagMapping("{group}", "{edge}", "{line}", "{head}", "{m-1}"));
        assertTrue(e.getMessage().startsWith("line template {line} names unknown placeholder {line}"), e.getMessage());
    }
}
