package io.lineside.testsupport;

import java.util.Date;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.PropertyDataType;
import org.eclipse.tahu.message.model.PropertySet;
import org.eclipse.tahu.message.model.PropertyValue;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * A Sparkplug B edge node of another plant than the demo, written with Eclipse Tahu: group {@code bakery}, node
 * {@code ovens}, device {@code line-a}, whose DBIRTH declares an oven's metrics with their EngUnit, EngLow/EngHigh
 * and Description properties: {@code oven-1/zone1}, {@code zone2}, {@code zone3} (°C, 0–300), {@code chamber}
 * (kPa, 0–200), {@code belt} (m/min, a unit and a description but no range), {@code door} (a state word),
 * {@code state} and {@code trays} (a counter).
 */
public final class OvenEdgeNode implements AutoCloseable {

    public static final String GROUP = "bakery";
    public static final String NODE = "ovens";
    public static final String DEVICE = "line-a";
    private static final String BASE = "spBv1.0/" + GROUP + "/";

    private final MqttClient client;
    private final SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();
    private long seq;

    public OvenEdgeNode(String brokerUrl) throws Exception {
        client = new MqttClient(brokerUrl, "edge-" + NODE + "-" + System.nanoTime(), new MemoryPersistence());
        client.setTimeToWait(10_000);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options);
    }

    /** NBIRTH (bdSeq) then the DBIRTH with the oven's metrics, values and properties. */
    public void birth(double zone1, double zone2, double zone3, double chamber, double belt, String door, long trays)
            throws Exception {
        seq = 0;
        publish("NBIRTH/" + NODE, new Metric.MetricBuilder("bdSeq", MetricDataType.Int64, 1L).createMetric());
        publish("DBIRTH/" + NODE + "/" + DEVICE,
                described("oven-1/zone1", 1, zone1, "\u00B0C", 0, 300, "Zone 1"),
                described("oven-1/zone2", 2, zone2, "\u00B0C", 0, 300, "Zone 2"),
                described("oven-1/zone3", 3, zone3, "\u00B0C", 0, 300, "Zone 3"),
                described("oven-1/chamber", 4, chamber, "kPa", 0, 200, "Chamber pressure"),
                new Metric.MetricBuilder("oven-1/door", MetricDataType.String, door).alias(5L).createMetric(),
                new Metric.MetricBuilder("oven-1/state", MetricDataType.String, "running").alias(6L).createMetric(),
                new Metric.MetricBuilder("oven-1/trays", MetricDataType.Int64, trays).alias(7L).createMetric(),
                new Metric.MetricBuilder("oven-1/belt", MetricDataType.Double, belt).alias(8L)
                        .properties(new PropertySet.PropertySetBuilder()
                                .addProperty("EngUnit", new PropertyValue<>(PropertyDataType.String, "m/min"))
                                .addProperty("Description", new PropertyValue<>(PropertyDataType.String, "Belt speed"))
                                .createPropertySet())
                        .createMetric());
    }

    private static Metric described(String name, long alias, double value, String unit, double low, double high,
                                    String description) throws Exception {
        PropertySet properties = new PropertySet.PropertySetBuilder()
                .addProperty("EngUnit", new PropertyValue<>(PropertyDataType.String, unit))
                .addProperty("EngLow", new PropertyValue<>(PropertyDataType.Double, low))
                .addProperty("EngHigh", new PropertyValue<>(PropertyDataType.Double, high))
                .addProperty("Description", new PropertyValue<>(PropertyDataType.String, description))
                .createPropertySet();
        return new Metric.MetricBuilder(name, MetricDataType.Double, value).alias(alias).properties(properties)
                .createMetric();
    }

    private void publish(String suffix, Metric... metrics) throws Exception {
        SparkplugBPayload payload = new SparkplugBPayload.SparkplugBPayloadBuilder(seq).setTimestamp(new Date())
                .addMetrics(new java.util.ArrayList<>(List.of(metrics))).createPayload();
        client.publish(BASE + suffix, encoder.getBytes(payload, false), 0, false);
        seq = (seq + 1) & 0xFF;
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(1_000);
        }
        client.close();
    }
}
