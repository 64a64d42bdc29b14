package io.lineside.telemetry.sparkplug;

import java.time.Instant;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;

/** The NCMD payload that asks an edge node to publish its births again ({@code Node Control/Rebirth = true}). */
final class RebirthCommand {

    static final String METRIC = "Node Control/Rebirth";

    private RebirthCommand() {
    }

    static byte[] payload(Instant now) {
        return Payload.newBuilder()
                .setTimestamp(now.toEpochMilli())
                .addMetrics(Payload.Metric.newBuilder()
                        .setName(METRIC)
                        .setTimestamp(now.toEpochMilli())
                        .setDatatype(DataType.Boolean.getNumber())
                        .setBooleanValue(true))
                .build()
                .toByteArray();
    }
}
