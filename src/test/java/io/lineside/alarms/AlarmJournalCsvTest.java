package io.lineside.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlarmJournalCsvTest {

    @Test
    void cellsAreQuotedWithDoubledQuotesAndFormulaStartsDefused() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("plain", "\"plain\"");
        cases.put("=SUM(A1)", "\"'=SUM(A1)\"");
        cases.put("+49 30 123", "\"'+49 30 123\"");
        cases.put("-2+3", "\"'-2+3\"");
        cases.put("@ana", "\"'@ana\"");
        cases.put("\tcmd", "\"'\tcmd\"");
        cases.put("\rcmd", "\"'\rcmd\"");
        cases.put("say \"hi\"", "\"say \"\"hi\"\"\"");
        cases.put("a,b\nc", "\"a,b\nc\"");
        cases.put("a=b", "\"a=b\"");
        cases.put("", "\"\"");
        cases.forEach((text, expected) -> assertEquals(expected, AlarmJournalCsv.cell(text), text));
    }
}
