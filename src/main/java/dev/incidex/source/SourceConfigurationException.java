package dev.incidex.source;

/** A source cannot be polled as configured (a missing token, an unusable URL); the message says what to set. */
public class SourceConfigurationException extends RuntimeException {

    public SourceConfigurationException(String message) {
        super(message);
    }
}
