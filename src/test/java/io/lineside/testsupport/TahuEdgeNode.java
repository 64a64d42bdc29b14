package io.lineside.testsupport;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * A Sparkplug B edge node for tests, written with Eclipse Tahu's payload model and encoder: group {@code plant1},
 * node {@code press-cell}, device {@code press1}. It keeps its own {@code seq}, registers an NDEATH Will, and answers
 * a {@code Node Control/Rebirth} NCMD by publishing its births again.
 */
public final class TahuEdgeNode implements AutoCloseable {

    public static final String GROUP = "plant1";
    public static final String NODE = "press-cell";
    public static final String DEVICE = "press1";
    private static final String BASE = "spBv1.0/" + GROUP + "/";

    private final MqttClient client;
    private final SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();
    private final List<String> rebirthRequests = new CopyOnWriteArrayList<>();
    private final long bdSeq;
    private long seq;
    /** What the next NBIRTH reports for node metric {@code Hydraulics/pressure} (alias 1). */
    public volatile double pressure = 180.0;
    private volatile double speed = 0.5;
    /** False: rebirth requests are recorded but not answered (an edge node that ignores them). */
    public volatile boolean answersRebirth = true;
    /** False: DCMD writes are recorded but not obeyed (no DDATA follows). */
    public volatile boolean obeysCommands = true;
    private final List<Metric> deviceCommands = new CopyOnWriteArrayList<>();

    /** Connects (with the NDEATH Will for {@code bdSeq}) and listens for rebirth requests; births come on {@link #birth}. */
    public TahuEdgeNode(String brokerUrl, long bdSeq) throws Exception {
        this.bdSeq = bdSeq;
        client = new MqttClient(brokerUrl, "edge-" + NODE + "-" + System.nanoTime(), new MemoryPersistence());
        client.setTimeToWait(10_000);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setWill(BASE + "NDEATH/" + NODE, encode(new SparkplugBPayload.SparkplugBPayloadBuilder()
                .setTimestamp(new Date()).addMetric(metric("bdSeq", MetricDataType.Int64, bdSeq)).createPayload()), 1, false);
        client.connect(options);
        client.subscribe(BASE + "NCMD/" + NODE, 0, (topic, message) -> {
            SparkplugBPayload command = new SparkplugBPayloadDecoder().buildFromByteArray(message.getPayload(), null);
            for (Metric m : command.getMetrics()) {
                if ("Node Control/Rebirth".equals(m.getName()) && Boolean.TRUE.equals(m.getValue())) {
                    rebirthRequests.add(topic);
                    if (answersRebirth) {
                        new Thread(this::birthQuietly).start(); // not on Paho's callback thread
                    }
                }
            }
        });
        client.subscribe(BASE + "DCMD/" + NODE + "/" + DEVICE, 0, (topic, message) -> {
            SparkplugBPayload command = new SparkplugBPayloadDecoder().buildFromByteArray(message.getPayload(), null);
            for (Metric m : command.getMetrics()) {
                deviceCommands.add(m);
                if (obeysCommands && "Ram/speed".equals(m.getName()) && m.getValue() instanceof Double v) {
                    new Thread(() -> { // not on Paho's callback thread
                        try {
                            deviceData(v);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).start();
                }
            }
        });
    }

    /** The metrics of every DCMD received for the device, in arrival order. */
    public List<Metric> deviceCommands() {
        return deviceCommands;
    }

    /** NBIRTH (seq 0, bdSeq, node metric alias 1) then DBIRTH (device metrics alias 2 to 5). */
    public synchronized void birth() throws Exception {
        seq = 0;
        publish("NBIRTH/" + NODE, payload(metric("bdSeq", MetricDataType.Int64, bdSeq),
                aliased("Hydraulics/pressure", 1, MetricDataType.Double, pressure)));
        publish("DBIRTH/" + NODE + "/" + DEVICE, payload(aliased("Ram/speed", 2, MetricDataType.Double, speed),
                aliased("Ram/strokes", 3, MetricDataType.Int64, 1L),
                aliased("Ram/force", 4, MetricDataType.Double, 0.0),
                aliased("Ram/position", 5, MetricDataType.Double, 0.0)));
    }

    /** DDATA with speed by alias only. */
    public synchronized void deviceData(double newSpeed) throws Exception {
        speed = newSpeed;
        publish("DDATA/" + NODE + "/" + DEVICE, payload(new Metric.MetricBuilder(2L, MetricDataType.Double, newSpeed)
                .createMetric()));
    }

    /** DDATA with all four device metrics by alias only, each carrying {@code i} (speed, strokes, force, position). */
    public synchronized void cycle(long i) throws Exception {
        speed = i;
        publish("DDATA/" + NODE + "/" + DEVICE, payload(
                new Metric.MetricBuilder(2L, MetricDataType.Double, (double) i).createMetric(),
                new Metric.MetricBuilder(3L, MetricDataType.Int64, i).createMetric(),
                new Metric.MetricBuilder(4L, MetricDataType.Double, (double) i).createMetric(),
                new Metric.MetricBuilder(5L, MetricDataType.Double, (double) i).createMetric()));
    }

    /** DDATA with an is_historical stroke count, sampled at {@code at}. */
    public synchronized void historicalStrokes(long strokes, Date at) throws Exception {
        publish("DDATA/" + NODE + "/" + DEVICE, payload(new Metric.MetricBuilder(3L, MetricDataType.Int64, strokes)
                .timestamp(at).isHistorical(true).createMetric()));
    }

    /** Skips one seq, as a message lost on the way would. */
    public synchronized void loseOneMessage() {
        seq = (seq + 1) & 0xFF;
    }

    /** An NDEATH for {@code deathBdSeq} (the real one, or an old session's). */
    public void death(long deathBdSeq) throws Exception {
        client.publish(BASE + "NDEATH/" + NODE, encode(new SparkplugBPayload.SparkplugBPayloadBuilder()
                .setTimestamp(new Date()).addMetric(metric("bdSeq", MetricDataType.Int64, deathBdSeq)).createPayload()),
                1, false);
    }

    /** A DDEATH for the device (in the node's seq order): its metrics are dead, the node's own are not. */
    public synchronized void deviceDeath() throws Exception {
        publish("DDEATH/" + NODE + "/" + DEVICE, payload());
    }

    public List<String> rebirthRequests() {
        return rebirthRequests;
    }

    private void birthQuietly() {
        try {
            birth();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private SparkplugBPayload payload(Metric... metrics) {
        List<Metric> list = new ArrayList<>(List.of(metrics));
        return new SparkplugBPayload.SparkplugBPayloadBuilder(seq).setTimestamp(new Date()).addMetrics(list)
                .createPayload();
    }

    private void publish(String suffix, SparkplugBPayload payload) throws Exception {
        client.publish(BASE + suffix, encode(payload), 0, false);
        seq = (seq + 1) & 0xFF;
    }

    private byte[] encode(SparkplugBPayload payload) throws java.io.IOException {
        return encoder.getBytes(payload, false);
    }

    private static Metric metric(String name, MetricDataType type, Object value) throws Exception {
        return new Metric.MetricBuilder(name, type, value).createMetric();
    }

    private static Metric aliased(String name, long alias, MetricDataType type, Object value) throws Exception {
        return new Metric.MetricBuilder(name, type, value).alias(alias).createMetric();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(1_000);
        }
        client.close();
    }
}
