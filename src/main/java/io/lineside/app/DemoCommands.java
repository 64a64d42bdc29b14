package io.lineside.app;

import io.lineside.commands.CommandKind;
import io.lineside.commands.CommandSpec;
import io.lineside.commands.WritableSignal;
import io.lineside.commands.WritableSignals;
import io.lineside.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo plant's writable signals, as a station config would declare them: each station's {@code rate} (speed
 * setpoint, % of nominal), {@code mode} (auto/manual) and {@code run} (start/stop/reset, critical, confirmed by
 * {@code state}). The simulator obeys them on {@code <telemetry topic>/set}.
 */
final class DemoCommands {

    static final String TOPIC = "{prefix}/{site}/{area}/{line}/{station}/{signal}";

    private DemoCommands() {
    }

    static WritableSignals writable() {
        return writable(AppConfig.DEFAULT_TOPIC_PREFIX);
    }

    static WritableSignals writable(String prefix) {
        String topic = TOPIC.replace("{prefix}", prefix);
        double nan = Double.NaN;
        Duration confirm = Duration.ofSeconds(4); // the simulator ticks once a second
        return new WritableSignals(List.of(
                WritableSignal.mqtt(Map.of(), "rate", new CommandSpec(CommandKind.SETPOINT, 50, 120, 5, List.of(),
                        Role.OPERATOR, false, confirm, Duration.ofSeconds(1), null, null, Map.of()), topic),
                WritableSignal.mqtt(Map.of(), "mode", new CommandSpec(CommandKind.MODE, nan, nan, nan,
                        List.of("auto", "manual"), Role.OPERATOR, false, confirm, Duration.ofSeconds(1), null, null,
                        Map.of()), topic),
                WritableSignal.mqtt(Map.of(), "run", new CommandSpec(CommandKind.ACTION, nan, nan, nan,
                        CommandSpec.ACTIONS, Role.OPERATOR, true, confirm, Duration.ofSeconds(1), null, "state",
                        Map.of("start", "running", "stop", "idle", "reset", "running")), topic)));
    }
}
