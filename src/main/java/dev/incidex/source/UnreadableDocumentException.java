package dev.incidex.source;

/** A fetched body that is not the format its source promises; the message is shown to users. */
public class UnreadableDocumentException extends Exception {

    public UnreadableDocumentException(String message) {
        super(message);
    }

    public UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
