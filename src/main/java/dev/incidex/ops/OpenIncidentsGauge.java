package dev.incidex.ops;

import dev.incidex.incident.IncidentQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** {@code incidex_incidents_open}: incidents open now across all vendors, counted at each scrape. */
@Singleton
public class OpenIncidentsGauge implements MeterBinder {

    @Inject
    IncidentQueries incidents;

    @Override
    public void bindTo(MeterRegistry registry) {
        // A scrape runs outside any request: the count gets a short transaction of its own.
        Gauge.builder(
                        "incidex.incidents.open",
                        () -> QuarkusTransaction.requiringNew().call(incidents::ongoingCount))
                .description("Incidents open now (not resolved, not maintenance)")
                .register(registry);
    }
}
