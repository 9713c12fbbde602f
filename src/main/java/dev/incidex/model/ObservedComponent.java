package dev.incidex.model;

import java.time.Instant;

/**
 * One of a vendor's components and its status now, as one document lists it: what an adapter returns
 * beside the incidents, and what the vendor page shows first. Vendor text is bounded here, once.
 *
 * @param key the vendor's id for it when the format gives one, else its group and name
 * @param name what the vendor calls it
 * @param group the vendor's group it belongs to, or null
 * @param status its status on the shared scale
 * @param vendorStatus the vendor's own word for it, bounded
 * @param updatedAt when the vendor last changed it, or null when the format does not say
 */
public record ObservedComponent(
        String key, String name, String group, ComponentStatus status, String vendorStatus, Instant updatedAt) {

    public static final int NAME_MAX = 200;
    public static final int WORD_MAX = 40;

    public ObservedComponent {
        name = bounded(name, NAME_MAX);
        group = bounded(group, NAME_MAX);
        vendorStatus = bounded(vendorStatus, WORD_MAX);
        if (name == null) {
            throw new IllegalArgumentException("a component has a name");
        }
        status = status == null ? ComponentStatus.UNKNOWN : status;
        key = bounded(key == null || key.isBlank() ? (group == null ? "" : group + " / ") + name : key, NAME_MAX);
    }

    /** A component whose status is read from the vendor's own word. */
    public static ObservedComponent of(String key, String name, String group, String vendorWord, Instant updatedAt) {
        return new ObservedComponent(key, name, group, ComponentStatus.fromWord(vendorWord), vendorWord, updatedAt);
    }

    /** Trimmed, control characters dropped, cut to {@code max} characters; null when nothing is left. */
    private static String bounded(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = s.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() > max ? clean.substring(0, max - 1) + "…" : clean;
    }
}
