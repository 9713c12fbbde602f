package dev.incidex.source.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The date forms the common status-page formats print, each to an exact UTC instant. */
class VendorDatesFormatsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void zoneLessCachetTimesAreReadInTheGivenZoneAcrossDaylightSaving() {
        assertThat(VendorDates.local("2023-03-30 10:21:00", BERLIN)).isEqualTo(Instant.parse("2023-03-30T08:21:00Z"));
        assertThat(VendorDates.local("2023-03-20 10:21:00", BERLIN)).isEqualTo(Instant.parse("2023-03-20T09:21:00Z"));
        assertThat(VendorDates.local("2023-03-30 10:21:00", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2023-03-30T10:21:00Z"));
    }

    @Test
    void aDateWithItsOwnOffsetIgnoresTheGivenZone() {
        assertThat(VendorDates.local("2023-03-30T10:21:00+00:00", BERLIN))
                .isEqualTo(Instant.parse("2023-03-30T10:21:00Z"));
    }

    @Test
    void isoWithAColonLessOffsetAsSalesforceSitesWriteIt() {
        assertThat(VendorDates.iso("2023-03-28T22:17:00.000+0000")).isEqualTo(Instant.parse("2023-03-28T22:17:00Z"));
        assertThat(VendorDates.iso("2023-03-28T22:17:00-0700")).isEqualTo(Instant.parse("2023-03-29T05:17:00Z"));
    }

    @Test
    void blankIsNullAndGarbageThrows() {
        assertThat(VendorDates.local(" ", BERLIN)).isNull();
        assertThat(VendorDates.epochSeconds(null)).isNull();
        assertThrows(DateTimeParseException.class, () -> VendorDates.local("30/03/2023", BERLIN));
        assertThrows(DateTimeParseException.class, () -> VendorDates.epochSeconds("soon"));
        assertThrows(DateTimeParseException.class, () -> VendorDates.isoOrJavaScript("Thursday"));
    }

    @Test
    void epochSecondsAsStringOrWithAFraction() {
        assertThat(VendorDates.epochSeconds("1680174333")).isEqualTo(Instant.parse("2023-03-30T11:05:33Z"));
        assertThat(VendorDates.epochSeconds("1680174333.5")).isEqualTo(Instant.parse("2023-03-30T11:05:33.500Z"));
    }

    @Test
    void javascriptDateToStringWithItsOffsetAndIsoBothRead() {
        assertThat(VendorDates.isoOrJavaScript("Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)"))
                .isEqualTo(Instant.parse("2022-06-11T18:55:50Z"));
        assertThat(VendorDates.isoOrJavaScript("Thu Mar 30 2023 12:05:10 GMT+0200 (Central European Summer Time)"))
                .isEqualTo(Instant.parse("2023-03-30T10:05:10Z"));
        assertThat(VendorDates.isoOrJavaScript("Thu Mar 30 2023 04:05:10 GMT-0700"))
                .isEqualTo(Instant.parse("2023-03-30T11:05:10Z"));
        assertThat(VendorDates.isoOrJavaScript("2023-03-30T08:41:00.000Z"))
                .isEqualTo(Instant.parse("2023-03-30T08:41:00Z"));
    }
}
