package dev.incidex.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slugs made from vendor names: lower-case ASCII words joined by dashes, bounded, never empty. */
class SlugTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GitHub                 | github",
                "Ghost(Pro)             | ghost-pro",
                "  Zoë's Café & Co.     | zoe-s-cafe-co",
                "monday.com             | monday-com",
                "状态                    | vendor",
                "---                    | vendor",
                "A very long vendor name that goes on and on and on beyond the limit | a-very-long-vendor-name-that-goes-on-and-on-and",
            })
    void slugOf(String name, String slug) {
        assertThat(VendorRegistration.slugOf(name)).isEqualTo(slug);
        assertThat(slug.length()).isLessThanOrEqualTo(VendorRegistration.MAX_SLUG);
    }
}
