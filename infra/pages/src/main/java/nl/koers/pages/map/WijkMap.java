package nl.koers.pages.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws CBS 2024 wijken as SVG paths on the server, from the generalised boundaries in
 * {@code reference/cbs-wijken-2024.geojson} (WGS84 lon/lat). The projection is equirectangular around the drawn
 * wijken' middle latitude (longitude scaled by its cosine): at city scale that keeps shapes true to within a
 * fraction of a percent, and north stays up. Shading divides the range from 0 to the highest value into four
 * equal steps; a wijk without a value is hatched instead.
 */
@Component
public class WijkMap {
    static final int SIZE = 560;
    static final int PADDING = 12;
    static final int STEPS = 4;
    static final String UNSHADED = "unshaded";
    private final Map<String, List<double[][]>> rings;

    public WijkMap() {
        this.rings = load("/reference/cbs-wijken-2024.geojson");
    }

    public boolean knows(String code) {
        return rings.containsKey(code);
    }

    public MapDrawing draw(List<MapArea> areas) {
        double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
        for (MapArea area : areas) {
            for (double[][] ring : ringsOf(area.code())) {
                for (double[] point : ring) {
                    minLon = Math.min(minLon, point[0]);
                    maxLon = Math.max(maxLon, point[0]);
                    minLat = Math.min(minLat, point[1]);
                    maxLat = Math.max(maxLat, point[1]);
                }
            }
        }
        double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * cos, 1e-9);
        double spanY = Math.max(maxLat - minLat, 1e-9);
        double scale = (SIZE - 2 * PADDING) / Math.max(spanX, spanY);
        int width = (int) Math.ceil(spanX * scale) + 2 * PADDING;
        int height = (int) Math.ceil(spanY * scale) + 2 * PADDING;
        Projection projection = new Projection(minLon, maxLat, cos, scale);

        double max = areas.stream().filter(a -> a.value() != null).mapToDouble(MapArea::value).max().orElse(0);
        List<MapDrawing.Shape> shapes = new ArrayList<>();
        for (MapArea area : areas) {
            StringBuilder path = new StringBuilder();
            double[] label = null;
            double largest = -1;
            for (double[][] ring : ringsOf(area.code())) {
                double[][] projected = new double[ring.length][];
                for (int i = 0; i < ring.length; i++) {
                    projected[i] = projection.apply(ring[i]);
                    path.append(i == 0 ? "M" : "L").append(format(projected[i][0])).append(',')
                            .append(format(projected[i][1]));
                }
                path.append('Z');
                double[] centroid = centroid(projected);
                if (centroid[2] > largest) {
                    largest = centroid[2];
                    label = centroid;
                }
            }
            shapes.add(new MapDrawing.Shape(area.code(), area.name(), path.toString(), round(label[0]),
                    round(label[1]), area.figure(), shade(area.value(), max), area.title()));
        }
        boolean anyUnshaded = areas.stream().anyMatch(a -> a.value() == null);
        return new MapDrawing(width, height, shapes, legend(max, areas), anyUnshaded);
    }

    static String shade(Double value, double max) {
        if (value == null) {
            return UNSHADED;
        }
        if (max <= 0) {
            return "shade-1";
        }
        int step = (int) Math.min(STEPS - 1, Math.floor(value / max * STEPS));
        return "shade-" + (step + 1);
    }

    private static List<MapDrawing.Step> legend(double max, List<MapArea> areas) {
        if (areas.stream().noneMatch(a -> a.value() != null)) {
            return List.of();
        }
        if (max <= 0) {
            return List.of(new MapDrawing.Step("shade-1", 0, 0));
        }
        List<MapDrawing.Step> steps = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            steps.add(new MapDrawing.Step("shade-" + (i + 1), max * i / STEPS, max * (i + 1) / STEPS));
        }
        return steps;
    }

    private List<double[][]> ringsOf(String code) {
        List<double[][]> found = rings.get(code);
        if (found == null) {
            throw new IllegalArgumentException("no 2024 boundary for wijk " + code);
        }
        return found;
    }

    /** Area-weighted centroid of a closed ring (shoelace); {x, y, |area|}. Falls back to the mean for slivers. */
    static double[] centroid(double[][] ring) {
        double area = 0, cx = 0, cy = 0;
        for (int i = 0; i < ring.length - 1; i++) {
            double cross = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
            area += cross;
            cx += (ring[i][0] + ring[i + 1][0]) * cross;
            cy += (ring[i][1] + ring[i + 1][1]) * cross;
        }
        if (Math.abs(area) < 1e-9) {
            double sx = 0, sy = 0;
            for (double[] p : ring) {
                sx += p[0];
                sy += p[1];
            }
            return new double[]{sx / ring.length, sy / ring.length, 0};
        }
        return new double[]{cx / (3 * area), cy / (3 * area), Math.abs(area / 2)};
    }

    private record Projection(double minLon, double maxLat, double cos, double scale) {
        double[] apply(double[] lonLat) {
            return new double[]{PADDING + (lonLat[0] - minLon) * cos * scale, PADDING + (maxLat - lonLat[1]) * scale};
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static Map<String, List<double[][]>> load(String resource) {
        try (InputStream in = WijkMap.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("wijk boundaries missing from the class path: " + resource);
            }
            Map<String, List<double[][]>> byCode = new HashMap<>();
            for (JsonNode feature : new ObjectMapper().readTree(in).get("features")) {
                JsonNode geometry = feature.get("geometry");
                List<JsonNode> polygons = new ArrayList<>();
                if ("MultiPolygon".equals(geometry.get("type").asText())) {
                    geometry.get("coordinates").forEach(polygons::add);
                } else {
                    polygons.add(geometry.get("coordinates"));
                }
                List<double[][]> wijkRings = new ArrayList<>();
                for (JsonNode polygon : polygons) {
                    for (JsonNode ring : polygon) {
                        double[][] points = new double[ring.size()][];
                        for (int i = 0; i < ring.size(); i++) {
                            points[i] = new double[]{ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
                        }
                        wijkRings.add(points);
                    }
                }
                byCode.put(feature.get("properties").get("wijk_code").asText(), List.copyOf(wijkRings));
            }
            return Map.copyOf(byCode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
