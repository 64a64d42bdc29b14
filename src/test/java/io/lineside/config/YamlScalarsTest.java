package io.lineside.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlScalarsTest {

    @Test
    void whatIsWrittenReadsBackExactly(@TempDir Path dir) throws Exception {
        String awkward = "炉温 \"A\\B\"\n\t#c: d\r\u0001\u007f end";
        double[] numbers = {0, -0.5, 170, 0.1, 1e-7, 123456789.125, -40, 1e15};
        StringBuilder yaml = new StringBuilder("text: ").append(YamlScalars.quoted(awkward)).append('\n');
        for (int i = 0; i < numbers.length; i++) {
            yaml.append("n").append(i).append(": ").append(YamlScalars.number(numbers[i])).append('\n');
        }
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        ConfigNode top = ConfigTree.read("test", file);
        assertEquals(awkward, top.get("text").text());
        for (int i = 0; i < numbers.length; i++) {
            assertEquals(numbers[i], top.get("n" + i).doubleValue(), 0.0, "n" + i);
        }
    }

    @Test
    void numbersHaveNoExponentAndNoTrailingZero() {
        assertEquals("170", YamlScalars.number(170.0));
        assertEquals("0.5", YamlScalars.number(0.5));
        assertEquals("0.0000001", YamlScalars.number(1e-7));
        assertThrows(NumberFormatException.class, () -> YamlScalars.number(Double.NaN));
    }
}
