package io.lineside.shifts.pdf;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The report's font, embedded as a subset. PDFBox 3.0 can subset TrueType-outline fonts only: Noto Sans CJK (CFF
 * outlines) fails in its subsetter and a collection cannot be embedded whole, so CJK text needs a TrueType CJK font
 * such as WenQuanYi Micro Hei (package fonts-wqy-microhei). Without one the report falls back to Latin text.
 */
final class PdfFonts {

    private static final System.Logger LOG = System.getLogger(PdfFonts.class.getName());

    /** TrueType-outline CJK fonts, as (file, font name inside a collection or null). */
    static final List<String[]> CJK = List.of(
            new String[] {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "WenQuanYiMicroHei"},
            new String[] {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYiZenHei"},
            new String[] {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", null});
    static final String LATIN = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /**
     * A loaded font and whether it can show Chinese.
     *
     * @param source the collection the font was read from, to close after the document is saved; null if none
     */
    record Loaded(PDFont font, boolean cjk, java.io.Closeable source) implements java.io.Closeable {

        @Override
        public void close() throws IOException {
            if (source != null) {
                source.close();
            }
        }
    }

    private PdfFonts() {
    }

    /** The first usable font: a CJK one when {@code wantCjk}, else (or failing that) a Latin one. */
    static Loaded load(PDDocument doc, boolean wantCjk, List<String[]> cjkCandidates) {
        if (wantCjk) {
            for (String[] candidate : cjkCandidates) {
                Loaded font = tryLoad(doc, Path.of(candidate[0]), candidate[1]);
                if (font != null) {
                    return new Loaded(font.font(), true, font.source());
                }
            }
        }
        Loaded latin = tryLoad(doc, Path.of(LATIN), null);
        return latin != null ? latin : new Loaded(new PDType1Font(Standard14Fonts.FontName.HELVETICA), false, null);
    }

    private static Loaded tryLoad(PDDocument doc, Path file, String nameInCollection) {
        if (!Files.isReadable(file)) {
            return null;
        }
        try {
            if (nameInCollection == null) {
                return new Loaded(PDType0Font.load(doc, file.toFile()), false, null);
            }
            // The collection must stay open until the document is saved (the subset is made then).
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            TrueTypeFont ttf = collection.getFontByName(nameInCollection);
            if (ttf == null) {
                collection.close();
                return null;
            }
            return new Loaded(PDType0Font.load(doc, ttf, true), true, collection);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot use font " + file + " for the shift report: " + e.getMessage());
            return null;
        }
    }
}
