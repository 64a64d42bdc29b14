package io.lineside.alarms;

import io.lineside.config.YamlScalars;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes alarm definitions as the YAML {@link AlarmDefinitionsLoader} reads, so that reading the text back gives
 * equal definitions (the editors' validate-by-loading step, decision 0031). Every alarm is written with its resolved
 * values (no {@code defaults:}), a deadband in engineering units, texts double-quoted. Stateless; safe from any
 * thread.
 */
public final class AlarmDefinitionsWriter {

    /** The whole file: the alarms, and the shelve reasons when they are not the default list. */
    public String write(AlarmConfig config) {
        StringBuilder out = new StringBuilder("# Alarm definitions, written by Lineside (format: see demo-alarms.yaml)\n");
        out.append("alarms:\n");
        for (AlarmDefinition d : config.definitions()) {
            definition(out, d);
        }
        if (!config.shelveReasons().equals(ShelveReasons.DEFAULT)) {
            out.append("shelveReasons:\n");
            config.shelveReasons().reasons().forEach(r -> out.append("  - ").append(YamlScalars.quoted(r)).append('\n'));
        }
        return out.toString();
    }

    private static void definition(StringBuilder out, AlarmDefinition d) {
        out.append("  - id: ").append(YamlScalars.quoted(d.id())).append('\n');
        line(out, "tag", YamlScalars.quoted(d.tag().toString()));
        if (!d.station().equals(d.tag().stationId())) {
            line(out, "station", YamlScalars.quoted(d.station().toString()));
        }
        condition(out, d.condition());
        line(out, "priority", d.priority().displayName());
        seconds(out, "onDelaySeconds", d.onDelay());
        seconds(out, "offDelaySeconds", d.offDelay());
        if (d.latching()) {
            line(out, "latching", "true");
        }
        line(out, "realarmMinutes", Long.toString(d.realarmAfter().toMinutes()));
        line(out, "maxShelveMinutes", Long.toString(d.maxShelve().toMinutes()));
        line(out, "message", texts(d.messages().get("en"), d.messages().get("zh-CN")));
        d.guidance().ifPresent(g -> {
            out.append("    guidance:\n");
            Optional<Guidance.Text> zh = Optional.ofNullable(g.translations().get("zh-CN"));
            out.append("      cause: ").append(texts(g.cause(), zh.map(Guidance.Text::cause).orElse(null))).append('\n');
            out.append("      consequence: ").append(texts(g.consequence(),
                    zh.map(Guidance.Text::consequence).orElse(null))).append('\n');
            out.append("      action: ").append(texts(g.action(), zh.map(Guidance.Text::action).orElse(null)))
                    .append('\n');
            out.append("      respondWithinMinutes: ").append(g.timeToRespond().toMinutes()).append('\n');
        });
        d.suppressWhen().ifPresent(s -> line(out, "suppressWhen", "{tag: " + YamlScalars.quoted(s.tag().toString()) + ", "
                + discrete(s.condition()) + "}"));
    }

    private static void condition(StringBuilder out, AlarmCondition condition) {
        switch (condition) {
            case LimitCondition c -> {
                line(out, "kind", "limit");
                line(out, "level", c.level().name());
                line(out, "limit", YamlScalars.number(c.limit()));
                deadband(out, c.deadband());
            }
            case DiscreteCondition c -> {
                line(out, "kind", "discrete");
                String[] kv = discrete(c).split(": ", 2);
                line(out, kv[0], kv[1]);
            }
            case DeviationCondition c -> {
                line(out, "kind", "deviation");
                line(out, "setpoint", YamlScalars.quoted(c.setpoint().toString()));
                line(out, "limit", YamlScalars.number(c.limit()));
                deadband(out, c.deadband());
            }
            case RateOfChangeCondition c -> {
                line(out, "kind", "rateOfChange");
                line(out, "limit", YamlScalars.number(c.limitPerSecond()));
                deadband(out, c.deadband());
            }
            case NoDataCondition c -> {
                line(out, "kind", "noData");
                line(out, "seconds", Long.toString(c.silence().toSeconds()));
            }
        }
    }

    private static String discrete(DiscreteCondition c) {
        return c.bit() != null ? "bit: " + c.bit() : "equals: " + YamlScalars.quoted(c.equalsText());
    }

    private static void deadband(StringBuilder out, double deadband) {
        if (deadband != 0) {
            line(out, "deadband", YamlScalars.number(deadband));
        }
    }

    private static void seconds(StringBuilder out, String key, Duration d) {
        if (!d.isZero()) {
            line(out, key, Long.toString(d.toSeconds()));
        }
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append("    ").append(key).append(": ").append(value).append('\n');
    }

    private static String texts(String en, String zh) {
        return "{en: " + YamlScalars.quoted(en) + (zh == null ? "" : ", zh-CN: " + YamlScalars.quoted(zh)) + "}";
    }

}
