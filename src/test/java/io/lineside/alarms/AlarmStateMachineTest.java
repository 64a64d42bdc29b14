package io.lineside.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmStateMachine.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every (state, trigger) pair of the ISA-18.2 state model. Columns: state, trigger, condition active after the
 * trigger, latching, one-shot shelve, expected next state. Rows where the context matters appear once per context.
 */
class AlarmStateMachineTest {

    private static final String TABLE = """
            NORMAL     ACTIVATE            1 0 0 UNACK
            NORMAL     CLEAR               0 0 0 NORMAL
            NORMAL     ACK                 0 0 0 NORMAL
            NORMAL     REALARM             0 0 0 NORMAL
            NORMAL     SHELVE              0 0 0 SHELVED
            NORMAL     UNSHELVE            0 0 0 NORMAL
            NORMAL     SUPPRESS            0 0 0 SUPPRESSED
            NORMAL     UNSUPPRESS          0 0 0 NORMAL
            NORMAL     REMOVE_FROM_SERVICE 0 0 0 OUT_OF_SERVICE
            NORMAL     RETURN_TO_SERVICE   0 0 0 NORMAL
            UNACK      ACTIVATE            1 0 0 UNACK
            UNACK      CLEAR               0 0 0 RTN_UNACK
            UNACK      CLEAR               0 1 0 LATCHED
            UNACK      ACK                 1 0 0 ACKED
            UNACK      REALARM             1 0 0 UNACK
            UNACK      SHELVE              1 0 0 SHELVED
            UNACK      UNSHELVE            1 0 0 UNACK
            UNACK      SUPPRESS            1 0 0 SUPPRESSED
            UNACK      UNSUPPRESS          1 0 0 UNACK
            UNACK      REMOVE_FROM_SERVICE 1 0 0 OUT_OF_SERVICE
            UNACK      RETURN_TO_SERVICE   1 0 0 UNACK
            ACKED      ACTIVATE            1 0 0 ACKED
            ACKED      CLEAR               0 0 0 NORMAL
            ACKED      CLEAR               0 1 0 LATCHED
            ACKED      ACK                 1 0 0 ACKED
            ACKED      REALARM             1 0 0 UNACK
            ACKED      SHELVE              1 0 0 SHELVED
            ACKED      UNSHELVE            1 0 0 ACKED
            ACKED      SUPPRESS            1 0 0 SUPPRESSED
            ACKED      UNSUPPRESS          1 0 0 ACKED
            ACKED      REMOVE_FROM_SERVICE 1 0 0 OUT_OF_SERVICE
            ACKED      RETURN_TO_SERVICE   1 0 0 ACKED
            RTN_UNACK  ACTIVATE            1 0 0 UNACK
            RTN_UNACK  CLEAR               0 0 0 RTN_UNACK
            RTN_UNACK  ACK                 0 0 0 NORMAL
            RTN_UNACK  REALARM             0 0 0 RTN_UNACK
            RTN_UNACK  SHELVE              0 0 0 SHELVED
            RTN_UNACK  UNSHELVE            0 0 0 RTN_UNACK
            RTN_UNACK  SUPPRESS            0 0 0 SUPPRESSED
            RTN_UNACK  UNSUPPRESS          0 0 0 RTN_UNACK
            RTN_UNACK  REMOVE_FROM_SERVICE 0 0 0 OUT_OF_SERVICE
            RTN_UNACK  RETURN_TO_SERVICE   0 0 0 RTN_UNACK
            LATCHED    ACTIVATE            1 1 0 UNACK
            LATCHED    CLEAR               0 1 0 LATCHED
            LATCHED    ACK                 0 1 0 NORMAL
            LATCHED    REALARM             0 1 0 LATCHED
            LATCHED    SHELVE              0 1 0 SHELVED
            LATCHED    UNSHELVE            0 1 0 LATCHED
            LATCHED    SUPPRESS            0 1 0 SUPPRESSED
            LATCHED    UNSUPPRESS          0 1 0 LATCHED
            LATCHED    REMOVE_FROM_SERVICE 0 1 0 OUT_OF_SERVICE
            LATCHED    RETURN_TO_SERVICE   0 1 0 LATCHED
            SHELVED    ACTIVATE            1 0 0 SHELVED
            SHELVED    CLEAR               0 0 0 SHELVED
            SHELVED    CLEAR               0 0 1 NORMAL
            SHELVED    ACK                 1 0 0 SHELVED
            SHELVED    REALARM             1 0 0 SHELVED
            SHELVED    SHELVE              1 0 0 SHELVED
            SHELVED    UNSHELVE            1 0 0 UNACK
            SHELVED    UNSHELVE            0 0 0 NORMAL
            SHELVED    SUPPRESS            1 0 0 SUPPRESSED
            SHELVED    UNSUPPRESS          1 0 0 SHELVED
            SHELVED    REMOVE_FROM_SERVICE 1 0 0 OUT_OF_SERVICE
            SHELVED    RETURN_TO_SERVICE   1 0 0 SHELVED
            SUPPRESSED ACTIVATE            1 0 0 SUPPRESSED
            SUPPRESSED CLEAR               0 0 0 SUPPRESSED
            SUPPRESSED ACK                 1 0 0 SUPPRESSED
            SUPPRESSED REALARM             1 0 0 SUPPRESSED
            SUPPRESSED SHELVE              1 0 0 SUPPRESSED
            SUPPRESSED UNSHELVE            1 0 0 SUPPRESSED
            SUPPRESSED SUPPRESS            1 0 0 SUPPRESSED
            SUPPRESSED UNSUPPRESS          1 0 0 UNACK
            SUPPRESSED UNSUPPRESS          0 0 0 NORMAL
            SUPPRESSED REMOVE_FROM_SERVICE 1 0 0 OUT_OF_SERVICE
            SUPPRESSED RETURN_TO_SERVICE   1 0 0 SUPPRESSED
            OUT_OF_SERVICE ACTIVATE            1 0 0 OUT_OF_SERVICE
            OUT_OF_SERVICE CLEAR               0 0 0 OUT_OF_SERVICE
            OUT_OF_SERVICE ACK                 1 0 0 OUT_OF_SERVICE
            OUT_OF_SERVICE REALARM             1 0 0 OUT_OF_SERVICE
            OUT_OF_SERVICE SHELVE              1 0 0 OUT_OF_SERVICE
            OUT_OF_SERVICE UNSHELVE            1 0 0 OUT_OF_SERVICE
            OUT_OF_SERVICE SUPPRESS            1 0 0 OUT_OF_SERVICE
            OUT_OF_SERVICE UNSUPPRESS          1 0 0 OUT_OF_SERVICE
            OUT_OF_SERVICE REMOVE_FROM_SERVICE 1 0 0 OUT_OF_SERVICE
            OUT_OF_SERVICE RETURN_TO_SERVICE   1 0 0 UNACK
            OUT_OF_SERVICE RETURN_TO_SERVICE   0 0 0 NORMAL
            NORMAL     RESTORE             0 0 0 NORMAL
            UNACK      RESTORE             1 0 0 UNACK
            ACKED      RESTORE             1 0 0 ACKED
            RTN_UNACK  RESTORE             0 0 0 RTN_UNACK
            LATCHED    RESTORE             0 1 0 LATCHED
            SHELVED    RESTORE             1 0 0 SHELVED
            SUPPRESSED RESTORE             1 0 0 SUPPRESSED
            OUT_OF_SERVICE RESTORE             1 0 0 OUT_OF_SERVICE
            NORMAL     COMMENT             0 0 0 NORMAL
            UNACK      COMMENT             0 0 0 UNACK
            ACKED      COMMENT             0 0 0 ACKED
            RTN_UNACK  COMMENT             0 0 0 RTN_UNACK
            LATCHED    COMMENT             0 0 0 LATCHED
            SHELVED    COMMENT             0 0 0 SHELVED
            SUPPRESSED COMMENT             0 0 0 SUPPRESSED
            OUT_OF_SERVICE COMMENT             0 0 0 OUT_OF_SERVICE
            """;

