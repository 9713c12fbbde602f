package dev.incidex.source.social;

/**
 * Where a posts API left off: {@code <account id>:<newest post id seen>}; either part may be empty.
 * Mastodon and X keep the same two facts, so they keep them the same way.
 */
record PostCursor(String accountId, String newestId) {

    static PostCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new PostCursor(null, null);
        }
        int colon = cursor.indexOf(':');
        String account = colon < 0 ? cursor : cursor.substring(0, colon);
        String newest = colon < 0 ? null : cursor.substring(colon + 1);
        return new PostCursor(account.isBlank() ? null : account, newest == null || newest.isBlank() ? null : newest);
    }

    String format() {
        return (accountId == null ? "" : accountId) + ":" + (newestId == null ? "" : newestId);
    }
}
