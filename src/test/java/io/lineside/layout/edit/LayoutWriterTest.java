package io.lineside.layout.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.layout.Layout;
import io.lineside.layout.LayoutLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the editor writes is what the loader reads: every shipped and test layout survives a write and read back. */
class LayoutWriterTest {

    private final LayoutLoader loader = new LayoutLoader();
    private final LayoutWriter writer = new LayoutWriter();

    @Test
    void theDemoLayoutReadsBackEqual() throws Exception {
        Layout demo = loader.loadDemo();
        assertEquals(demo, loader.parse("demo.yaml", writer.write(demo)));
    }

    @Test
    void everyTestLayoutReadsBackEqual() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src", "test", "resources"))) {
            files = walk.filter(p -> p.getFileName().toString().endsWith("layout.yaml")).toList();
        }
        assertTrue(!files.isEmpty(), "test layouts found");
        for (Path file : files) {
            Layout layout = loader.load(file);
            assertEquals(layout, loader.parse(file.toString(), writer.write(layout)), file.toString());
        }
    }

    @Test
    void textThatIsNotAPlainNameIsQuotedAndReadBackVerbatim() {
        assertEquals("press", LayoutWriter.text("press"));
        assertEquals("\"on\"", LayoutWriter.text("on"));
        assertEquals("\"a \\\"b\\\"\\n#c: d\"", LayoutWriter.text("a \"b\"\n#c: d"));
        assertEquals("0.5", io.lineside.config.YamlScalars.number(0.5));
        assertEquals("170", io.lineside.config.YamlScalars.number(170.0));
    }
}
