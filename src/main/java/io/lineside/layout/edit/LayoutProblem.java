package io.lineside.layout.edit;

import io.lineside.config.ConfigException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loader's refusal of an edited layout, with the element it names (the message's
 * {@code areas[i].lines[j].stations[k].symbols[m]} place), so the editor shows it beside that element.
 *
 * @param element the station or symbol named, or empty when the problem is the layout's, a line's or a connection's
 * @param message the loader's own message, as the engineer would see it at the next start
 */
public record LayoutProblem(Optional<ElementRef> element, String message) {

    private static final Pattern PLACE = Pattern.compile(
            "areas\\[(\\d+)]\\.lines\\[(\\d+)]\\.stations\\[(\\d+)](?: \\([^)]*\\))?(?:\\.symbols\\[(\\d+)])?");

    static LayoutProblem of(ConfigException e) {
        Matcher m = PLACE.matcher(e.getMessage());
        if (!m.find()) {
            return new LayoutProblem(Optional.empty(), e.getMessage());
        }
        int symbol = m.group(4) == null ? ElementRef.NONE : Integer.parseInt(m.group(4));
        return new LayoutProblem(Optional.of(new ElementRef(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), symbol)), e.getMessage());
    }
}
