package io.lineside.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulated workshop: lines of stations in flow order. {@link #tick} advances the model to {@code now}
 * and returns the telemetry to publish: numeric signals ({@code speed}, {@code temperature}, counters {@code cycles}
 * and {@code scrap}) every tick, {@code state} on change and at least every {@link #STATE_REPEAT}, with a
 * {@code reason} (jam, tool, material, electrical, changeover) beside it while the station is down. Deterministic for a seed and a sequence of tick times. Not thread-safe.
 */
public final class SimPlant {

    /** The state is republished at least this often, so a listener that joins late sees it. */
    static final Duration STATE_REPEAT = Duration.ofSeconds(1);

    private final String prefix;
    private final String site;
    private final String area;
    private final List<List<SimStation>> lines = new ArrayList<>();
    private final List<String> lineNames = new ArrayList<>();
    private final double faultRatePerSecond;
    private final SplittableRandom random;
    private final SplittableRandom detail;
    private final Map<String, Long> seq = new HashMap<>();
    private final Map<SimStation, SimStation.State> lastPublishedState = new HashMap<>();
    private final JsonFactory json = new JsonFactory();
    private final SimCommands commands;
    /** Stations whose rate or mode an operator set: they publish them from then on. */
    private final java.util.Set<SimStation> commanded = new java.util.HashSet<>();
    private Instant last;
    private Instant lastStateRepeat = Instant.EPOCH;

    /**
     * @param meanSecondsBetweenFaults per station, while running
     */
    public SimPlant(String prefix, String site, String area, int lineCount, List<StationKind> stations,
                    double meanSecondsBetweenFaults, long seed) {
        this.prefix = prefix;
        this.site = site;
        this.area = area;
        this.faultRatePerSecond = 1 / meanSecondsBetweenFaults;
        this.random = new SplittableRandom(seed);
        this.detail = new SplittableRandom(~seed);
        for (int l = 1; l <= lineCount; l++) {
            lineNames.add("line-" + l);
            lines.add(stations.stream().map(SimStation::new).toList());
        }
        this.commands = new SimCommands(prefix, site, area, lineNames);
    }

    /**
     * An operator command arriving on {@code <telemetry topic>/set} (JSON {@code {"value": ...}}), applied at the next
     * tick: {@code rate} (speed setpoint, %), {@code mode} (auto/manual), {@code run} (start, stop, reset). Other
     * topics and bad payloads are ignored. Safe from any thread.
     */
    public void command(String topic, byte[] payload) {
        commands.offer(topic, payload);
    }

    /** The demo workshop: site {@code demo}, area {@code assembly}, 3 lines × 6 stations. */
    public static SimPlant demo(String prefix, long seed) {
        return new SimPlant(prefix, "demo", "assembly", 3, StationKind.DEMO_LINE, 1_800, seed);
    }

    /** How many stations the plant has. */
    public int stationCount() {
        return lines.stream().mapToInt(List::size).sum();
    }

    /** Advances the model to {@code now} and returns the messages to publish. */
    public List<SimMessage> tick(Instant now) {
        double dt = last == null ? 0 : Math.max(0, Duration.between(last, now).toMillis() / 1000.0);
        last = now;
        boolean repeatState = Duration.between(lastStateRepeat, now).compareTo(STATE_REPEAT) >= 0;
        if (repeatState) {
            lastStateRepeat = now;
        }
        List<SimMessage> out = new ArrayList<>();
        commands.drain((line, stationName, signal, value) -> apply(line, stationName, signal, value));
        for (int l = 0; l < lines.size(); l++) {
            List<SimStation> line = lines.get(l);
            // Downstream first, so a part moves one station per tick at most.
            for (int s = line.size() - 1; s >= 0; s--) {
                SimStation station = line.get(s);
                if (dt > 0) {
                    station.advance(dt, s + 1 < line.size() ? line.get(s + 1) : null, s == 0, faultRatePerSecond, random,
                            detail);
                }
            }
            for (SimStation station : line) {
                String base = prefix + "/" + site + "/" + area + "/" + lineNames.get(l) + "/" + station.kind.name() + "/";
                if (repeatState || lastPublishedState.get(station) != station.state) {
                    lastPublishedState.put(station, station.state);
                    out.add(message(base + "state", station.state.name().toLowerCase(Locale.ROOT), now));
                    if (!station.reason.isEmpty()) {
                        out.add(message(base + "reason", station.reason, now));
                    }
                }
                out.add(message(base + "speed", round(station.speed), now));
                out.add(message(base + "temperature", round(station.temperature), now));
                out.add(message(base + "cycles", (double) station.cycles, now));
                out.add(message(base + "scrap", (double) station.scrap, now));
                if (commanded.contains(station)) {
                    out.add(message(base + "rate", station.rate, now));
                    out.add(message(base + "mode", station.mode, now));
                }
            }
        }
        return out;
    }

    private void apply(int line, String stationName, String signal, Object value) {
        for (SimStation station : lines.get(line)) {
            if (!station.kind.name().equals(stationName)) {
                continue;
            }
            switch (signal) {
                case "rate" -> {
                    if (value instanceof Double d && d >= 0 && d <= 200) {
                        station.rate = d;
                        commanded.add(station);
                    }
                }
                case "mode" -> {
                    if ("auto".equals(value) || "manual".equals(value)) {
                        station.mode = (String) value;
                        commanded.add(station);
                    }
                }
                case "run" -> {
                    if (value instanceof String action) {
                        station.act(action);
                        lastPublishedState.remove(station); // publish the new state on this tick
                    }
                }
                default -> { }
            }
        }
    }

    private SimMessage message(String topic, Object value, Instant now) {
        long n = seq.merge(topic, 1L, Long::sum);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (JsonGenerator g = json.createGenerator(bytes)) {
            g.writeStartObject();
            if (value instanceof String text) {
                g.writeStringField("v", text);
            } else {
                g.writeNumberField("v", (Double) value);
            }
            g.writeNumberField("ts", now.toEpochMilli());
            g.writeStringField("q", "good");
            g.writeNumberField("seq", n);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SimMessage(topic, bytes.toByteArray());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
