package dev.incidex.fetch;

import java.net.URI;

/**
 * How a source proves who is asking. Secrets never appear in {@code toString}, error messages or logs.
 */
public sealed interface Authorization {

    /** A fixed token from configuration, sent as {@code Authorization: Bearer …} (X API). */
    record Bearer(String token) implements Authorization {
        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }

    /**
     * An OAuth 2.0 client-credentials grant (Microsoft Graph): a token is obtained from
     * {@code tokenUrl} and cached until shortly before it expires.
     */
    record ClientCredentials(URI tokenUrl, String clientId, String clientSecret, String scope)
            implements Authorization {
        @Override
        public String toString() {
            return "ClientCredentials[" + tokenUrl + ", client " + clientId + "]";
        }
    }
}
