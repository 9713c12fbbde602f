package dev.incidex.catalog;

/**
 * Fired after the stored vendors and sources were made to match a catalog: what later stages keep of the
 * sources' settings (the incident-id patterns, say) is read again.
 */
public record CatalogApplied(String origin) {}
