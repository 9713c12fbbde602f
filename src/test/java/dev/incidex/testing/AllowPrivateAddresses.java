package dev.incidex.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Lets tests add vendors served by the loopback VendorServer, as an operator could allow an intranet. */
public class AllowPrivateAddresses implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("incidex.fetch.allow-private-addresses", "true");
    }
}
