package io.lineside.telemetry.sparkplug;

/** The Sparkplug B message types, as the third topic level names them. */
public enum MessageType {
    NBIRTH, NDEATH, DBIRTH, DDEATH, NDATA, DDATA, NCMD, DCMD, STATE;

    /** True for the types that carry a device id as the fifth topic level. */
    public boolean isDevice() {
        return this == DBIRTH || this == DDEATH || this == DDATA || this == DCMD;
    }
}
