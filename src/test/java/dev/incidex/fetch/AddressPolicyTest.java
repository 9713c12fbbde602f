package dev.incidex.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every spelling of an internal address is refused; public ones pass. No DNS: names resolve through a map. */
class AddressPolicyTest {

    static final Map<String, String> DNS = Map.of(
            "status.example.com", "93.184.216.34",
            "rebound.example.com", "10.1.2.3",
            "both.example.com", "93.184.216.34,192.168.1.1",
            "v6.example.com", "2606:2800:220:1:248:1893:25c8:1946",
            "mapped.example.com", "::ffff:169.254.169.254");

    static AddressPolicy.Resolver fakeDns = host -> {
        String addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        String[] parts = addresses.split(",");
        InetAddress[] result = new InetAddress[parts.length];
        for (int i = 0; i < parts.length; i++) {
            result[i] = InetAddress.getByName(parts[i]);
        }
        return result;
    };

    final AddressPolicy policy = new AddressPolicy(false, List.of(), fakeDns);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://127.0.0.1/                      | address 127.0.0.1 is a loopback address",
                "http://127.8.9.10/                     | loopback",
                "http://2130706433/                     | address 2130706433 (127.0.0.1) is a loopback address",
                "http://0177.0.0.1/                     | (127.0.0.1) is a loopback",
                "http://0x7f.1/                         | (127.0.0.1) is a loopback",
                "http://0x7f000001/                     | (127.0.0.1) is a loopback",
                "http://127.1/                          | (127.0.0.1) is a loopback",
                "http://017700000001/                   | (127.0.0.1) is a loopback",
                "http://[::1]/                          | loopback",
                "http://[0:0:0:0:0:0:0:1]/              | loopback",
                "http://[::ffff:127.0.0.1]/             | loopback",
                "http://[::ffff:7f00:1]/                | loopback",
                "http://[::127.0.0.1]/                  | loopback address (inside an IPv6 address)",
                "http://[64:ff9b::a9fe:a9fe]/           | link-local",
                "http://[2002:c0a8:0101::1]/            | private address (inside an IPv6 address)",
                "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/ | loopback",
                "http://localhost/                      | host localhost is a loopback address",
                "http://localhost./                     | host localhost is a loopback address",
                "http://LOCALHOST:8080/                 | loopback",
                "http://app.localhost/                  | loopback",
                "http://10.0.0.1/                       | private",
                "http://172.16.5.4/                     | private",
                "http://172.31.255.255/                 | private",
                "http://192.168.1.1/                    | private",
                "http://[fc00::1]/                      | private",
                "http://[fd12:3456::1]/                 | private",
                "http://169.254.169.254/latest/meta-data/ | link-local",
                "http://[fe80::1]/                      | link-local",
                "http://[::ffff:169.254.169.254]/       | link-local",
                "http://metadata.google.internal/       | cloud metadata",
                "http://metadata/                       | cloud metadata",
                "http://instance-data/                  | cloud metadata",
                "http://0.0.0.0/                        | unspecified",
                "http://0/                              | unspecified",
                "http://[::]/                           | unspecified",
                "http://224.0.0.1/                      | multicast",
                "http://[ff02::1]/                      | multicast",
                "http://100.64.0.1/                     | carrier-grade NAT",
                "http://100.127.255.254/                | carrier-grade NAT",
                "http://240.0.0.1/                      | reserved",
                "http://4294967296/                     | looks like a number but is not an IP address",
                "http://256.1.1.1/                      | looks like a number",
                "http://rebound.example.com/            | host rebound.example.com resolves to 10.1.2.3, a private address",
                "http://both.example.com/               | resolves to 192.168.1.1",
                "http://mapped.example.com/             | link-local",
                "ftp://status.example.com/              | only http and https",
                "file:///etc/passwd                     | only http and https",
                "gopher://status.example.com/           | only http and https",
                "http://user:pass@status.example.com/   | user name or password",
                "http://status.example.com@127.0.0.1/   | user name or password",
            })
    void refuses(String url, String message) {
        assertThat(policy.refusal(URI.create(url)))
                .as(url)
                .hasValueSatisfying(m -> assertThat(m).contains(message));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://status.example.com",
                "http://status.example.com/api/v2/summary.json",
                "https://93.184.216.34/",
                "https://v6.example.com/",
                "https://[2606:2800:220:1:248:1893:25c8:1946]/",
                "https://100.128.0.1/",
                "https://172.32.0.1/",
                "https://unresolvable.example.org/"
            })
    void allowsPublicAddresses(String url) {
        assertThat(policy.refusal(URI.create(url))).as(url).isEmpty();
    }

    @Test
    void realResolverRefusesNamesFromEtcHosts() {
        AddressPolicy real = new AddressPolicy(false, List.of(), InetAddress::getAllByName);
        assertThat(real.refusal(URI.create("http://localhost:8080/x")))
                .hasValueSatisfying(m -> assertThat(m).contains("loopback"));
        // "vm" is in /etc/hosts only when the machine says so; skip the name rather than touch the network
        if (DnsFree.resolvesLocally("vm")) {
            assertThat(real.refusal(URI.create("http://vm/")))
                    .hasValueSatisfying(m -> assertThat(m).contains("resolves to 127.0.0.1"));
        }
    }

    @Test
    void operatorMayAllowPrivateAddressesOrNamedHosts() {
        AddressPolicy open = new AddressPolicy(true, List.of(), fakeDns);
        assertThat(open.refusal(URI.create("http://127.0.0.1:9000/"))).isEmpty();
        assertThat(open.refusal(URI.create("ftp://127.0.0.1/"))).isPresent(); // the scheme rule stays
        AddressPolicy intranet = new AddressPolicy(false, List.of("rebound.example.com"), fakeDns);
        assertThat(intranet.refusal(URI.create("http://rebound.example.com/"))).isEmpty();
        assertThat(intranet.refusal(URI.create("http://10.1.2.3/"))).isPresent();
    }

    /** The address a name was found safe at is kept for the fetch to connect to; nothing else is. */
    @Test
    void aResolvedNameIsCheckedAtOneAddress() throws UnknownHostException {
        assertThat(policy.check(URI.create("http://status.example.com/")))
                .isEqualTo(new AddressPolicy.Verdict(
                        java.util.Optional.empty(), InetAddress.getByName("93.184.216.34"), false));
        assertThat(policy.check(URI.create("http://93.184.216.34/")).checkedAt())
                .isNull();
        assertThat(policy.check(URI.create("http://rebound.example.com/")).refusal())
                .isPresent();
        assertThat(policy.check(URI.create("http://rebound.example.com/")).checkedAt())
                .isNull();
        AddressPolicy.Verdict unknown = policy.check(URI.create("http://nowhere.example.com/"));
        assertThat(unknown.unknownHost()).isTrue();
        assertThat(unknown.refusal()).isEmpty();
        URI own = URI.create("http://status.example.com/api/v2/incidents.json");
        assertThat(policy.trustingOrigin(own).check(own).checkedAt()).isNull();
    }

    /** Reads /etc/hosts so the test never does a DNS query. */
    static final class DnsFree {
        static boolean resolvesLocally(String name) {
            try {
                return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/etc/hosts")).stream()
                        .map(l -> l.replaceFirst("#.*", "").trim().split("\\s+"))
                        .anyMatch(f -> f.length > 1
                                && f[0].equals("127.0.0.1")
                                && java.util.Arrays.asList(f)
                                        .subList(1, f.length)
                                        .contains(name));
            } catch (java.io.IOException e) {
                return false;
            }
        }
    }
}
