package io.lineside.app;

import io.lineside.config.ConfigException;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmDefinitionsLoader;
import io.lineside.alarms.AlarmService;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryException;
import io.lineside.history.HistoryQuery;
import io.lineside.history.HistoryWriter;
import io.lineside.history.StreamPosition;
import io.lineside.commands.WritableSignals;
import io.lineside.tags.TagStore;
import io.lineside.telemetry.CommandLink;
import io.lineside.telemetry.ConnectionState;
import io.lineside.telemetry.ConnectionStatus;
import io.lineside.telemetry.IngestPipeline;
import io.lineside.telemetry.MqttConnection;
import io.lineside.telemetry.mapping.TopicMappings;
import io.lineside.telemetry.TrustStores;
import io.lineside.telemetry.inspect.MessageInspector;
import io.lineside.telemetry.sparkplug.SparkplugLink;
import javax.net.ssl.SSLSocketFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The toolkit-free spine of one workstation: broker link → ingest → tag store, history writer and alarm
 * engine, plus the staleness watchdog. Built and closed by the composition root; safe to use from any thread.
 */
public final class Services implements AutoCloseable {

    /** Messages larger than this are dropped before parsing. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    static final int INGEST_QUEUE = 50_000;

    private final Path dataDir;
    private final TagStore store = new TagStore();
    private final HistoryDatabase database;
    private final HistoryWriter writer;
    private final HistoryQuery query;
    private final AlarmService alarms;
    private final Fanout fanout;
    private final IngestPipeline pipeline;
    private final MqttConnection connection;
    private final SparkplugLink sparkplug; // null unless the config has a sparkplug section
    private final CommandLink commandLink; // operator commands: its own clean, memory-only link (decision 0025)
    private final WritableSignals writable;
    private final boolean demo;
    private final MessageInspector inspector;
    private final io.lineside.stations.StationCatalog stations;
    private final List<Consumer<ConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("lineside-watchdog").daemon().unstarted(r));

    /**
     * Opens the history cache under {@code dataDir} and starts listening to {@code brokerUrl}.
     *
     * <p>If anything fails on the way, what was already opened is closed again in reverse order (threads stopped,
     * the history database and its lock released) before the failure is thrown, so the caller may try again.
     *
     * @throws HistoryException when the history database cannot be opened (e.g. another instance holds it)
     */
    public Services(AppConfig config, String brokerUrl, String clientId, Path dataDir, Clock clock)
            throws HistoryException {
        io.lineside.alarms.AlarmConfig alarmConfig = alarmConfig(config, dataDir); // before anything needs closing
        List<AlarmDefinition> definitions = alarmConfig.definitions();
        this.dataDir = dataDir;
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        opened.push(watchdog::shutdownNow);
        try {
            this.database = opened(opened, HistoryDatabase.open(dataDir.resolve("db")));
            this.writer = opened(opened, new HistoryWriter(database));
            writer.deadbands(store::meta); // a mapped signal's own deadband, when the config gives one
            this.query = new HistoryQuery(database);
            List<StreamPosition> positions = query.streamPositions();
            AlarmJournalStore journal = opened(opened, new AlarmJournalStore(database));
            this.alarms = opened(opened, new AlarmService(definitions, alarmConfig.shelveReasons(), journal, clock));
            TopicMappings mappings = config.mappings();
            this.demo = config.isDemo();
            this.stations = new io.lineside.stations.StationCatalog(signals(mappings), definitions, store);
            this.fanout = new Fanout(store, alarms, writer);
            this.pipeline = opened(opened,
                    new IngestPipeline(mappings, fanout, clock, MAX_PAYLOAD_BYTES, INGEST_QUEUE));
            // Each tag's seq continues from history: what was published while the HMI was down becomes a gap marker.
            positions.forEach(p -> pipeline.resumeFrom(p.path(), p.seq(), p.sourceTime()));
            SSLSocketFactory tls = config.tls()
                    .map(t -> TrustStores.socketFactory(t.truststore(), t.password().orElse(null))).orElse(null);
            this.connection = opened(opened, new MqttConnection(new MqttConnection.Settings(brokerUrl, clientId,
                    mappings.subscriptions().getFirst(), config.username().orElse(null), config.password().orElse(null),
                    dataDir.resolve("mqtt"), config.failover(), tls), pipeline::put, clock));
            mappings.subscriptions().stream().skip(1).forEach(connection::alsoSubscribe); // one filter per rule
            this.inspector = opened(opened, new MessageInspector(mappings, clock));
            connection.tap(inspector); // idle (one volatile read per message) until the diagnostics inspector opens
            // On the watchdog thread: a full writer queue must not hold up the MQTT supervisor.
            connection.onSessionLost(gap -> watchdog.execute(() -> writer.keepGap(gap)));
            connection.onStatus(status -> {
                // On the watchdog: a full writer must not hold the supervisor.
                if (status.state() != ConnectionState.ONLINE) {
                    try {
                        watchdog.execute(() -> fanout.allStale(clock.instant()));
                    } catch (java.util.concurrent.RejectedExecutionException closing) {
                        store.markStale(null); // closing: the screen still shows the truth, history is shut
                    }
                }
                statusListeners.forEach(l -> l.accept(status));
            });
            // Sparkplug B host: its own clean-session link; counts go to the same diagnostics as the JSON pipeline.
            this.sparkplug = config.sparkplug().map(sp -> new SparkplugLink(sp, new MqttConnection.Settings(brokerUrl,
                    clientId + "-spb", "", config.username().orElse(null), config.password().orElse(null), null,
                    config.failover(), tls), fanout.sparkplug(), pipeline.diagnostics(), clock, status -> { }))
                    .orElse(null);
            if (sparkplug != null) {
                opened.push(sparkplug);
            }
            this.commandLink = opened(opened, new CommandLink(new MqttConnection.Settings(brokerUrl, clientId, "",
                    config.username().orElse(null), config.password().orElse(null), null, config.failover(), tls)));
            this.writable = config.isDemo() ? DemoCommands.writable(config.topicPrefix()) : config.commands();
            pipeline.commandTopics(writable::isCommandTopic); // our writes echo back through the subscription
            Duration staleAfter = config.staleAfter();
            watchdog.scheduleAtFixedRate(() -> fanout.staleSince(clock.instant(), staleAfter), 1, 1, TimeUnit.SECONDS);
            connection.start();
            commandLink.start();
            if (sparkplug != null) {
                sparkplug.connection().tap(inspector);
                sparkplug.start();
            }
        } catch (HistoryException | RuntimeException | Error e) {
            closeAll(opened, e);
            throw e;
        }
    }

