package io.lineside.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Renders rows as a plain-text table for the console and as a Markdown table for docs/benchmarks.md. */
final class ResultTable {

    private static final List<String> HEADER = List.of("scenario", "metric", "measured", "target", "verdict", "note");
    private static final List<Function<Row, String>> CELLS = List.of(Row::scenario, Row::metric, Row::measuredText,
            r -> r.target() == null ? "" : r.target().toString(), Row::verdict, Row::note);

    private ResultTable() {
    }

    static String text(List<Row> rows) {
        int[] width = new int[HEADER.size() - 1]; // the note column is last and not padded
        for (int c = 0; c < width.length; c++) {
            width[c] = HEADER.get(c).length();
            for (Row row : rows) {
                width[c] = Math.max(width[c], CELLS.get(c).apply(row).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, width, HEADER);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        rule.add("----");
        line(out, width, rule);
        for (Row row : rows) {
            line(out, width, CELLS.stream().map(cell -> cell.apply(row)).toList());
        }
        return out.toString();
    }

    static String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder("| " + String.join(" | ", HEADER) + " |\n");
        out.append("|").append("---|".repeat(HEADER.size())).append('\n');
        for (Row row : rows) {
            out.append("| ");
            out.append(String.join(" | ", CELLS.stream().map(cell -> escape(cell.apply(row))).toList()));
            out.append(" |\n");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, int[] width, List<String> cells) {
        for (int c = 0; c < width.length; c++) {
            out.append(String.format("%-" + width[c] + "s", cells.get(c))).append("  ");
        }
        out.append(cells.getLast()).append('\n');
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