    record Row(AlarmState state, AlarmTrigger trigger, Context context, AlarmState expected) {
        @Override
        public String toString() {
            return state + " + " + trigger + " " + context + " -> " + expected;
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] c = line.trim().split("\\s+");
            rows.add(new Row(AlarmState.valueOf(c[0]), AlarmTrigger.valueOf(c[1]),
                    new Context(c[2].equals("1"), c[3].equals("1"), c[4].equals("1")), AlarmState.valueOf(c[5])));
        }
        return rows;
    }

    static Stream<Arguments> table() {
        return rows().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyTransitionLeadsToTheStateTheTableSays(Row row) {
        assertEquals(row.expected(), AlarmStateMachine.next(row.state(), row.trigger(), row.context()), row::toString);
    }

    @Test
    void theTableCoversEveryStateTimesEveryTrigger() {
        Set<String> covered = new HashSet<>();
        rows().forEach(r -> covered.add(r.state() + "/" + r.trigger()));
        List<String> missing = new ArrayList<>();
        for (AlarmState s : AlarmState.values()) {
            for (AlarmTrigger t : AlarmTrigger.values()) {
                if (!covered.contains(s + "/" + t)) {
                    missing.add(s + "/" + t);
                }
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(AlarmState.values().length * AlarmTrigger.values().length, covered.size());
    }

    /** Properties over all 8 contexts of every pair: what must hold whatever the flags say. */
    @Test
    void hidingStatesAreLeftOnlyByTheirOwnReleaseOrAStrongerHide() {
        for (AlarmState s : AlarmState.values()) {
            for (AlarmTrigger t : AlarmTrigger.values()) {
                for (int bits = 0; bits < 8; bits++) {
                    Context ctx = new Context((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
                    AlarmState next = AlarmStateMachine.next(s, t, ctx);
                    String what = s + " + " + t + " " + ctx + " -> " + next;
                    if (t == AlarmTrigger.REMOVE_FROM_SERVICE) {
                        assertEquals(AlarmState.OUT_OF_SERVICE, next, what);
                    }
                    if (s == AlarmState.OUT_OF_SERVICE && t != AlarmTrigger.RETURN_TO_SERVICE) {
                        assertEquals(s, next, what);
                    }
                    if (s == AlarmState.SUPPRESSED && next != s) {
                        assertTrue(EnumSet.of(AlarmTrigger.UNSUPPRESS, AlarmTrigger.REMOVE_FROM_SERVICE).contains(t), what);
                    }
                    boolean hidden = EnumSet.of(AlarmState.SHELVED, AlarmState.SUPPRESSED, AlarmState.OUT_OF_SERVICE)
                            .contains(s);
                    if (hidden && next == AlarmState.UNACK) {
                        assertTrue(ctx.conditionActive(), "a released alarm shows only if active: " + what);
                    }
                    if (next == AlarmState.LATCHED && s != AlarmState.LATCHED) {
                        assertTrue(ctx.latching(), what);
                    }
                }
            }
        }
    }
}
