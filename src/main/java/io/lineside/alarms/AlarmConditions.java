package io.lineside.alarms;

import java.time.Duration;
import java.util.Optional;

/** Reads the kind-specific keys of one alarm into its {@link AlarmCondition}. Stateless. */
final class AlarmConditions {

    private AlarmConditions() {
    }

    static AlarmCondition read(YamlFields f, String kind) throws AlarmConfigException {
        return switch (kind) {
            case "limit" -> limit(f);
            case "discrete" -> discrete(f);
            case "deviation" -> {
                double limit = positive(f, "limit");
                yield new DeviationCondition(AlarmDefinitionsLoader.tagPath(f, "setpoint"), limit, deadband(f, limit));
            }
            case "rateOfChange" -> {
                double limit = positive(f, "limit");
                yield new RateOfChangeCondition(limit, deadband(f, limit));
            }
            case "noData" -> new NoDataCondition(Duration.ofSeconds(f.integer("seconds", 1, 86_400)
                    .orElseThrow(() -> f.error("seconds", "a whole number from 1 to 86400", "nothing"))));
            default -> throw new IllegalStateException(kind); // the loader checked the kind
        };
    }

    private static LimitCondition limit(YamlFields f) throws AlarmConfigException {
        String text = f.requiredText("level", 4, "HH, H, L or LL");
        LimitCondition.Level level;
        try {
            level = LimitCondition.Level.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw f.error("level", "HH, H, L or LL", "\"" + YamlFields.clip(text) + "\"");
        }
        double limit = f.requiredNumber("limit");
        return new LimitCondition(level, limit, deadband(f, Double.POSITIVE_INFINITY));
    }

    static DiscreteCondition discrete(YamlFields f) throws AlarmConfigException {
        Optional<String> equals = f.text("equals", 200);
        Optional<Long> bit = f.integer("bit", 0, 52);
        if (equals.isPresent() == bit.isPresent()) {
            throw f.error("equals", "exactly one of equals (a state text) and bit (0-52)",
                    equals.isPresent() ? "both" : "neither");
        }
        return new DiscreteCondition(equals.orElse(null), bit.map(Long::intValue).orElse(null));
    }

    private static double positive(YamlFields f, String key) throws AlarmConfigException {
        double v = f.requiredNumber(key);
        if (v <= 0) {
            throw f.error(key, "a number greater than 0", String.valueOf(v));
        }
        return v;
    }

    /**
     * The deadband in engineering units: {@code deadband} directly, or {@code deadbandPercent} of {@code span}
     * ({@code {min, max}}). It must be smaller than a positive limit it applies to, or the alarm could never clear.
     */
    private static double deadband(YamlFields f, double limit) throws AlarmConfigException {
        if (f.has("deadband") && f.has("deadbandPercent")) {
            throw f.error("deadbandPercent", "either deadband or deadbandPercent, not both", "both");
        }
        if (f.has("deadband")) {
            double d = f.requiredNumber("deadband");
            if (d < 0 || d >= limit) {
                throw f.error("deadband", "a number >= 0" + (Double.isInfinite(limit) ? "" : " and below the limit " + limit),
                        String.valueOf(d));
            }
            return d;
        }
        if (!f.has("deadbandPercent")) {
            if (f.has("span")) {
                throw f.error("span", "span only together with deadbandPercent", "a span");
            }
            return 0;
        }
        double percent = f.requiredNumber("deadbandPercent");
        if (percent < 0 || percent > 50) {
            throw f.error("deadbandPercent", "a percentage from 0 to 50", String.valueOf(percent));
        }
        YamlFields span = f.object("span").orElseThrow(() -> f.error("span", "a mapping {min, max} for deadbandPercent", "nothing"));
        span.onlyKeys(java.util.Set.of("min", "max"));
        double min = span.requiredNumber("min");
        double max = span.requiredNumber("max");
        if (max <= min) {
            throw span.error("max", "a number greater than min " + min, String.valueOf(max));
        }
        double d = (max - min) * percent / 100;
        if (d >= limit) {
            throw f.error("deadbandPercent", "a deadband below the limit " + limit, d + " engineering units");
        }
        return d;
    }
}
