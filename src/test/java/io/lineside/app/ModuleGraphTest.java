package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module graph of the README's run ({@code exec:exec}: {@code -p %classpath -m io.lineside/...}) and the
 * jlink image: only what {@code io.lineside} requires is resolved, unlike these class-path tests, so a library
 * that needs an explicit module it cannot name (automatic PDFBox needs commons-logging) fails only there
 * (issue 18: NoClassDefFoundError on every PDF export from the README's command).
 */
class ModuleGraphTest {

    @TempDir
    Path dir;

    @Test
    void pdfExportWorksOnTheModuleGraphOfTheReadmeRun() throws Exception {
        // The same jars as the exec plugin's %classpath (test-only ones too; they are not roots, so harmless).
        Path[] path = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> !p.endsWith("test-classes"))
                .filter(Files::exists)
                .toArray(Path[]::new);
        Configuration graph = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(path), ModuleFinder.of(), Set.of("io.lineside"));
        Set<String> names = graph.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
        assertTrue(names.contains("org.apache.pdfbox"), names::toString);
        assertTrue(names.contains("org.apache.commons.logging"),
                () -> "PDFBox's logging is not in the graph of `-m io.lineside`: " + names);

        // Load PDFBox in that graph alone (the platform loader as parent hides the class path) and write a page:
        // its static initialiser is what threw NoClassDefFoundError: org/apache/commons/logging/LogFactory.
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(graph, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("org.apache.pdfbox");
        Class<?> documentType = Class.forName("org.apache.pdfbox.pdmodel.PDDocument", true, loader);
        Class<?> pageType = Class.forName("org.apache.pdfbox.pdmodel.PDPage", true, loader);
        Path file = dir.resolve("page.pdf");
        try (AutoCloseable document = (AutoCloseable) documentType.getConstructor().newInstance()) {
            documentType.getMethod("addPage", pageType).invoke(document, pageType.getConstructor().newInstance());
            documentType.getMethod("save", File.class).invoke(document, file.toFile());
        }
        assertTrue(Files.size(file) > 0);
    }
}
