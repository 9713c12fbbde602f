package dev.incidex.web;

import dev.incidex.catalog.Vendor;
import dev.incidex.incident.Durations;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentLinks;
import dev.incidex.incident.LagBreakdown;
import dev.incidex.incident.Provenance;
import dev.incidex.incident.VendorLag;
import java.util.List;

/**
 * What an incident page shows beside its own timeline (issue 12): the sources it was seen through,
 * its ties to other vendors' incidents, the vendor-stated impact and the lag breakdown.
 */
public record IncidentContext(
        List<Provenance.SourceSeen> sources, IncidentLinks.Ties ties, LagBreakdown lag, String statedImpact) {

    static IncidentContext of(Incident incident, IncidentLinks links) {
        return new IncidentContext(
                Provenance.of(incident),
                links.of(incident),
                LagBreakdown.of(incident),
                incident.statedDuration().map(Durations::format).orElse(null));
    }

    /** A vendor page's dependency map and how long the vendor takes to admit an outage. */
    public record VendorContext(
            List<Vendor> upstreams, List<Vendor> downstreams, String admissionMedian, int admissionOver) {

        static VendorContext of(Vendor vendor, IncidentLinks links, VendorLag lag) {
            VendorLag.Median median = lag.admission(vendor);
            return new VendorContext(
                    links.upstreamVendors(vendor),
                    links.downstreamVendors(vendor),
                    median.median().map(Durations::format).orElse(null),
                    median.incidents());
        }
    }
}
