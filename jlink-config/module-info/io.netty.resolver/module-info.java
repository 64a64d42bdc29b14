module io.netty.resolver {
    requires transitive io.netty.common;

    exports io.netty.resolver;

}
