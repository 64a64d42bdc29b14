package io.lineside.alarms;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Reads the kind-specific keys of one alarm into its {@link AlarmCondition}. Stateless. */
final class AlarmConditions {

    private AlarmConditions() {
    }

    static AlarmCondition read(ConfigNode f, String kind) throws ConfigException {
        return switch (kind) {
            case "limit" -> limit(f);
            case "discrete" -> discrete(f);
            case "deviation" -> {
                double limit = positive(f.get("limit"));
                yield new DeviationCondition(AlarmDefinitionsLoader.tagPath(f.get("setpoint")), limit, deadband(f, limit));
            }
            case "rateOfChange" -> {
                double limit = positive(f.get("limit"));
                yield new RateOfChangeCondition(limit, deadband(f, limit));
            }
            case "noData" -> {
                ConfigNode seconds = f.get("seconds");
                yield new NoDataCondition(Duration.ofSeconds(seconds.optionalLong(1, 86_400)
                        .orElseThrow(() -> seconds.error("a whole number from 1 to 86400"))));
            }
            default -> throw new IllegalStateException(kind); // the loader checked the kind
        };
    }

    private static LimitCondition limit(ConfigNode f) throws ConfigException {
        ConfigNode levelNode = f.get("level");
        String text = levelNode.optionalText(4).orElseThrow(() -> levelNode.error("HH, H, L or LL"));
        LimitCondition.Level level;
        try {
            level = LimitCondition.Level.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw levelNode.error("HH, H, L or LL");
        }
        double limit = required(f.get("limit"));
        return new LimitCondition(level, limit, deadband(f, Double.POSITIVE_INFINITY));
    }

    static DiscreteCondition discrete(ConfigNode f) throws ConfigException {
        Optional<String> equals = f.get("equals").optionalText(200);
        Optional<Long> bit = f.get("bit").optionalLong(0, 52);
        if (equals.isPresent() == bit.isPresent()) {
            throw f.get("equals").error("exactly one of equals (a state text) and bit (0-52)",
                    equals.isPresent() ? "both" : "neither");
        }
        return new DiscreteCondition(equals.orElse(null), bit.map(Long::intValue).orElse(null));
    }

    private static double required(ConfigNode n) throws ConfigException {
        return n.optionalNumber().orElseThrow(() -> n.error("a finite number"));
    }

    private static double positive(ConfigNode n) throws ConfigException {
        double v = required(n);
        if (v <= 0) {
            throw n.error("a number greater than 0", String.valueOf(v));
        }
        return v;
    }

    /**
     * The deadband in engineering units: {@code deadband} directly, or {@code deadbandPercent} of {@code span}
     * ({@code {min, max}}). It must be smaller than a positive limit it applies to, or the alarm could never clear.
     */
    private static double deadband(ConfigNode f, double limit) throws ConfigException {
        ConfigNode deadband = f.get("deadband");
        ConfigNode percentNode = f.get("deadbandPercent");
        if (!deadband.isEmpty() && !percentNode.isEmpty()) {
            throw percentNode.error("either deadband or deadbandPercent, not both", "both");
        }
        if (!deadband.isEmpty()) {
            double d = required(deadband);
            if (d < 0 || d >= limit) {
                throw deadband.error("a number >= 0" + (Double.isInfinite(limit) ? "" : " and below the limit " + limit),
                        String.valueOf(d));
            }
            return d;
        }
        ConfigNode span = f.get("span");
        if (percentNode.isEmpty()) {
            if (!span.isEmpty()) {
                throw span.error("span only together with deadbandPercent", "a span");
            }
            return 0;
        }
        double percent = required(percentNode);
        if (percent < 0 || percent > 50) {
            throw percentNode.error("a percentage from 0 to 50", String.valueOf(percent));
        }
        if (!span.isMapping()) {
            throw span.error(span.isEmpty() ? "a mapping {min, max} for deadbandPercent" : "a mapping");
        }
        span.onlyKeys(Set.of("min", "max"));
        double min = required(span.get("min"));
        double max = required(span.get("max"));
        if (max <= min) {
            throw span.get("max").error("a number greater than min " + min, String.valueOf(max));
        }
        double d = (max - min) * percent / 100;
        if (d >= limit) {
            throw percentNode.error("a deadband below the limit " + limit, d + " engineering units");
        }
        return d;
    }
}
