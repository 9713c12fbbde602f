package dev.incidex.watchlist;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes watchlist tokens: 256 bits from {@link SecureRandom}, base64url without padding (43 characters). */
public final class WatchlistTokens {

    static final int BYTES = 32;

    /** The length of a token: 32 bytes in unpadded base64. */
    public static final int LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WatchlistTokens() {}

    public static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The generator, for the test that checks where the randomness comes from. */
    static SecureRandom random() {
        return RANDOM;
    }
}
