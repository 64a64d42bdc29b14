module com.google.protobuf {
    requires java.logging;
    requires jdk.unsupported;

    exports com.google.protobuf;
    exports com.google.protobuf.compiler;

}
