package dev.incidex.incident;

import dev.incidex.catalog.Vendor;
import java.util.Locale;

/** A vendor's state now: open incidents, all clear, or unknown while none of its sources has answered. */
public enum VendorState {
    ONGOING,
    OPERATIONAL,
    UNKNOWN;

    public static VendorState of(Vendor vendor, long openIncidents) {
        return of(vendor.hasAnswered(), openIncidents);
    }

    /** The same from whether any of the vendor's sources has ever answered well, for lists read without entities. */
    public static VendorState of(boolean answered, long openIncidents) {
        if (openIncidents > 0) {
            return ONGOING;
        }
        return answered ? OPERATIONAL : UNKNOWN;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
