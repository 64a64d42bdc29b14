/**
 * Lineside HMI: live workshop layouts, alarms and shift history for a control-room PC.
 */
module io.lineside {
    // UI toolkit (only ui.. and app.. may use it; see ArchitectureTest)
    requires javafx.controls;
    requires javafx.fxml;
    requires org.controlsfx.controls;

    // Audible alarm annunciation (javax.sound.sampled generated tones)
    requires java.desktop;

    // MQTT client (only telemetry.. may use it)
    requires org.eclipse.paho.client.mqttv3;

    // Log files of the installed app (FileLogs); System.Logger goes to java.util.logging
    requires java.logging;

    // Sparkplug B payloads (telemetry.sparkplug only): Tahu's generated protobuf classes, automatic modules
    requires tahu.core;
    requires com.google.protobuf;

    // JSON payloads and YAML configuration
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    // Embedded history cache and security database (only history.. and security.. may use JDBC)
    requires java.sql;
    requires com.h2database;
    // H2 instantiates the audit table's append-only trigger by class name.
    exports io.lineside.security to com.h2database;

    // PDF shift reports (shifts.pdf only): PDFBox and its font library, automatic modules
    requires org.apache.pdfbox;
    requires org.apache.fontbox;
    // PDFBox logs through commons-logging, an explicit module that an automatic PDFBox cannot pull into the graph:
    // without this line `-m io.lineside` (exec:exec, the README's run) never resolves it and every export dies
    // with NoClassDefFoundError (issue 18). ModuleGraphTest resolves the graph as that launch does.
    requires org.apache.commons.logging;

    // Embedded demo broker (app.. only); it logs through SLF4J, which the module graph must resolve
    // explicitly (its JUL provider is then bound as a service).
    requires moquette.broker;
    requires org.slf4j;

    // FXML controllers are created by our controller factory; FXMLLoader injects @FXML fields.
    opens io.lineside.ui.shell to javafx.fxml;
    opens io.lineside.ui.workshop to javafx.fxml;
    opens io.lineside.ui.trend to javafx.fxml;
    opens io.lineside.ui.diagnostics to javafx.fxml;
    opens io.lineside.ui.security to javafx.fxml;
    opens io.lineside.ui.alarms to javafx.fxml;
    opens io.lineside.ui.review to javafx.fxml;
    opens io.lineside.ui.shifts to javafx.fxml;
    opens io.lineside.ui.nav to javafx.fxml;
    opens io.lineside.ui.plant to javafx.fxml;
    opens io.lineside.ui.station to javafx.fxml;
    opens io.lineside.ui.tags to javafx.fxml;
}
