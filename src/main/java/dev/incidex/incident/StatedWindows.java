package dev.incidex.incident;

import dev.incidex.model.StatedWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps an incident's vendor-stated impact window current: each update's text is read with
 * {@link StatedWindow}, oldest first, and the newest statement of a start or an end wins (vendors
 * correct themselves: "Start time" moves earlier as they learn more).
 */
@ApplicationScoped
public class StatedWindows {

    /** Sets the stated start and end from the timeline; true when either changed. */
    public boolean apply(Incident incident) {
        Instant start = null;
        Instant end = null;
        for (IncidentUpdate u : incident.updates) {
            StatedWindow.Window w = StatedWindow.read(u.bodyText, u.postedAt);
            start = w.start() != null ? w.start() : start;
            end = w.end() != null ? w.end() : end;
        }
        if (Objects.equals(start, incident.statedStart) && Objects.equals(end, incident.statedEnd)) {
            return false;
        }
        incident.statedStart = start;
        incident.statedEnd = end;
        return true;
    }
}
