package io.lineside.ui.layout;

import io.lineside.layout.Layout;
import io.lineside.layout.LayoutLoader;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.List;

/** Layouts and plant values for the floor plan tests: the demo plant, and a generated plant of any size. */
final class PlanFixture {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    static final List<String> DEMO_STATIONS = List.of("load", "press", "weld", "paint", "inspect", "pack");

    private PlanFixture() {
    }

    static Layout demo() throws Exception {
        return new LayoutLoader().loadDemo();
    }

    static StationId demoStation(int line, String station) {
        return new StationId("demo", "assembly", "line-" + line, station);
    }

    static void publish(TagStore store, StationId station, String signal, Object value, Instant at) {
        store.apply(new TagUpdate(station.signal(signal), new TagValue(value, at, at, Quality.GOOD, 1)));
    }

    /** A normal running demo plant, every station reporting at {@code at}. */
    static void runningDemo(TagStore store, Instant at) {
        for (int line = 1; line <= 3; line++) {
            for (int i = 0; i < DEMO_STATIONS.size(); i++) {
                StationId st = demoStation(line, DEMO_STATIONS.get(i));
                publish(store, st, "state", "running", at);
                publish(store, st, "speed", 28.0 + i * 0.7 + line * 0.3, at);
                publish(store, st, "temperature", List.of(24.0, 45.0, 180.0, 28.0, 23.0, 25.0).get(i) + line * 0.4, at);
                publish(store, st, "cycles", 1000.0 + 37 * i + line, at);
            }
        }
    }

    /**
     * A generated plant of {@code lines} × {@code perLine} stations, each drawn as the demo draws one (body, lamp,
     * speed, temperature bar and sparkline), with conveyors between neighbours.
     */
    static Layout generated(int lines, int perLine) throws Exception {
        StringBuilder y = new StringBuilder();
        y.append("layout: 1\nname: Generated\nsite: gen\nplan: {width: ").append(perLine * 200 + 40)
                .append(", height: ").append(lines * 240 + 40).append("}\nareas:\n  - id: hall\n    lines:\n");
        StringBuilder conns = new StringBuilder("connections:\n");
        for (int l = 0; l < lines; l++) {
            y.append("      - id: l").append(l).append("\n        stations:\n");
            for (int s = 0; s < perLine; s++) {
                String p = "l" + l + "s" + s;
                y.append("          - id: s").append(s).append("\n            at: [").append(20 + s * 200).append(", ")
                        .append(30 + l * 240).append("]\n            size: [170, 200]\n            symbols:\n")
                        .append("              - {id: ").append(p).append(", kind: station, tag: state, at: [0, 0], size: [170, 200]}\n")
                        .append("              - {id: ").append(p).append("-lamp, kind: lamp, tag: state, at: [10, 34], size: [150, 26]}\n")
                        .append("              - {id: ").append(p).append("-speed, kind: value, tag: speed, at: [10, 66], size: [150, 26]}\n")
                        .append("              - {id: ").append(p).append("-temp, kind: bar, tag: temperature, at: [10, 100], size: [150, 40], range: {min: 0, max: 100, high: 80}}\n")
                        .append("              - {id: ").append(p).append("-trend, kind: sparkline, tag: temperature, at: [10, 148], size: [150, 42]}\n");
                if (s > 0) {
                    conns.append("  - {from: l").append(l).append('s').append(s - 1).append(", to: ").append(p)
                            .append(", kind: conveyor, running: hall/l").append(l).append("/s").append(s - 1).append("/state}\n");
                }
            }
        }
        return new LayoutLoader().parse("generated.yaml", y.append(conns).toString());
    }
}
