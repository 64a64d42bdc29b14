package io.lineside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two UI bundles as files: a key written twice silently loses its first text (Properties keeps the last, which
 * once renamed the raw-tags window "Tag browser"), a key in one language only falls back to English on a Chinese
 * screen, and an FXML {@code %key} without a text fails only when that view is opened.
 */
class BundlesTest {

    private static final Path DIR = Path.of("src/main/resources/io/lineside/i18n");
    private static final Path EN = DIR.resolve("messages.properties");
    private static final Path ZH = DIR.resolve("messages_zh_CN.properties");

    @Test
    void noKeyIsWrittenTwice() throws IOException {
        assertEquals(List.of(), duplicates(EN), "messages.properties");
        assertEquals(List.of(), duplicates(ZH), "messages_zh_CN.properties");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(keys(EN));
        Set<String> zh = new TreeSet<>(keys(ZH));
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        assertEquals(Set.of(), onlyEn, "keys without a Chinese text");
        assertEquals(Set.of(), onlyZh, "keys without an English text");
    }

    @Test
    void everyFxmlTextKeyExists() throws IOException {
        Set<String> en = new HashSet<>(keys(EN));
        Pattern ref = Pattern.compile("=\"%([A-Za-z0-9_.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("fxml"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher m = ref.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!en.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    /** Keys in file order; continuation lines and comments skipped. */
    private static List<String> keys(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        boolean continued = false;
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String t = line.strip();
            boolean wasContinued = continued;
            continued = t.endsWith("\\") && !t.endsWith("\\\\");
            if (wasContinued || t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            int eq = t.indexOf('=');
            out.add((eq < 0 ? t : t.substring(0, eq)).strip());
        }
        return out;
    }

    private static List<String> duplicates(Path file) throws IOException {
        Set<String> seen = new HashSet<>();
        return keys(file).stream().filter(k -> !seen.add(k)).toList();
    }
}