    /** Keeps {@code resource} for the constructor's clean-up, then returns it. */
    private static <T extends AutoCloseable> T opened(Deque<AutoCloseable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    /** Closes what the constructor opened, newest first; what fails to close is added to {@code failure}. */
    private static void closeAll(Deque<AutoCloseable> opened, Throwable failure) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception | Error e) {
                failure.addSuppressed(e);
            }
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public TagStore store() {
        return store;
    }

    public HistoryDatabase database() {
        return database;
    }

    public HistoryWriter writer() {
        return writer;
    }

    public HistoryQuery query() {
        return query;
    }

    public AlarmService alarms() {
        return alarms;
    }

    public IngestPipeline pipeline() {
        return pipeline;
    }

    public MqttConnection connection() {
        return connection;
    }

    /**
     * Also tells {@code listener} of every status of the broker link: the current one at once, then each change,
     * on the MQTT supervisor thread (so it must not block).
     */
    public void onConnectionStatus(Consumer<ConnectionStatus> listener) {
        statusListeners.add(listener);
        listener.accept(connection.status());
    }

    /** The station model: each station's signals as the config, the births and the alarm limits describe them. */
    public io.lineside.stations.StationCatalog stations() {
        return stations;
    }

    /**
     * Takes mappings an engineer saved in the app, live: the next message on a newly mapped topic lands on its
     * station signal (store, alarms, history), and the station model describes its unit and range. The broker
     * already delivers such a topic (it was seen there), so the subscriptions stay; the saved rule's own filter is
     * subscribed at the next start. Safe from any thread.
     */
    public void remap(TopicMappings mappings) {
        stations.reconfigure(signals(mappings));
        pipeline.remap(mappings);
    }

    /** The configured signals: the mappings', and in the demo the simulator's before them. */
    private List<io.lineside.stations.ConfiguredSignal> signals(TopicMappings mappings) {
        if (!demo) {
            return StationSignals.from(mappings);
        }
        List<io.lineside.stations.ConfiguredSignal> all = new java.util.ArrayList<>(StationSignals.demo());
        all.addAll(StationSignals.from(mappings));
        return all;
    }

    /** The operator-command link (publish only, never queues). */
    public CommandLink commandLink() {
        return commandLink;
    }

    /** The signals the config (or the demo) declares writable. */
    public WritableSignals writable() {
        return writable;
    }

    /** The engineers' message inspector (both the JSON and the Sparkplug link feed it). */
    public MessageInspector inspector() {
        return inspector;
    }

    /**
     * The configured alarm file's definitions and shelve reasons, or the demo's: its edits saved under the data
     * folder when there are any, else the shipped ones. ConfigLoader has validated a configured file.
     */
    private static io.lineside.alarms.AlarmConfig alarmConfig(AppConfig config, Path dataDir) {
        AlarmDefinitionsLoader loader = new AlarmDefinitionsLoader();
        Path demoEdits = AlarmEditing.demoFile(dataDir); // the demo's saved edits outrank the built-in file (0031)
        try {
            return config.alarmsFile().isPresent() ? loader.loadConfig(config.alarmsFile().get())
                    : java.nio.file.Files.exists(demoEdits) ? loader.loadConfig(demoEdits) : loader.loadDemoConfig();
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e); // changed since the config was checked
        }
    }

    /** The Sparkplug B host link, or empty when not configured. */
    public java.util.Optional<SparkplugLink> sparkplug() {
        return java.util.Optional.ofNullable(sparkplug);
    }

    /** Drains what arrived into history and acknowledges it, then stops listening and closes the history cache. */
    @Override
    public void close() {
        watchdog.shutdownNow();
        commandLink.close();
        if (sparkplug != null) {
            sparkplug.close();
        }
        // Decode and commit what arrived, and send its acks, before the link goes: an ack lost at a clean stop
        // makes the broker redeliver committed messages (a payload without a seq would then be stored twice).
        pipeline.close();
        writer.close();
        connection.close();
        inspector.close();
        alarms.close();
        database.close();
    }
}
