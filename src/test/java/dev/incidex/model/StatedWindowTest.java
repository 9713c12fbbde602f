package dev.incidex.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each phrasing of a stated impact window the reading knows, with the UTC instants it must give. */
class StatedWindowTest {

    /** The update's posted time, for phrasings that leave out the day. */
    static final String POSTED = "2023-03-30T01:10:00Z";

    static Stream<Arguments> phrasings() {
        return Stream.of(
                // Microsoft 365: local time with UTC in brackets (the example: 10h 15m)
                row(
                        "Start time: Wednesday, March 29, 2023, 2:00 AM (7:00 AM UTC) End time: Wednesday, March 29, 2023, 12:15 PM (5:15 PM UTC)",
                        "2023-03-29T07:00:00Z",
                        "2023-03-29T17:15:00Z"),
                // Microsoft Graph posts (the DZ534539 fixture)
                row(
                        "Start time: Wednesday, March 29, 2023, at 12:40 PM UTC\n\nEnd time: Wednesday, March 29, 2023, at 6:30 PM UTC",
                        "2023-03-29T12:40:00Z",
                        "2023-03-29T18:30:00Z"),
                row(
                        "Start time: Wednesday, March 29, 2023, at 12:40 PM UTC\n\nNext update by: Wednesday, March 29, 2023, at 2:30 PM UTC",
                        "2023-03-29T12:40:00Z",
                        null),
                // the local time is the evening before the UTC day
                row("Start time: Tuesday, March 28, 2023, 11:30 PM (6:30 AM UTC)", "2023-03-29T06:30:00Z", null),
                // cross-midnight without a date: the day of the post
                row("Users were affected between 23:35 and 00:24 UTC.", "2023-03-29T23:35:00Z", "2023-03-30T00:24:00Z"),
                row("between 23:35 and 00:24 UTC on March 29", "2023-03-29T23:35:00Z", "2023-03-30T00:24:00Z"),
                row(
                        "On March 28, between 22:10 and 23:05 UTC, some requests failed.",
                        "2023-03-28T22:10:00Z",
                        "2023-03-28T23:05:00Z"),
                row(
                        "From 14:05 UTC on March 29 to 02:10 UTC on March 30, webhooks were delayed.",
                        "2023-03-29T14:05:00Z",
                        "2023-03-30T02:10:00Z"),
                row("from 10:05 to 11:42 PDT on 2023-03-28", "2023-03-28T17:05:00Z", "2023-03-28T18:42:00Z"),
                // Pacific time: abbreviations, region ids, spoken names
                row(
                        "between 2:20 PM and 4:05 PM PDT on March 29, 2023",
                        "2023-03-29T21:20:00Z",
                        "2023-03-29T23:05:00Z"),
                row(
                        "between 9:15 AM and 11:30 AM PST on January 10, 2023",
                        "2023-01-10T17:15:00Z",
                        "2023-01-10T19:30:00Z"),
                row(
                        "between 09:15 and 11:30 Pacific time on 2023-03-29",
                        "2023-03-29T16:15:00Z",
                        "2023-03-29T18:30:00Z"),
                row(
                        "between 09:15 and 11:30 Pacific Time on 2023-01-10",
                        "2023-01-10T17:15:00Z",
                        "2023-01-10T19:30:00Z"),
                row("between 09:15 and 11:30 PT on 2023-03-29", "2023-03-29T16:15:00Z", "2023-03-29T18:30:00Z"),
                row(
                        "between 09:15 and 11:30 Pacific Standard Time on 2023-03-29",
                        "2023-03-29T17:15:00Z",
                        "2023-03-29T19:30:00Z"),
                // Google Cloud: a start in one update, an end in the last one
                row(
                        "We are experiencing an issue with Cloud Pub/Sub beginning at Thursday, 2023-03-30 02:20 US/Pacific.",
                        "2023-03-30T09:20:00Z",
                        null),
                row(
                        "The issue with Cloud Storage has been resolved for all affected users as of Tuesday, 2023-03-28 11:42 US/Pacific.",
                        null,
                        "2023-03-28T18:42:00Z"),
                // other named zones
                row(
                        "Impact start: 2023-03-29 14:00 CEST. Impact end: 2023-03-29 16:30 CEST.",
                        "2023-03-29T12:00:00Z",
                        "2023-03-29T14:30:00Z"),
                row(
                        "Start: 29 March 2023 09:00 Europe/Berlin\nEnd: 29 March 2023 10:45 Europe/Berlin",
                        "2023-03-29T07:00:00Z",
                        "2023-03-29T08:45:00Z"),
                row("between 10:00 and 11:15 EDT on March 29, 2023", "2023-03-29T14:00:00Z", "2023-03-29T15:15:00Z"),
                row(
                        "between 10:00 and 11:15 Eastern time on 2023-01-10",
                        "2023-01-10T15:00:00Z",
                        "2023-01-10T16:15:00Z"),
                row("between 18:00 and 19:30 IST on 2023-03-29", "2023-03-29T12:30:00Z", "2023-03-29T14:00:00Z"),
                row("between 09:00 and 10:00 JST on March 29, 2023", "2023-03-29T00:00:00Z", "2023-03-29T01:00:00Z"),
                row("between 14:00 and 15:00 UTC+2 on 2023-03-29", "2023-03-29T12:00:00Z", "2023-03-29T13:00:00Z"),
                row("between 08:00 and 09:00 GMT-7 on 2023-03-29", "2023-03-29T15:00:00Z", "2023-03-29T16:00:00Z"),
                row("between 13:00 and 14:00 BST on 29 March 2023", "2023-03-29T12:00:00Z", "2023-03-29T13:00:00Z"),
                // ISO instants, dashes and other labels
                row(
                        "Impact window: 2023-03-29T12:40:00Z – 2023-03-29T18:30:00Z",
                        "2023-03-29T12:40:00Z",
                        "2023-03-29T18:30:00Z"),
                row(
                        "The issue started at 2023-03-29 12:40 UTC and ended at 2023-03-29 18:30 UTC.",
                        "2023-03-29T12:40:00Z",
                        "2023-03-29T18:30:00Z"),
                row(
                        "Errors began at 3:12 PM UTC on Mar 29 and recovered at 4:01 PM UTC.",
                        "2023-03-29T15:12:00Z",
                        "2023-03-29T16:01:00Z"),
                row("We have been seeing elevated errors since 23:50 UTC.", "2023-03-29T23:50:00Z", null),
                row("Mitigated at 00:40 UTC; error rates have returned to normal.", null, "2023-03-30T00:40:00Z"),
                row(
                        "Start time: 3/29/2023 12:40 PM UTC\nEnd time: 3/29/2023 6:30 PM UTC",
                        "2023-03-29T12:40:00Z",
                        "2023-03-29T18:30:00Z"),
                row("Start time: Mar 29th, 2023 at 2 PM UTC", "2023-03-29T14:00:00Z", null),
                row("Start time: 29 March 2023, 14:05:30 GMT", "2023-03-29T14:05:30Z", null),
                row("between 23:35 and 00:24 (UTC)", null, null),
                // what states nothing
                row("We expect the fix to be completed by 14:00 UTC.", null, null),
                row("Next update by: Wednesday, March 29, 2023, at 7:00 PM UTC", null, null),
                row("Start time: Wednesday, March 29, 2023, 2:00 AM", null, null),
                row("Version 12:40 of the client is affected.", null, null),
                row("Error rates have been stable since 23:40 UTC.", null, null));
    }

    static Arguments row(String text, String start, String end) {
        return Arguments.of(text, start, end);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrasings")
    void readsTheStatedWindow(String text, String start, String end) {
        StatedWindow.Window w = StatedWindow.read(text, Instant.parse(POSTED));
        assertThat(w.start()).as("start").isEqualTo(start == null ? null : Instant.parse(start));
        assertThat(w.end()).as("end").isEqualTo(end == null ? null : Instant.parse(end));
    }
}
