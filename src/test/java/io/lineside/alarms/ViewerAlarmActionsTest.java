package io.lineside.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.alarms.AlarmActions.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A live viewer's alarm journal is scratch: its commands are refused with the reason, none is "done". */
class ViewerAlarmActionsTest {

    @Test
    void everyCommandOfALiveViewerIsRefusedWithTheReason() throws Exception {
        ViewerAlarmActions viewer = new ViewerAlarmActions();
        for (Outcome outcome : List.of(viewer.acknowledge(List.of("A", "B"), "note").get(),
                viewer.shelve("A", Duration.ofMinutes(5), false, "why").get(), viewer.unshelve("A", "").get())) {
            assertEquals(new Outcome(0, List.of(ViewerAlarmActions.WHY)), outcome);
        }
    }
}
