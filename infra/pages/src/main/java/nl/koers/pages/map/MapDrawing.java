package nl.koers.pages.map;

import java.util.List;

/**
 * A map ready for a template: the SVG size, one shape per wijk and the legend of the shades used. Shades are CSS
 * classes ({@code shade-1} … {@code shade-4}, light to dark, and {@code unshaded}: hatched, never a colour), so
 * the page's stylesheet decides colours and the hatching tells "not shaded" apart without colour.
 */
public record MapDrawing(int width, int height, List<Shape> shapes, List<Step> legend, boolean anyUnshaded) {

    /** A wijk as an SVG path in map coordinates, with where to print its figure. */
    public record Shape(String code, String name, String path, double labelX, double labelY, String figure,
                        String shade, String title) {
    }

    /** A shade and the range of values it stands for ({@code from} exclusive except for the first step). */
    public record Step(String shade, double from, double to) {
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }
}
