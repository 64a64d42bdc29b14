module io.netty.common {
    requires java.logging;
    requires static org.slf4j;

    requires transitive jdk.unsupported;

    exports io.netty.util;
    exports io.netty.util.collection;
    exports io.netty.util.concurrent;
    exports io.netty.util.internal;
    exports io.netty.util.internal.logging;
    exports io.netty.util.internal.shaded.org.jctools.counters;
    exports io.netty.util.internal.shaded.org.jctools.maps;
    exports io.netty.util.internal.shaded.org.jctools.queues;
    exports io.netty.util.internal.shaded.org.jctools.queues.atomic;
    exports io.netty.util.internal.shaded.org.jctools.queues.atomic.unpadded;
    exports io.netty.util.internal.shaded.org.jctools.queues.unpadded;
    exports io.netty.util.internal.shaded.org.jctools.util;
    exports io.netty.util.internal.svm;


}
