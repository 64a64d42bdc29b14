package io.lineside.app;

import io.lineside.history.HistoryException;
import io.lineside.history.HistoryInUseException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code lineside record}: the station's spine (broker link, ingest, history) without JavaFX, until the process
 * is asked to stop (SIGTERM, SIGINT). On stop it leaves the broker, commits what it holds and closes H2, so a
 * QoS 1 message is either in history or still queued at the broker.
 *
 * <p>History admits one process per data directory (docs/decisions/0008): while the HMI of this station
 * holds it, the recorder waits and takes over as soon as the HMI exits. One instance per process; the
 * blocking {@link #run} is meant for the main thread.
 */
final class Recorder {

    static final Duration RETRY = Duration.ofSeconds(5);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private HistorySettings history = HistorySettings.DEFAULT;
    private Duration summaryEvery = Duration.ofSeconds(60);
    private java.util.function.Function<Services, ShiftReports> reports = services -> null;

    /** How often the counters line is logged (and written for {@code diagnose}); 60 s unless a test says. */
    Recorder summaryEvery(Duration period) {
        this.summaryEvery = period;
        return this;
    }

    /**
     * Writes a PDF per shift as each ends, and for the shifts that ended while it was down ({@link ShiftReports});
     * {@code factory} builds them on the opened history (null: none).
     */
    Recorder shiftReports(java.util.function.Function<Services, ShiftReports> factory) {
        this.reports = factory;
        return this;
    }

    /** The station's retention and store-on-change settings (the defaults otherwise). */
    Recorder history(HistorySettings settings) {
        this.history = settings;
        return this;
    }

    /**
     * Records until stopped; returns the exit code (0 after a clean stop, 1 if history cannot be opened).
     * Progress goes to {@code out} as lines starting {@code lineside record:}, problems to {@code err}.
     */
    int run(AppConfig config, String brokerUrl, String clientId, Path dataDir, Clock clock, PrintStream out,
            PrintStream err) {
        Thread hook = Thread.ofPlatform().name("lineside-recorder-stop").unstarted(this::stopAndWait);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Services services = openWhenFree(config, brokerUrl, clientId, dataDir, clock, err);
            if (services == null) {
                return 0; // stopped while waiting
            }
            history.applyTo(services.writer());
            ShiftReports shiftReports = reports.apply(services);
            if (shiftReports != null) {
                shiftReports.start();
            }
            out.println("lineside record: recording " + brokerUrl + " into " + dataDir.resolve("db"));
            out.flush();
            Thread.ofPlatform().daemon().name("lineside-recorder-progress").start(() -> reportFirstCommit(services, out));
            Thread.ofPlatform().daemon().name("lineside-recorder-summary")
                    .start(() -> reportPeriodically(services, dataDir, clock, out));
            awaitStop();
            if (shiftReports != null) {
                shiftReports.close();
            }
            services.close();
            String last = summary(services, dataDir, clock);
            // "written" counted updates skipped as unchanged too: the honest counts are in the summary line.
            out.println("lineside record: stopped; " + last);
            out.flush();
            return 0;
        } catch (HistoryException | RuntimeException e) { // e.g. an unreadable data directory or alarm file
            err.println("lineside record: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        } finally {
            stopped.countDown();
        }
    }

    /** Asks {@link #run} to stop (as SIGTERM does) without waiting. */
    void requestStop() {
        stopRequested.countDown();
    }

    private Services openWhenFree(AppConfig config, String brokerUrl, String clientId, Path dataDir, Clock clock,
                                  PrintStream err) throws HistoryException {
        boolean told = false;
        while (true) {
            try {
                return new Services(config, brokerUrl, clientId, dataDir, clock);
            } catch (HistoryInUseException e) {
                if (!told) {
                    err.println("lineside record: " + e.getMessage() + "; waiting for it (retrying every "
                            + RETRY.toSeconds() + " s)");
                    told = true;
                }
                if (waitForStop(RETRY)) {
                    return null;
                }
            }
        }
    }

    private void reportFirstCommit(Services services, PrintStream out) {
        try {
            while (services.writer().writtenCount() == 0) {
                if (waitForStop(Duration.ofMillis(200))) {
                    return;
                }
            }
            out.println("lineside record: first samples committed");
            out.flush();
        } catch (RuntimeException e) {
            // closed while polling: nothing to report
        }
    }

    private void reportPeriodically(Services services, Path dataDir, Clock clock, PrintStream out) {
        while (!waitForStop(summaryEvery)) {
            try {
                out.println("lineside record: " + summary(services, dataDir, clock));
                out.flush();
            } catch (RuntimeException e) {
                return; // closing
            }
        }
    }

    /** The counters line, also written to the data directory for the diagnose bundle. */
    private static String summary(Services services, Path dataDir, Clock clock) {
        String line = RecorderSummary.line(services.pipeline().diagnostics().snapshot(), services.writer(),
                services.connection().status().reconnects(), services.connection().unreadableTopics());
        try {
            RecorderSummary.write(dataDir, clock.instant(), line);
        } catch (java.io.IOException e) {
            // the log line still has it
        }
        return line;
    }

    private void awaitStop() {
        boolean interrupted = false;
        while (true) {
            try {
                stopRequested.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean waitForStop(Duration d) {
        try {
            return stopRequested.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The shutdown hook: the JVM halts when hooks return, so wait for {@link #run} to finish closing. */
    private void stopAndWait() {
        stopRequested.countDown();
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
