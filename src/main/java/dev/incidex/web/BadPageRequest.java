package dev.incidex.web;

/** A page asked for with parameters it cannot use; shown to the reader as a 400 page saying which and why. */
public class BadPageRequest extends RuntimeException {

    public BadPageRequest(String message) {
        super(message);
    }
}
