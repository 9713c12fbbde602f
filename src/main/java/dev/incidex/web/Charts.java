package dev.incidex.web;

import dev.incidex.incident.VendorStats;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out the vendor page's two small SVG charts on the server: the coordinates of each bar and
 * cell, and the words of every label and tooltip, so the page needs no script to draw them.
 */
final class Charts {

    /** The monthly chart's viewBox; the CSS scales it to the page. */
    static final int WIDTH = 360;

    static final int HEIGHT = 150;
    private static final int LABELS = 16;
    private static final int COUNT_SPACE = 14;
    private static final int SLOT = WIDTH / VendorStats.MONTHS;

    private static final int CELL = 4;

    private Charts() {}

    /** One month's bar with its count above it and the month's name below. */
    record Bar(int x, int y, int width, int height, int centre, int countY, long count, String label, String title) {}

    record MonthChart(String title, List<Bar> bars, int width, int height, int baseline, int labelY) {}

    /** One day of the strip: where its cell is, its colour class and its tooltip. */
    record Cell(int x, String impact, String title) {}

    record DayStrip(String title, List<Cell> cells, int width, int height) {}

    static MonthChart months(String vendorName, List<VendorStats.Month> months) {
        long max = Math.max(
                1, months.stream().mapToLong(VendorStats.Month::incidents).max().orElse(0));
        int baseline = HEIGHT - LABELS;
        int room = baseline - COUNT_SPACE;
        List<Bar> bars = new ArrayList<>();
        long total = 0;
        for (int k = 0; k < months.size(); k++) {
            VendorStats.Month m = months.get(k);
            total += m.incidents();
            int height = (int) Math.round((double) room * m.incidents() / max);
            if (m.incidents() > 0 && height < 2) {
                height = 2;
            }
            int x = k * SLOT + 4;
            String name = m.month().getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " "
                    + m.month().getYear();
            bars.add(new Bar(
                    x,
                    baseline - height,
                    SLOT - 8,
                    height,
                    x + (SLOT - 8) / 2,
                    baseline - height - 3,
                    m.incidents(),
                    m.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.US),
                    name + ": " + m.incidents() + (m.incidents() == 1 ? " incident" : " incidents")));
        }
        String title = "Incidents per month at " + vendorName + " over the last 12 months (" + total + " in all)";
        return new MonthChart(title, bars, WIDTH, HEIGHT, baseline, HEIGHT - 4);
    }

    /**
     * @param watchedFrom the first day Incidex polled the vendor successfully, null if it never has: a quiet day
     *        before it is not known to be quiet
     * @param failingFrom the first day of the vendor's current source failure, null when a source works: quiet days
     *        since then are not known to be quiet either
     */
    static DayStrip days(
            String vendorName,
            List<VendorStats.Day> days,
            java.time.LocalDate watchedFrom,
            java.time.LocalDate failingFrom) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
        List<Cell> cells = new ArrayList<>();
        long withIncidents = 0;
        for (int d = 0; d < days.size(); d++) {
            VendorStats.Day day = days.get(d);
            String impact;
            String title;
            if (!day.any() && (watchedFrom == null || day.date().isBefore(watchedFrom))) {
                impact = "unwatched";
                title = format.format(day.date()) + ": not watched by Incidex yet";
            } else if (!day.any() && failingFrom != null && !day.date().isBefore(failingFrom)) {
                impact = "failing";
                title = format.format(day.date()) + ": the vendor's sources were failing";
            } else if (!day.any()) {
                impact = "quiet";
                title = format.format(day.date()) + ": no incidents";
            } else {
                withIncidents++;
                impact = Display.impactCode(day.worst());
                title = format.format(day.date()) + ": " + day.incidents()
                        + (day.incidents() == 1 ? " incident" : " incidents") + ", worst "
                        + (day.worst() == null ? "impact unknown" : day.worst().label());
            }
            cells.add(new Cell(d * CELL, impact, title));
        }
        String title = vendorName + ": " + withIncidents + " of the last " + days.size() + " days had incidents";
        return new DayStrip(title, cells, days.size() * CELL, 24);
    }
}
