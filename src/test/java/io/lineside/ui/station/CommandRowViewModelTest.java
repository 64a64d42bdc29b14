package io.lineside.ui.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.commands.CommandFixture;
import io.lineside.commands.CommandKind;
import io.lineside.commands.CommandNotSentException;
import io.lineside.commands.CommandService;
import io.lineside.commands.CommandSpec;
import io.lineside.commands.CommandTransport;
import io.lineside.commands.Wire;
import io.lineside.commands.WritableSignal;
import io.lineside.commands.WritableSignals;
import io.lineside.security.Role;
import io.lineside.tags.TagPath;
import io.lineside.testsupport.Eventually;
import io.lineside.ui.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The faceplate row's two-step write and its status, without a toolkit; the service still decides. */
class CommandRowViewModelTest {

    static final TagPath RATE = TagPath.parse("demo/assembly/line-1/press/rate");

    @TempDir
    Path dir;

    @Test
    void askShowsOldToNewThenConfirmSendsAndShowsTheOutcome() throws Exception {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        AtomicBoolean up = new AtomicBoolean(true);
        try (CommandFixture fx = new CommandFixture(dir)) {
            fx.login("operator");
            fx.store.apply(CommandControlsScreenshotTest.update(RATE, 100.0));
            CommandTransport edge = new CommandTransport() {
                public boolean connected() {
                    return up.get();
                }

                public void publish(Wire wire) throws CommandNotSentException {
                    fx.store.apply(CommandControlsScreenshotTest.update(RATE, 80.0));
                }
            };
            WritableSignal rate = WritableSignal.mqtt(Map.of(), "rate", new CommandSpec(CommandKind.SETPOINT, 50, 120,
                    5, List.of(), Role.OPERATOR, false, Duration.ofSeconds(1), Duration.ZERO, null, null, Map.of()),
                    "x/{signal}");
            CommandService service = fx.service(new WritableSignals(List.of(rate)), edge);
            CommandRowViewModel row = new CommandRowViewModel(RATE, rate, "Rate", "%", service, fx.store::get,
                    Runnable::run, texts);
            assertEquals("50 to 120 %, step 5", row.limits());
            assertTrue(row.usableProperty().get());
            row.inputProperty().set("80");
            row.ask(null);
            assertEquals("press / Rate: 100 % \u2192 80 %?", row.questionProperty().get());
            row.confirm(null);
            Eventually.await("confirmed", Duration.ofSeconds(5),
                    () -> row.statusProperty().get() == CommandRowViewModel.Status.CONFIRMED);
            assertEquals("confirmed", row.statusTextProperty().get());
            row.inputProperty().set("81");
            row.ask(null);
            row.confirm(null);
            Eventually.await("refused", Duration.ofSeconds(5),
                    () -> row.statusProperty().get() == CommandRowViewModel.Status.REFUSED);
            assertTrue(row.statusTextProperty().get().startsWith("refused: invalid value: 81 is not on the step 5"),
                    row.statusTextProperty().get());
            up.set(false);
            row.refresh();
            assertFalse(row.usableProperty().get(), "offline: disabled");
            assertEquals(texts.get("cmd.offline"), row.hintProperty().get());
            fx.session.lock();
            up.set(true);
            row.refresh();
            assertFalse(row.usableProperty().get(), "locked: disabled");
            service.close();
        }
    }
}
