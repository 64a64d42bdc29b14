package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes what a trend shows as a bucket table (RFC 4180, CRLF): time, pen, min, max, first, last, n, quality; one
 * row per pen and bucket, pens in legend order. Times are ISO-8601 in the workstation's zone with the offset, so a
 * spreadsheet and a script read the same instant. Text cells are quoted and a leading {@code = + - @}, tab or CR
 * gets an apostrophe (a tag name must never run as a formula); numbers are plain, empty when a bucket had no GOOD
 * value. Stateless; any thread.
 */
public final class TrendCsv {

    static final String HEADER = "time,pen,min,max,first,last,n,quality";

    private TrendCsv() {
    }

    public static void write(TrendData data, ZoneId zone, Writer out) throws IOException {
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        out.write(HEADER);
        out.write("\r\n");
        for (int p = 0; p < data.pens().size(); p++) {
            String pen = cell(data.pens().get(p).path().toString());
            for (TrendBucket b : data.buckets().get(p)) {
                out.write(String.join(",", cell(time.format(b.start())), pen, number(b.min()), number(b.max()),
                        number(b.first()), number(b.last()), Long.toString(b.count()), cell(b.worst().name())));
                out.write("\r\n");
            }
        }
        out.flush();
    }

    /** One quoted text cell, embedded quotes doubled and formulas defused. */
    static String cell(String text) {
        String safe = text;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%s", value);
    }

    /** Rows the table will have: one per bucket of every pen. */
    static int rows(List<List<TrendBucket>> buckets) {
        return buckets.stream().mapToInt(List::size).sum();
    }
}
