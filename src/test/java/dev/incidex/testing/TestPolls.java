package dev.incidex.testing;

import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.poll.PollReport;
import dev.incidex.poll.Poller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Polls one vendor's sources now, through the real poller, fetcher and HTTP. */
@ApplicationScoped
public class TestPolls {

    @Inject
    Poller poller;

    public PollReport pollVendor(String slug) {
        List<Long> ids = QuarkusTransaction.requiringNew()
                .call(() -> Vendor.findBySlug(slug).orElseThrow().sources.stream()
                        .filter(s -> s.enabled)
                        .map(s -> s.id)
                        .toList());
        PollReport report = PollReport.EMPTY;
        for (long id : ids) {
            report = report.plus(poller.pollSource(id));
        }
        return report;
    }

    /** The vendor's sources polled now (an earlier start of the app may have left retired ones). */
    public List<Source> sources(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Source> sources = Vendor.findBySlug(slug).orElseThrow().sources.stream()
                    .filter(s -> s.enabled)
                    .toList();
            sources.forEach(s -> s.documents.size());
            return sources;
        });
    }
}
