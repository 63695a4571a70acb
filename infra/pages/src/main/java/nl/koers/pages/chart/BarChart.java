package nl.koers.pages.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart of shares (0 to 1), laid out on the server for an inline SVG (template fragment
 * {@code charts :: bars}). Each bar prints its label and figure, so the chart reads without colour; a bar
 * without a share (a count below 5 or withheld) is drawn as an empty track with its figure.
 */
public record BarChart(String title, int width, int height, List<Bar> bars) {
    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 250;
    static final int TRACK_WIDTH = 290;
    static final int ROW = 34;
    static final int BAR = 22;

    /** One bar as given: its label, the figure to print ("12 (40%)", "<5") and its share, or null. */
    public record Input(String label, String figure, Double share) {
    }

    /** One bar laid out: where its label, track, bar and figure go. */
    public record Bar(String label, String figure, double y, double textY, int labelWidth, int trackX,
                      int trackWidth, double barWidth, int figureX, boolean drawn) {
    }

    public static BarChart of(String title, List<Input> inputs) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            double y = 6 + i * ROW;
            boolean drawn = input.share() != null;
            double width = drawn ? Math.round(Math.max(0, Math.min(1, input.share())) * TRACK_WIDTH * 10) / 10.0 : 0;
            bars.add(new Bar(input.label(), input.figure(), y, y + BAR / 2.0, LABEL_WIDTH - 10, LABEL_WIDTH,
                    TRACK_WIDTH, width, LABEL_WIDTH + TRACK_WIDTH + 10, drawn));
        }
        return new BarChart(title, WIDTH, 12 + inputs.size() * ROW, bars);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    public int barHeight() {
        return BAR;
    }
}
