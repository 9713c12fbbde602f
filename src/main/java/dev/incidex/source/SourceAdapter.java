package dev.incidex.source;

import dev.incidex.fetch.Authorization;
import dev.incidex.model.ObservedComponent;
import dev.incidex.model.ObservedIncident;
import java.net.URI;
import java.util.List;

/**
 * Reads one vendor format: turns a fetched document into observed incidents.
 * Adapters do no HTTP and touch no database; a new format is one new bean implementing this.
 */
public interface SourceAdapter {

    /** The catalog {@code kind} this adapter reads, e.g. {@code statuspage}. */
    String kind();

    /**
     * The documents to fetch for a source. Feeds are one document; platforms with an API derive
     * their endpoints from the status page's base URL.
     */
    default List<URI> documents(SourceSettings source) {
        return documents(source.url());
    }

    /** The documents to fetch for a source whose catalog URL is {@code sourceUrl}. */
    default List<URI> documents(URI sourceUrl) {
        return List.of(sourceUrl);
    }

    /**
     * True for a document some of this kind's pages do not publish (a Statuspage page without
     * {@code scheduled-maintenances.json}, an incident.io page without its widget endpoint): when it
     * answers "not found" the source is read from its other documents and stays healthy, with a note.
     */
    default boolean optional(URI document) {
        return false;
    }

    /**
     * True for a document that lists every incident of its kind since the oldest one it shows (a Statuspage
     * {@code incidents.json}: the newest 50, any status), with ids that never change: one it stops listing
     * while it still lists older ones was removed by the vendor. False for documents of open incidents only
     * and for feeds, whose keys may churn.
     */
    default boolean listsEverySince(URI document) {
        return false;
    }

    /**
     * Reads one fetched document.
     *
     * @throws UnreadableDocumentException when the body is not this format (an HTML page where JSON
     *     was expected, a truncated feed, …): the source is then marked failing and nothing is changed
     */
    List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException;

    /**
     * Reads one fetched document with everything it tells: the incidents, and the vendor's components now
     * when the document lists them. Formats that carry components override this (and answer {@link #read}
     * from it); the poller calls only this.
     */
    default Reading readAll(FetchedDocument document) throws UnreadableDocumentException {
        return new Reading(read(document), null);
    }

    /**
     * What one document tells.
     *
     * @param incidents the incidents and maintenances it shows
     * @param components the vendor's components and their status now, as this document lists them
     *     (an empty list: it lists none now), or null when this document says nothing about components
     */
    record Reading(List<ObservedIncident> incidents, List<ObservedComponent> components) {
        public Reading {
            incidents = incidents == null ? List.of() : List.copyOf(incidents);
            components = components == null ? null : List.copyOf(components);
        }
    }

    /**
     * Documents fetched only for the components (Statuspage's {@code components.json}), beside
     * {@link #documents}. Not every page serves one, so one that cannot be fetched or read does not fail the
     * source: its stored components are kept as they were.
     */
    default List<URI> componentDocuments(SourceSettings source) {
        return List.of();
    }

    /**
     * How the fetch stage proves who is asking for this source's documents, or null for public
     * documents. The secrets come from configuration, never from the catalog.
     *
     * @throws SourceConfigurationException when the source needs credentials that are not configured:
     *     the source then fails with the message and no request is sent
     */
    default Authorization authorization(SourceSettings source) {
        return null;
    }

    /**
     * The source's cursor after reading {@code document} without error: what the next poll's
     * {@link #documents(SourceSettings)} starts from (e.g. the newest post id seen, for {@code since_id}).
     * The poller stores it only once what was read is merged. By default there is no cursor.
     */
    default String cursorAfter(FetchedDocument document, String cursor) {
        return cursor;
    }

    /**
     * Older history a newly added source can import once, beyond what its regular documents carry
     * (a Statuspage's HTML history pages reach further back than its API's 50 incidents), or empty.
     * The poller walks it through the same fetch and merge as every poll, within its own bounds.
     */
    default java.util.Optional<History> history(SourceSettings source) {
        return java.util.Optional.empty();
    }

    /** How to read a source's older history: where it starts, and what each page holds and links to. */
    interface History {

        /** The first pages to fetch. */
        List<URI> start();

        /**
         * Reads one fetched history page: the incidents it shows, and the further pages it links to
         * (older listing pages, each incident's own page).
         */
        Page read(FetchedDocument document) throws UnreadableDocumentException;

        record Page(List<ObservedIncident> incidents, List<URI> links) {}
    }
}
