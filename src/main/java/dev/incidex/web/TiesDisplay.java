package dev.incidex.web;

import dev.incidex.incident.Durations;
import dev.incidex.incident.IncidentLinks;
import dev.incidex.incident.IncidentUpdate;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;

/** How pages word provenance, ties between vendors' incidents and lags (issue 12's blocks). */
@TemplateExtension
public class TiesDisplay {

    /** A duration as every page prints it ("22h 7m"); "—" for none. */
    static String text(Duration duration) {
        return duration == null ? "—" : Durations.format(duration);
    }

    /** Why a cause or a downstream incident is listed: always an inference, with what it rests on. */
    static String evidence(IncidentLinks.Link link) {
        return switch (link.reason()) {
            case QUOTES -> "inferred from the id match: this incident's text quotes " + link.key();
            case QUOTED_BY -> "inferred from the id match: its text quotes " + link.key();
            case OVERLAPS -> "inferred from timing only: it overlaps this incident";
        };
    }

    /** The source kinds an update was seen through, first seen first: "statuspage, rss, atom". */
    static String seenThrough(IncidentUpdate update) {
        return String.join(
                ", ", update.sightings.stream().map(s -> s.source.kind).toList());
    }
}
