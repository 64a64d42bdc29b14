module org.apache.pdfbox.io {
    requires transitive org.apache.commons.logging;

    exports org.apache.pdfbox.io;

}
