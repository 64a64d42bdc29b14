package io.lineside.telemetry.sparkplug;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.IngestDiagnostics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A Sparkplug engine over a real TagStore, a recorded history and gaps, recorded commands and a hand-moved clock. */
class EngineFixture {

    static final String GROUP = "plant1";
    static final String EDGE = "press-cell";
    static final String NBIRTH = "spBv1.0/plant1/NBIRTH/press-cell";
    static final String NDATA = "spBv1.0/plant1/NDATA/press-cell";
    static final String NDEATH = "spBv1.0/plant1/NDEATH/press-cell";
    static final String DBIRTH = "spBv1.0/plant1/DBIRTH/press-cell/press1";
    static final String DDATA = "spBv1.0/plant1/DDATA/press-cell/press1";
    static final String DDEATH = "spBv1.0/plant1/DDEATH/press-cell/press1";
    static final String NCMD = "spBv1.0/plant1/NCMD/press-cell";

    /** Where the default mapping puts node metric "Hydraulics/pressure" and device metric "Ram/speed". */
    static final TagPath NODE_PRESSURE = TagPath.parse("plant1/press-cell/node/Hydraulics/pressure");
    static final TagPath DEVICE_SPEED = TagPath.parse("plant1/press-cell/press1/Ram/speed");
    static final TagPath DEVICE_STATE = TagPath.parse("plant1/press-cell/press1/main/state");

    final TagStore store = new TagStore();
    final List<TagUpdate> history = new ArrayList<>();
    final List<TagGap> gaps = new ArrayList<>();
    final List<String> commands = new ArrayList<>();
    final IngestDiagnostics diagnostics = new IngestDiagnostics();
    final SparkplugEngine engine;
    Instant now = Instant.parse("2026-01-05T08:00:00Z");

    EngineFixture() {
        this(SparkplugSettings.defaults(List.of(GROUP), "lineside-test"));
    }

    EngineFixture(SparkplugSettings settings) {
        engine = new SparkplugEngine(settings, new StoreSink(store, history::add, update -> { }, gaps::add), (topic, payload) -> {
            commands.add(topic);
            return true;
        }, diagnostics);
    }

    void send(String topic, byte[] payload) {
        engine.handle(topic, payload, now);
    }

    void advance(Duration by) {
        now = now.plus(by);
        engine.tick(now);
    }

    TagValue value(TagPath path) {
        return store.get(path);
    }

    IngestDiagnostics.Snapshot counts() {
        return diagnostics.snapshot();
    }

    /** NBIRTH (bdSeq, node pressure alias 1) then DBIRTH (speed alias 2, state alias 3), seq 0 and 1. */
    void birthNodeAndDevice(long bdSeq) {
        send(NBIRTH, Payloads.nbirth(bdSeq, Payloads.doubleMetric("Hydraulics/pressure", 1, 180.0)));
        send(DBIRTH, Payloads.message(1, Payloads.doubleMetric("Ram/speed", 2, 0.5),
                Payloads.stringMetric("state", 3, "running")));
    }
}
