package io.lineside.telemetry.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicFilterTest {

    @Test
    void plusMatchesExactlyOneLevel() {
        TopicFilter f = new TopicFilter("lineside/+/hall1/#");
        assertTrue(f.matches("lineside/plant1/hall1/line1/st1/temp"));
        assertFalse(f.matches("lineside/plant1/hall2/line1/st1/temp"));
        assertTrue(new TopicFilter("a/+/c").matches("a/b/c"));
        assertFalse(new TopicFilter("a/+/c").matches("a/b/x/c"));
        assertFalse(new TopicFilter("a/+").matches("a/b/c"));
    }

    @Test
    void hashMatchesTheParentLevelAndEverythingBelow() {
        TopicFilter f = new TopicFilter("spBv1.0/plant1/#");
        assertTrue(f.matches("spBv1.0/plant1"));
        assertTrue(f.matches("spBv1.0/plant1/NDATA/edge1"));
        assertFalse(f.matches("spBv1.0/plant2/NDATA/edge1"));
    }

    @Test
    void leadingWildcardsDoNotMatchDollarTopics() {
        assertFalse(TopicFilter.ALL.matches("$SYS/broker/uptime"));
        assertFalse(new TopicFilter("+/broker/uptime").matches("$SYS/broker/uptime"));
        assertTrue(new TopicFilter("$SYS/#").matches("$SYS/broker/uptime"));
    }

    @Test
    void blankInputMeansEveryTopic() {
        assertEquals(TopicFilter.ALL, TopicFilter.parse("  "));
        assertEquals("a/b", TopicFilter.parse(" a/b ").text());
    }

    @Test
    void misplacedWildcardsAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TopicFilter("a/#/b")).getMessage()
                .contains("'#' must be a whole level and the last one"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TopicFilter("a/b+")).getMessage()
                .contains("'+' must be a whole level"));
        assertThrows(IllegalArgumentException.class, () -> new TopicFilter("a/x#"));
    }
}
