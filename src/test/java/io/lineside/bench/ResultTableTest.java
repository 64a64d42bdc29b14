package io.lineside.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verdicts, table rendering and the generated block of docs/benchmarks.md. */
class ResultTableTest {

    @TempDir
    Path dir;

    private static final List<Row> ROWS = List.of(
            Row.measured("1 ingest", "ratio", 0.72, "x", Target.atLeast(0.7, "x"), "ok"),
            Row.measured("2 pulse", "p99", 9.5, "ms", Target.atMost(8, "ms"), ""),
            Row.loss("1 ingest", "lost", 0, "all in H2"),
            Row.notBuilt("4 footprint", "start-up", Target.atMost(2, "s"), "issue 8"),
            Row.measured("jmh", "decode", 1234.5, "ns/op", null, "a|b"));

    @Test
    void verdictsFollowTheTargetsAndNeverInventANumber() {
        assertEquals(List.of("PASS", "MISS", "PASS", "-", "info"), ROWS.stream().map(Row::verdict).toList());
        assertEquals("not built yet", ROWS.get(3).measuredText());
        assertEquals("not built yet (issue 8)", ROWS.get(3).note());
        assertEquals("ERROR", Row.failed("x", "y", new IllegalStateException("boom")).verdict());
        Row skipped = Row.skipped("4 footprint", "start-up", Target.atMost(2, "s"), "no app-image");
        assertEquals(List.of("-", "not measured", "not measured: no app-image"),
                List.of(skipped.verdict(), skipped.measuredText(), skipped.note()));
    }

    @Test
    void textTableAlignsColumnsAndMarkdownEscapesPipes() {
        String text = ResultTable.text(ROWS);
        assertTrue(text.lines().allMatch(l -> l.indexOf("  ") > 0), text);
        assertTrue(text.contains(">= 0.70 x"), text);
        String md = ResultTable.markdown(ROWS);
        assertTrue(md.contains("a\\|b"), md);
        assertTrue(md.contains("&gt;= 0.70 x"), md);
    }

    @Test
    void writingTheReportReplacesOnlyTheGeneratedBlock() throws Exception {
        Path file = dir.resolve("benchmarks.md");
        Files.writeString(file, "# Benchmarks\n\nintro\n\n" + MarkdownReport.BEGIN + "\nold\n" + MarkdownReport.END
                + "\n\n## Where each target stands\nkept\n");
        MarkdownReport.write(file, new BenchReport(ROWS, Instant.parse("2026-11-26T12:00:00Z"), Duration.ofSeconds(3),
                false));
        String md = Files.readString(file);
        assertTrue(md.startsWith("# Benchmarks\n\nintro\n\n" + MarkdownReport.BEGIN), md);
        assertTrue(md.endsWith(MarkdownReport.END + "\n\n## Where each target stands\nkept\n"), md);
        assertTrue(md.contains("- Date: 2026-11-26T12:00:00 UTC"), md);
        assertTrue(!md.contains("\nold\n"), md);
    }

    @Test
    void unknownOptionsAreRefusedWithTheUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(List.of("--fast")));
        assertTrue(e.getMessage().contains("unknown option --fast; usage:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--out")));
        assertTrue(BenchOptions.parse(List.of("--only", "1,jmh")).selects("1 ingest"));
        assertTrue(BenchOptions.parse(List.of("--quick", "--sparkplug")).sparkplug());
        assertTrue(!BenchOptions.parse(List.of("--only", "1,jmh")).selects("2 pulse"));
    }
}
