package io.lineside.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lineside.tags.TagPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicMapperTest {

    private final TopicMapper mapper = new TopicMapper("lineside");

    @Test
    void mapsTheFiveIsa95Segments() {
        assertEquals(new TagPath("demo", "assembly", "line-1", "press", "speed"),
                mapper.map("lineside/demo/assembly/line-1/press/speed"));
        assertEquals("lineside/#", mapper.subscription());
        assertEquals("lineside/demo/assembly/line-1/press/speed",
                mapper.topicOf(TagPath.parse("demo/assembly/line-1/press/speed")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"other/demo/assembly/line-1/press/speed", "lineside/demo/assembly/line-1/press",
        "lineside/demo/assembly/line-1/press/speed/extra", "lineside/demo/assembly/line-1/press/'; DROP TABLE tag;--",
        "lineside/demo/assembly/line-1//speed", "lineside/demo/<b>/line-1/press/speed", "lineside/d\u0000/a/l/s/x",
        "lineside/demo/assembly/line-1/press/\u202Espeed", "linesidex/demo/assembly/line-1/press/speed"})
    void unknownOrHostileTopicsMapToNothing(String topic) {
        assertNull(mapper.map(topic));
    }
}
