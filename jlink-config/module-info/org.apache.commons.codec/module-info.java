module org.apache.commons.codec {
    exports org.apache.commons.codec;
    exports org.apache.commons.codec.binary;
    exports org.apache.commons.codec.cli;
    exports org.apache.commons.codec.digest;
    exports org.apache.commons.codec.language;
    exports org.apache.commons.codec.language.bm;
    exports org.apache.commons.codec.net;

}
