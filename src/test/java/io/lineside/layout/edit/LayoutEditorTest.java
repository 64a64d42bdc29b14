package io.lineside.layout.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.layout.Box;
import io.lineside.layout.Labels;
import io.lineside.layout.Layout;
import io.lineside.layout.LayoutLoader;
import io.lineside.layout.LayoutSymbol;
import io.lineside.layout.SymbolKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Building a line from an empty layout, with undo/redo and the loader's verdict after every step. */
class LayoutEditorTest {

    private final LayoutLoader loader = new LayoutLoader();
    private final Grid grid = new Grid(10);

    private LayoutEditor emptyDemo() throws Exception {
        return new LayoutEditor(LayoutEdits.empty(loader.loadDemo()), loader, "/data/demo/layout.yaml");
    }

    @Test
    void anEmptyLayoutIsRefusedWithTheLoadersOwnMessage() throws Exception {
        LayoutEditor editor = emptyDemo();
        assertTrue(editor.problem().isPresent());
        assertTrue(editor.problem().get().message().startsWith("layout /data/demo/layout.yaml:"),
                editor.problem().get().message());
        assertTrue(editor.problem().get().message().contains("stations"), editor.problem().get().message());
        assertTrue(editor.problem().get().element().isEmpty(), "a line's problem, not an element's");
    }

    @Test
    void twoStationsAndABoundConveyorMakeALoadableLayout() throws Exception {
        LayoutEditor editor = emptyDemo();
        editor.apply("add station", l -> LayoutEdits.addStation(l, 0, 0, "load", new Box(30, 180, 170, 200)));
        editor.apply("add station", l -> LayoutEdits.addStation(l, 0, 0, "press", new Box(270, 180, 170, 200)));
        ElementRef load = ElementRef.station(0, 0, 0);
        editor.apply("add conveyor", l -> LayoutEdits.addSymbol(l, load, SymbolKind.CONVEYOR, "load-belt",
                new Box(grid.snap(203), grid.snap(268), grid.snapSize(64), grid.snapSize(14)), Labels.NONE));
        ElementRef belt = new ElementRef(0, 0, 0, 1);
        editor.apply("bind", l -> LayoutEdits.bind(l, belt, Optional.of("state")));
        assertTrue(editor.problem().isEmpty(), () -> editor.problem().get().message());
        Layout saved = editor.valid().orElseThrow();
        LayoutSymbol conveyor = saved.symbolsById().get("load-belt");
        assertEquals(new Box(200, 270, 60, 10), conveyor.box());
        assertEquals("demo/assembly/line-1/load/state", conveyor.tag().orElseThrow().toString());
        assertEquals(List.of("load", "press"), saved.stations().map(s -> s.id().station()).toList());

        editor.undo();
        assertEquals(Optional.empty(), LayoutEdits.symbol(editor.current(), belt).signal(), "undo took the binding back");
        editor.undo();
        assertEquals(1, LayoutEdits.station(editor.current(), load).symbols().size(), "and the conveyor");
        assertTrue(editor.canRedo());
        editor.redo();
        editor.redo();
        assertEquals(saved, editor.valid().orElseThrow(), "redo gives the same layout back");
        assertFalse(editor.canRedo());
    }

    @Test
    void aProblemIsShownBesideTheElementItNames() throws Exception {
        LayoutEditor editor = emptyDemo();
        editor.apply("add station", l -> LayoutEdits.addStation(l, 0, 0, "load", new Box(30, 180, 170, 200)));
        ElementRef load = ElementRef.station(0, 0, 0);
        editor.apply("add tank", l -> LayoutEdits.addSymbol(l, load, SymbolKind.TANK, "tank", new Box(40, 190, 40, 80),
                Labels.NONE));
        editor.apply("bind", l -> LayoutEdits.bind(l, new ElementRef(0, 0, 0, 1), Optional.of("level")));
        LayoutProblem problem = editor.problem().orElseThrow();
        assertEquals(Optional.of(new ElementRef(0, 0, 0, 1)), problem.element());
        assertTrue(problem.message().contains("key 'range' is missing"), problem.message());

        editor.apply("move off the plan", l -> LayoutEdits.move(l, load, 5000, 0));
        assertEquals(Optional.of(new ElementRef(0, 0, 0, ElementRef.NONE)), editor.problem().orElseThrow().element());
        assertTrue(editor.problem().get().message().contains("lies outside the plan"), editor.problem().get().message());
    }

    @Test
    void movingAStationCarriesItsSymbolsAndDeletingASymbolDropsItsConnections() throws Exception {
        Layout demo = loader.loadDemo();
        LayoutEditor editor = new LayoutEditor(demo, loader, "demo.yaml");
        ElementRef press = ElementRef.station(0, 0, 1);
        Box body = LayoutEdits.symbol(demo, new ElementRef(0, 0, 1, 0)).box();
        editor.apply("move", l -> LayoutEdits.move(l, press, 0, 20));
        assertEquals(body.offset(0, 20), LayoutEdits.symbol(editor.current(), new ElementRef(0, 0, 1, 0)).box());
        assertTrue(editor.problem().isEmpty(), () -> editor.problem().get().message());
        editor.apply("resize", l -> LayoutEdits.resize(l, press, 180, 200));
        assertEquals(180, LayoutEdits.symbol(editor.current(), new ElementRef(0, 0, 1, 0)).box().width(),
                "the body follows its station");

        editor.apply("delete", l -> LayoutEdits.delete(l, new ElementRef(0, 0, 1, 5))); // l1-press-in, a buffer
        assertTrue(editor.current().connections().stream().noneMatch(c -> c.from().equals("l1-press-in")
                || c.to().equals("l1-press-in")));
        assertTrue(editor.problem().isEmpty(), () -> editor.problem().get().message());
        editor.apply("delete station", l -> LayoutEdits.delete(l, press));
        assertTrue(editor.problem().isEmpty(), () -> editor.problem().get().message());
        editor.undo();
        editor.undo();
        editor.undo();
        editor.undo();
        assertEquals(demo, editor.current());
        assertFalse(editor.canUndo());
    }

    @Test
    void alignmentLinesUpTheTopEdges() throws Exception {
        LayoutEditor editor = emptyDemo();
        editor.apply("a", l -> LayoutEdits.addStation(l, 0, 0, "load", new Box(30, 180, 170, 200)));
        editor.apply("b", l -> LayoutEdits.addStation(l, 0, 0, "press", new Box(270, 230, 170, 200)));
        editor.apply("align", l -> LayoutEdits.alignTop(l, List.of(ElementRef.station(0, 0, 0),
                ElementRef.station(0, 0, 1))));
        assertEquals(180, LayoutEdits.station(editor.current(), ElementRef.station(0, 0, 1)).box().y());
    }
}
