package io.lineside.shifts.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A4 pages drawn top-down: a cursor {@link #y} that moves down, text that never fails on a glyph the font lacks
 * (shown as '?'), lines and filled boxes. One report at a time; not thread-safe.
 */
final class PdfCanvas implements AutoCloseable {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 40;
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x6b, 0x6b, 0x6b);
    static final Color RULE = new Color(0xc8, 0xc8, 0xc8);
    static final Color BAR = new Color(0x4a, 0x6f, 0x96);
    static final Color LINE = new Color(0xb0, 0x5a, 0x1e);
    static final Color ALARM = new Color(0x8f, 0x0b, 0x21);
    static final Color SHADE = new Color(0xee, 0xf0, 0xf3);

    private final PDDocument doc;
    private final PDFont font;
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private PDPageContentStream out;
    private int pages;
    /** Where the next thing is drawn, from the bottom of the page (PDF coordinates). */
    float y;

    PdfCanvas(PDDocument doc, PDFont font) {
        this.doc = doc;
        this.font = font;
    }

    int pages() {
        return pages;
    }

    void newPage() throws IOException {
        close();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        pages++;
        y = HEIGHT - MARGIN;
    }

    /** Starts a new page unless {@code height} still fits above the bottom margin. */
    void need(float height) throws IOException {
        if (out == null || y - height < MARGIN + 14) {
            newPage();
        }
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(printable(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(float x, float baseline, float size, Color color, String text) throws IOException {
        out.beginText();
        out.setNonStrokingColor(color);
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(printable(text));
        out.endText();
    }

    /**
     * Draws {@code text} from the cursor down, wrapped to {@code maxWidth} (at spaces; a word longer than the line,
     * or CJK text without spaces, is broken between characters), moving {@link #y} below it and starting a new page
     * when a line would cross the bottom margin. Nothing runs off the page.
     */
    void paragraph(float x, float size, float leading, Color color, String text, float maxWidth) throws IOException {
        for (String line : wrap(text, size, maxWidth)) {
            need(leading);
            text(x, y, size, color, line);
            y -= leading;
        }
    }

    /** The lines {@link #paragraph} draws. */
    java.util.List<String> wrap(String text, float size, float maxWidth) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); ) { // break a word too long for a line between characters
                int cp = word.codePointAt(i);
                String next = line.toString() + new String(Character.toChars(cp));
                if (!line.isEmpty() && width(next, size) > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                    continue;
                }
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    void textRight(float right, float baseline, float size, Color color, String text) throws IOException {
        text(right - width(text, size), baseline, size, color, text);
    }

    void line(float x1, float y1, float x2, float y2, Color color, float width) throws IOException {
        out.setStrokingColor(color);
        out.setLineWidth(width);
        out.moveTo(x1, y1);
        out.lineTo(x2, y2);
        out.stroke();
    }

    void box(float x, float yBottom, float w, float h, Color color) throws IOException {
        out.setNonStrokingColor(color);
        out.addRect(x, yBottom, w, h);
        out.fill();
    }

    /** A polyline through {@code xs}/{@code ys}. */
    void polyline(float[] xs, float[] ys, Color color, float width) throws IOException {
        if (xs.length < 2) {
            return;
        }
        out.setStrokingColor(color);
        out.setLineWidth(width);
        out.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            out.lineTo(xs[i], ys[i]);
        }
        out.stroke();
    }

    /** The text with every character the font cannot show replaced by '?', so one odd name never fails a report. */
    String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> b.appendCodePoint(encodable.computeIfAbsent(cp, this::canEncode) ? cp : '?'));
        return b.toString();
    }

    private boolean canEncode(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
