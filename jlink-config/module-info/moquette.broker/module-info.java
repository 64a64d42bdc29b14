module moquette.broker {
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires java.sql;
    requires org.apache.commons.codec;

    requires transitive com.h2database;
    requires transitive io.netty.buffer;
    requires transitive io.netty.codec.mqtt;
    requires transitive io.netty.common;
    requires transitive io.netty.handler;
    requires transitive io.netty.transport;
    requires transitive org.slf4j;

    exports io.moquette;
    exports io.moquette.broker;
    exports io.moquette.broker.config;
    exports io.moquette.broker.metrics;
    exports io.moquette.broker.security;
    exports io.moquette.broker.subscriptions;
    exports io.moquette.broker.unsafequeues;
    exports io.moquette.interception;
    exports io.moquette.interception.messages;
    exports io.moquette.logging;
    exports io.moquette.persistence;

}
