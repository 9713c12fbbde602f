package dev.incidex.model;

import java.time.Instant;

/**
 * One update of an incident's timeline as a document shows it.
 *
 * @param vendorKey the vendor's own id for the update, or null when the format has none (feeds)
 * @param status where the incident stood with this update
 * @param vendorStatus the vendor's own word for it ("Update", "Watching", …), kept for display
 * @param at the time the vendor displays for the update
 * @param exactTime true when {@code at} carries seconds; feeds often print minutes only
 * @param text the update's text, already sanitized
 * @param createdAt when the vendor created it, for formats that tell it apart from {@code at} (Statuspage's
 *     {@code created_at}); null otherwise. A display time before it is a back-dated update.
 */
public record ObservedUpdate(
        String vendorKey,
        IncidentStatus status,
        String vendorStatus,
        Instant at,
        boolean exactTime,
        VendorText text,
        Instant createdAt) {

    /** An update whose format has one time only. */
    public ObservedUpdate(
            String vendorKey,
            IncidentStatus status,
            String vendorStatus,
            Instant at,
            boolean exactTime,
            VendorText text) {
        this(vendorKey, status, vendorStatus, at, exactTime, text, null);
    }
}
