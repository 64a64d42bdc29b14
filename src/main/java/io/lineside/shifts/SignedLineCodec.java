package io.lineside.shifts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lineside.tags.StationState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A line's shift figures as the JSON stored at sign-off (decision 0024), and back. Written field by field through
 * Jackson's tree model, so the stored form is explicit, needs no reflection, and encodes the same figures to the
 * same text (how the review tells that live figures now differ from the signed ones). Times are epoch ms,
 * durations ms, undefined ratios null. Stateless; safe from any thread.
 */
public final class SignedLineCodec {

    /** The snapshot format; a future change of fields bumps it and keeps reading this one. */
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedLineCodec() {
    }

    public static String encode(ShiftReport.Line line) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("name", line.name());
        root.put("output", line.output());
        root.set("oee", oee(line.oee()));
        ArrayNode stations = root.putArray("stations");
        for (ShiftReport.Station s : line.stations()) {
            ObjectNode n = stations.addObject();
            n.put("name", s.name());
            n.set("oee", oee(s.oee()));
            ArrayNode spans = n.putArray("timeline");
            for (StateSpan span : s.timeline()) {
                spans.addObject().put("state", span.state().name()).put("from", span.from().toEpochMilli())
                        .put("to", span.to().toEpochMilli()).put("reason", span.reason());
            }
        }
        ArrayNode stops = root.putArray("stops");
        for (Downtime d : line.stops()) {
            stops.addObject().put("station", d.station()).put("state", d.state().name())
                    .put("from", d.from().toEpochMilli()).put("to", d.to().toEpochMilli()).put("reason", d.reason())
                    .put("note", d.note()).put("by", d.classifiedBy());
        }
        ArrayNode pareto = root.putArray("pareto");
        for (Downtime.ParetoBar b : line.pareto()) {
            pareto.addObject().put("reason", b.reason()).put("ms", b.total().toMillis()).put("stops", b.stops())
                    .put("cumulative", b.cumulativePercent());
        }
        ArrayNode produced = root.putArray("produced");
        for (CounterIncrease.Point p : line.produced()) {
            produced.addArray().add(p.at().toEpochMilli()).add(p.count());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }

    /** @throws IllegalArgumentException if {@code json} is not a snapshot this version can read */
    public static ShiftReport.Line decode(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a shift snapshot: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("not a version " + VERSION + " shift snapshot");
        }
        List<ShiftReport.Station> stations = new ArrayList<>();
        for (JsonNode n : root.path("stations")) {
            List<StateSpan> timeline = new ArrayList<>();
            for (JsonNode s : n.path("timeline")) {
                timeline.add(new StateSpan(StationState.valueOf(s.path("state").asText()), time(s, "from"),
                        time(s, "to"), s.path("reason").asText()));
            }
            stations.add(new ShiftReport.Station(n.path("name").asText(), oee(n.path("oee")), timeline));
        }
        List<Downtime> stops = new ArrayList<>();
        for (JsonNode d : root.path("stops")) {
            stops.add(new Downtime(d.path("station").asText(), StationState.valueOf(d.path("state").asText()),
                    time(d, "from"), time(d, "to"), d.path("reason").asText(), d.path("note").asText(),
                    d.path("by").asText()));
        }
        List<Downtime.ParetoBar> pareto = new ArrayList<>();
        for (JsonNode b : root.path("pareto")) {
            pareto.add(new Downtime.ParetoBar(b.path("reason").asText(), Duration.ofMillis(b.path("ms").asLong()),
                    b.path("stops").asInt(), b.path("cumulative").asDouble()));
        }
        List<CounterIncrease.Point> produced = new ArrayList<>();
        for (JsonNode p : root.path("produced")) {
            produced.add(new CounterIncrease.Point(Instant.ofEpochMilli(p.get(0).asLong()), p.get(1).asLong()));
        }
        return new ShiftReport.Line(root.path("name").asText(), root.path("output").asText(), oee(root.path("oee")),
                stations, stops, pareto, produced);
    }

    private static ObjectNode oee(OeeFigures o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("shiftMs", o.shiftTime().toMillis()).put("unknownMs", o.unknown().toMillis())
                .put("plannedStopsMs", o.plannedStops().toMillis()).put("plannedMs", o.plannedTime().toMillis())
                .put("runMs", o.runTime().toMillis()).put("downMs", o.downTime().toMillis())
                .put("total", o.total()).put("scrap", o.scrap());
        if (o.idealCycle() == null) {
            n.putNull("idealCycleNanos");
        } else {
            n.put("idealCycleNanos", o.idealCycle().toNanos());
        }
        ratio(n, "availability", o.availability());
        ratio(n, "performance", o.performance());
        ratio(n, "quality", o.quality());
        ratio(n, "oee", o.oee());
        n.put("uncounted", o.uncounted());
        ArrayNode flags = n.putArray("flags");
        o.flags().forEach(f -> flags.add(f.name()));
        return n;
    }

    private static OeeFigures oee(JsonNode n) {
        List<OeeFigures.Flag> flags = new ArrayList<>();
        n.path("flags").forEach(f -> flags.add(OeeFigures.Flag.valueOf(f.asText())));
        JsonNode ideal = n.path("idealCycleNanos");
        return new OeeFigures(ms(n, "shiftMs"), ms(n, "unknownMs"), ms(n, "plannedStopsMs"), ms(n, "plannedMs"),
                ms(n, "runMs"), ms(n, "downMs"), n.path("total").asLong(), n.path("scrap").asLong(),
                ideal.isNull() || ideal.isMissingNode() ? null : Duration.ofNanos(ideal.asLong()),
                ratio(n, "availability"), ratio(n, "performance"), ratio(n, "quality"), ratio(n, "oee"),
                n.path("uncounted").asLong(), flags);
    }

    private static void ratio(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    private static double ratio(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static Duration ms(JsonNode n, String key) {
        return Duration.ofMillis(n.path(key).asLong());
    }

    private static Instant time(JsonNode n, String key) {
        return Instant.ofEpochMilli(n.path(key).asLong());
    }
}
