package io.lineside.ui.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.stations.StationCatalog;
import io.lineside.stations.browse.TagBrowser;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** 500 tags changing at 10 Hz for 3 s: the selected row, the scroll position and the filter text stay put. */
class TagBrowserTenHertzTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void selectionScrollAndFilterSurviveTenUpdatesASecond() throws Exception {
        TagStore store = new TagStore();
        List<TagPath> paths = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            TagPath p = TagPath.parse(String.format("s/a/l/st%03d/temp", i));
            paths.add(p);
            store.apply(new TagUpdate(p, TagValue.good(i, T0, T0, 0)));
        }
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        TagBrowserViewModel model = new TagBrowserViewModel(new TagBrowser(store,
                StationCatalog.generic(List.of(), store), TagBrowser.Sources.none()), () -> true, texts);
        AtomicReference<TableView<TagRow>> table = new AtomicReference<>();
        run(() -> {
            model.pulse(T0);
            TagBrowserView view = new TagBrowserView(model, texts);
            Parent root = new ViewLoader(texts::bundle, Map.of(TagBrowserView.class, () -> view))
                    .load(TagBrowserView.class);
            new Scene(root, 1280, 800);
            root.applyCss();
            root.layout();
            table.set(view.table());
            model.filterTextProperty().set("temp");
            model.pulse(T0);
            table.get().scrollTo(300);
            table.get().getSelectionModel().select(310);
            root.layout();
        });
        TagRow selected = table.get().getSelectionModel().getSelectedItem();
        int firstVisible = firstVisible(table.get());
        assertTrue(firstVisible > 250, "scrolled down: " + firstVisible);
        for (int tick = 1; tick <= 30; tick++) { // 3 s at 10 Hz, on the pulse's clock
            Instant now = T0.plusMillis(100L * tick);
            for (int i = 0; i < paths.size(); i++) {
                store.apply(new TagUpdate(paths.get(i), TagValue.good(i + tick * 0.5, now, now, tick)));
            }
            run(() -> {
                model.pulse(now);
                table.get().layout();
            });
        }
        assertSame(selected, table.get().getSelectionModel().getSelectedItem(), "the same row object stays selected");
        assertEquals(firstVisible, firstVisible(table.get()), "the scroll position stays");
        assertEquals("temp", model.filterTextProperty().get());
        assertEquals("325.0", selected.valueProperty().get(), "its value moved on in place (310 + 30 x 0.5)");
        assertTrue(model.detailsProperty().get().contains("325.0"), model.detailsProperty().get());
        model.dispose();
        assertEquals(0, store.readerCount());
    }

    private static int firstVisible(TableView<TagRow> table) throws Exception {
        AtomicReference<Integer> index = new AtomicReference<>();
        run(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            IndexedCell<?> cell = flow.getFirstVisibleCell();
            index.set(cell == null ? -1 : cell.getIndex());
        });
        return index.get();
    }

    private static void run(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }
}
