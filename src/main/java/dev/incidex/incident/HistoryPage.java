package dev.incidex.incident;

import java.util.List;

/** One page of history, newest first, and the cursor of the next page (null on the last one). */
public record HistoryPage(List<Incident> incidents, HistoryCursor next) {}
