module io.netty.buffer {
    requires transitive io.netty.common;

    exports io.netty.buffer;
    exports io.netty.buffer.search;

}
