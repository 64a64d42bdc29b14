package io.lineside.telemetry.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertySet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertyValue;

/** What the tag browser learns of Sparkplug: every metric the current births declare, mapped or not. */
class BirthRegistryTest {

    @Test
    void birthsDeclareMappedAndUnmappedMetricsWithTypeUnitAndTheUnmappedOnesLastValue() {
        EngineFixture f = new EngineFixture();
        PropertySet props = PropertySet.newBuilder().addKeys("EngUnit").addValues(PropertyValue.newBuilder()
                .setType(12).setStringValue("bar")).addKeys("EngHigh").addValues(PropertyValue.newBuilder()
                .setType(10).setDoubleValue(250)).build();
        f.send(EngineFixture.NBIRTH, Payloads.nbirth(1, Payloads.doubleMetric("Hydraulics/pressure", 1, 180.0),
                Payloads.doubleMetric("Odd metric", 9, 12.5).setProperties(props)));
        f.send(EngineFixture.NDATA, Payloads.message(1, Payloads.byAlias(9, 13.0)));
        Map<String, BirthRegistry.BornMetric> born = f.engine.births().metrics().stream()
                .collect(Collectors.toMap(BirthRegistry.BornMetric::address, Function.identity()));
        BirthRegistry.BornMetric pressure = born.get("plant1/press-cell/Hydraulics/pressure");
        assertEquals(EngineFixture.NODE_PRESSURE, pressure.path());
        assertEquals("Double", pressure.datatype());
        BirthRegistry.BornMetric odd = born.get("plant1/press-cell/Odd metric");
        assertNull(odd.path(), "a name with a space makes no tag path");
        assertEquals("bar", odd.meta().unit());
        assertEquals(250, odd.meta().high());
        assertEquals("13.0", odd.value(), "the unmapped metric's data, not only its birth value");
        f.send(EngineFixture.NBIRTH, Payloads.nbirth(2, Payloads.doubleMetric("Hydraulics/pressure", 1, 181.0)));
        assertTrue(f.engine.births().metrics().stream().noneMatch(m -> m.name().equals("Odd metric")),
                "a new birth replaces what the node declared");
    }
}
