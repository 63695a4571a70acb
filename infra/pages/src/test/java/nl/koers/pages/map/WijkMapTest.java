package nl.koers.pages.map;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WijkMapTest {
    private static final WijkMap MAP = new WijkMap();
    private static final Pattern POINT = Pattern.compile("[ML](-?[0-9.]+),(-?[0-9.]+)");

    /** Rotterdam-Zuid (FA03): Feijenoord, Charlois, IJsselmonde. */
    private static final List<MapArea> ROTTERDAM_ZUID = List.of(
            new MapArea("WK059910", "Feijenoord", "12", 0.16, "Feijenoord: 12 actief"),
            new MapArea("WK059912", "IJsselmonde", "<5", null, "IJsselmonde: <5"),
            new MapArea("WK059915", "Charlois", "6", 0.10, "Charlois: 6 actief"));

    @Test
    void everyWijkIsOnePathInsideTheDrawing() {
        MapDrawing drawing = MAP.draw(ROTTERDAM_ZUID);

        assertThat(drawing.shapes()).extracting(MapDrawing.Shape::code)
                .containsExactly("WK059910", "WK059912", "WK059915");
        assertThat(Math.max(drawing.width(), drawing.height())).isBetween(WijkMap.SIZE - 2, WijkMap.SIZE + 2);
        for (MapDrawing.Shape shape : drawing.shapes()) {
            assertThat(shape.path()).startsWith("M").endsWith("Z");
            Matcher points = POINT.matcher(shape.path());
            int count = 0;
            while (points.find()) {
                count++;
                assertThat(Double.parseDouble(points.group(1))).isBetween(0.0, (double) drawing.width());
                assertThat(Double.parseDouble(points.group(2))).isBetween(0.0, (double) drawing.height());
            }
            assertThat(count).isGreaterThan(3);
            assertThat(shape.labelX()).isBetween(0.0, (double) drawing.width());
            assertThat(shape.labelY()).isBetween(0.0, (double) drawing.height());
        }
    }

    @Test
    void northIsUpAndWestIsLeft() {
        // Feijenoord lies on the Maas, north of Charlois; Charlois lies west of IJsselmonde.
        MapDrawing drawing = MAP.draw(ROTTERDAM_ZUID);
        MapDrawing.Shape feijenoord = drawing.shapes().get(0);
        MapDrawing.Shape ijsselmonde = drawing.shapes().get(1);
        MapDrawing.Shape charlois = drawing.shapes().get(2);

        assertThat(feijenoord.labelY()).isLessThan(charlois.labelY());
        assertThat(charlois.labelX()).isLessThan(ijsselmonde.labelX());
    }

    @Test
    void aWijkWithoutAValueIsHatchedAndTheOthersAreShadedByTheirShareOfTheHighest() {
        MapDrawing drawing = MAP.draw(ROTTERDAM_ZUID);

        assertThat(drawing.shapes()).extracting(MapDrawing.Shape::shade)
                .containsExactly("shade-4", "unshaded", "shade-3");
        assertThat(drawing.anyUnshaded()).isTrue();
        assertThat(drawing.legend()).extracting(MapDrawing.Step::shade)
                .containsExactly("shade-1", "shade-2", "shade-3", "shade-4");
        assertThat(drawing.legend().get(3).to()).isEqualTo(0.16);
        assertThat(drawing.shapes().get(1).figure()).isEqualTo("<5");
        assertThat(drawing.shapes().get(1).title()).isEqualTo("IJsselmonde: <5");
    }

    @Test
    void withNothingToShadeThereIsNoColourLegend() {
        MapDrawing drawing = MAP.draw(List.of(new MapArea("WK034403", "Overvecht", "<5", null, "Overvecht")));

        assertThat(drawing.legend()).isEmpty();
        assertThat(drawing.shapes().get(0).shade()).isEqualTo("unshaded");
    }

    @Test
    void aMultiPolygonWijkIsDrawnWithEachOfItsParts() {
        MapDrawing drawing = MAP.draw(List.of(new MapArea("WK167408", "Roosendaal 08", "0", 0.0, "x")));

        assertThat(drawing.shapes().get(0).path().chars().filter(c -> c == 'M').count()).isGreaterThan(1);
    }

    @Test
    void everyFocusAreaWijkHasABoundaryAndAnUnknownCodeIsRefused() {
        assertThat(MAP.knows("WK0363TA")).isTrue();
        assertThat(MAP.knows("WK999999")).isFalse();
        assertThatThrownBy(() -> MAP.draw(List.of(new MapArea("WK999999", "?", "0", 0.0, "?"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
