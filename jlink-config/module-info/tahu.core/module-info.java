module tahu.core {
    requires org.slf4j;

    requires transitive com.fasterxml.jackson.annotation;
    requires transitive com.fasterxml.jackson.core;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive com.google.protobuf;
    requires transitive org.eclipse.paho.client.mqttv3;

    exports org.eclipse.tahu;
    exports org.eclipse.tahu.exception;
    exports org.eclipse.tahu.json;
    exports org.eclipse.tahu.message;
    exports org.eclipse.tahu.message.model;
    exports org.eclipse.tahu.model;
    exports org.eclipse.tahu.mqtt;
    exports org.eclipse.tahu.protobuf;
    exports org.eclipse.tahu.util;

}
