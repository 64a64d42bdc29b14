package io.lineside.alarms;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes journal rows as RFC 4180 CSV for spreadsheets. Every cell is quoted; a cell that a spreadsheet would run as
 * a formula (starting with {@code = + - @}, tab or CR) gets a leading apostrophe. Stateless; safe from any thread.
 */
public final class AlarmJournalCsv {

    static final String HEADER = "time,alarm_id,trigger,from,to,priority,area,station,tag,value,user,note,message";

    private AlarmJournalCsv() {
    }

    /** Writes a header line and one line per event, separated by CRLF. */
    public static void write(List<AlarmEvent> events, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        for (AlarmEvent e : events) {
            String[] cells = {e.time().toString(), e.alarmId(), e.trigger().name(), e.from().name(), e.to().name(),
                    e.priority().displayName(), e.area(), e.station(), e.tag(), e.value(), e.user(), e.note(),
                    e.message()};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells[i]));
            }
            out.write("\r\n");
        }
        out.flush();
    }

    /** One quoted cell, with embedded quotes doubled and formulas defused (shared by every CSV export). */
    public static String cell(String text) {
        String safe = text;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
