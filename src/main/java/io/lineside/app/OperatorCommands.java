package io.lineside.app;

import io.lineside.commands.CommandNotSentException;
import io.lineside.commands.CommandRoute;
import io.lineside.commands.CommandService;
import io.lineside.commands.CommandTarget;
import io.lineside.commands.CommandTransport;
import io.lineside.commands.JsonCommandRoute;
import io.lineside.commands.Wire;
import io.lineside.commands.WritableSignals;
import io.lineside.security.AuditTrail;
import io.lineside.security.SessionManager;
import io.lineside.security.UserService;
import io.lineside.tags.TagStore;
import io.lineside.telemetry.CommandLink;
import io.lineside.telemetry.sparkplug.BirthRegistry;
import io.lineside.telemetry.sparkplug.SparkplugCommands;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wires the operator-command path: the {@link CommandService} over the workstation's {@link CommandLink}, plain
 * MQTT JSON for mapped signals, Sparkplug B DCMD/NCMD (QoS 0, as the Sparkplug spec requires) for born metrics.
 */
public final class OperatorCommands {

    private OperatorCommands() {
    }

    /** The command service of a running workstation. */
    public static CommandService open(Services services, SecurityServices security, String workstation, Clock clock) {
        return create(services.writable(), services.commandLink(),
                services.sparkplug().map(link -> link.host().births()), security.session(), security.users(),
                security.audit(), services.store(), workstation, clock);
    }

    /** The same from its parts (tests, a recorder-less viewer). */
    public static CommandService create(WritableSignals writable, CommandLink link, Optional<BirthRegistry> births,
                                        SessionManager session, UserService users, AuditTrail audit, TagStore store,
                                        String workstation, Clock clock) {
        Map<CommandTarget, CommandRoute> routes = new EnumMap<>(CommandTarget.class);
        routes.put(CommandTarget.MQTT, new JsonCommandRoute());
        births.ifPresent(registry -> {
            SparkplugCommands sparkplug = new SparkplugCommands(registry);
            routes.put(CommandTarget.SPARKPLUG, c -> sparkplug.encode(c.target(), c.value(), c.time())
                    .map(e -> new Wire(e.topic(), e.payload(), 0, "Sparkplug " + e.topic() + " metric '" + e.metric()
                            + "' (" + e.datatype() + ")")));
        });
        return new CommandService(writable, session, users, audit, store, routes, transport(link), workstation, clock);
    }

    static CommandTransport transport(CommandLink link) {
        return new CommandTransport() {
            @Override
            public boolean connected() {
                return link.connected();
            }

            @Override
            public void publish(Wire wire) throws CommandNotSentException {
                try {
                    link.publish(wire.topic(), wire.payload(), wire.qos());
                } catch (CommandLink.NotSentException e) {
                    throw new CommandNotSentException(e.getMessage());
                }
            }
        };
    }
}
