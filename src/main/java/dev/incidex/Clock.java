package dev.incidex;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.InstantSource;

/** The one source of "now": logic injects {@link InstantSource} so tests can set the time. */
@ApplicationScoped
public class Clock {

    @Produces
    @DefaultBean
    @ApplicationScoped
    InstantSource systemClock() {
        return InstantSource.system();
    }
}
