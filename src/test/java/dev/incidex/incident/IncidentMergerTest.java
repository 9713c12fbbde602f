package dev.incidex.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.catalog.Source;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The merge on its own: observations from an exact source (API) and a minute-precision one (feed). */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class IncidentMergerTest {

    static final Instant T0 = Instant.parse("2024-06-01T10:00:12.345Z");
    /** What a feed prints for T0: minutes only. */
    static final Instant T0_MINUTE = Instant.parse("2024-06-01T10:00:00Z");

    @Inject
    IncidentMerger merger;

    long api;
    long feed;

    @BeforeEach
    void sources() {
        List<Source> sources = QuarkusTransaction.requiringNew()
                .call(() -> Source.<Source>list("vendor.slug = 'mergeco' order by id"));
        api = sources.get(0).id;
        feed = sources.get(1).id;
    }

    @Test
    void feedThenApiMakeOneTimelineWithTheApisExactTimes() {
        String key = "feed-first";
        merger.merge(
                feed,
                List.of(feedView(
                        key,
                        "Checkout errors",
                        update(null, IncidentStatus.INVESTIGATING, T0_MINUTE, false, "Looking."))));
        MergeResult second = merger.merge(
                api,
                List.of(apiView(
                        key,
                        "Checkout errors",
                        null,
                        update("u1", IncidentStatus.INVESTIGATING, T0, true, "Looking."))));

        assertThat(second.updatesAdded()).isZero();
        Incident incident = load(key);
        assertThat(incident.updates).singleElement().satisfies(u -> {
            assertThat(u.postedAt).isEqualTo(T0);
            assertThat(u.exactTime).isTrue();
            assertThat(u.vendorKey).isEqualTo("u1");
        });
        assertThat(incident.startedAt).isEqualTo(T0);
        assertThat(incident.impact).isEqualTo(Impact.MAJOR);

        // The feed polled again afterwards neither duplicates the update nor rounds its time back.
        MergeResult third = merger.merge(
                feed,
                List.of(feedView(
                        key,
                        "Checkout errors",
                        update(null, IncidentStatus.INVESTIGATING, T0_MINUTE, false, "Looking."))));
        assertThat(third.wroteAnything()).isFalse();
        assertThat(load(key).updates)
                .singleElement()
                .satisfies(u -> assertThat(u.postedAt).isEqualTo(T0));
    }

    @Test
    void aNewUpdateIsAppendedAndResolutionSetsTheResolvedTime() {
        String key = "lifecycle";
        ObservedUpdate first = update("a", IncidentStatus.INVESTIGATING, T0, true, "Looking.");
        merger.merge(api, List.of(apiView(key, "Slow API", null, first)));
        Instant fixedAt = T0.plusSeconds(3600 + 125);
        ObservedUpdate resolved = update("b", IncidentStatus.RESOLVED, fixedAt, true, "Fixed.");

        MergeResult result = merger.merge(api, List.of(apiView(key, "Slow API", fixedAt, resolved, first)));

        assertThat(result.updatesAdded()).isEqualTo(1);
        assertThat(result.changed()).isEqualTo(1);
        Incident incident = load(key);
        assertThat(incident.status).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.resolvedAt).isEqualTo(fixedAt);
        assertThat(incident.updates)
                .extracting(u -> u.status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.RESOLVED);
        assertThat(incident.duration())
                .hasValueSatisfying(d -> assertThat(Durations.format(d)).isEqualTo("1h 2m"));
    }

    @Test
    void anEditedUpdateChangesInPlace() {
        String key = "edited";
        merger.merge(
                api,
                List.of(apiView(key, "DNS", null, update("x", IncidentStatus.IDENTIFIED, T0, true, "Typo'd text"))));
        Instant before = load(key).changedAt;
        MergeResult edit = merger.merge(
                api,
                List.of(apiView(key, "DNS", null, update("x", IncidentStatus.IDENTIFIED, T0, true, "Corrected text"))));

        assertThat(load(key).updates)
                .singleElement()
                .satisfies(u -> assertThat(u.bodyText).isEqualTo("Corrected text"));
        // An edit is a change: feeds' Last-Modified and the search index follow it.
        assertThat(edit.changed()).isEqualTo(1);
        assertThat(edit.updatesAdded()).isZero();
        assertThat(load(key).changedAt).isAfterOrEqualTo(before);
    }

    @Test
    void aResolvedTimeBeforeTheStartIsFlaggedNeverANegativeDuration() {
        String key = "time-travel";
        ObservedUpdate u = update("t", IncidentStatus.RESOLVED, T0, true, "Done.");
        merger.merge(
                api,
                List.of(new ObservedIncident(
                        key,
                        "Clock skew",
                        Impact.MINOR,
                        IncidentStatus.RESOLVED,
                        "resolved",
                        false,
                        T0,
                        T0.minusSeconds(600),
                        null,
                        null,
                        true,
                        "https://status.mergeco.test/incidents/t",
                        List.of(),
                        List.of(u))));
        Incident incident = load(key);

        assertThat(incident.duration()).isEmpty();
        assertThat(incident.hasInconsistentTimes()).isTrue();
        String page = given().get("/vendors/mergeco/incidents/" + incident.id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(Jsoup.parse(page).select(".duration").text())
                .isEqualTo("The vendor's resolved time is before its start time");
        assertThat(page).doesNotContain("-10m").doesNotContain("-0h");
    }

    private static ObservedUpdate update(String id, IncidentStatus status, Instant at, boolean exact, String text) {
        return new ObservedUpdate(id, status, status.code(), at, exact, VendorText.ofPlain(text));
    }

    private static ObservedIncident apiView(String key, String title, Instant resolvedAt, ObservedUpdate... updates) {
        return new ObservedIncident(
                key,
                title,
                Impact.MAJOR,
                resolvedAt == null ? IncidentStatus.INVESTIGATING : IncidentStatus.RESOLVED,
                null,
                false,
                T0,
                resolvedAt,
                null,
                null,
                true,
                "https://status.mergeco.test/incidents/" + key,
                List.of("API"),
                List.of(updates));
    }

    private static ObservedIncident feedView(String key, String title, ObservedUpdate... updates) {
        return new ObservedIncident(
                key,
                title,
                null,
                null,
                null,
                false,
                updates[0].at().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                null,
                null,
                null,
                false,
                "https://status.mergeco.test/incidents/" + key,
                List.of(),
                List.of(updates));
    }

    private static Incident load(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Incident i = Incident.<Incident>find("vendor.slug = 'mergeco' and vendorKey = ?1", key)
                    .singleResult();
            i.updates.size();
            return i;
        });
    }
}
