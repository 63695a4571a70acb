package nl.koers.pages.map;

/**
 * One wijk to draw: its CBS 2024 code, name, the figure printed on it ({@code "<5"}, {@code "12"}), the value
 * that shades it ({@code null}: not shaded, e.g. a suppressed count) and the tooltip ({@code <title>}).
 */
public record MapArea(String code, String name, String figure, Double value, String title) {
}
