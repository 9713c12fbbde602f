package dev.incidex.web;

import dev.incidex.catalog.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * What a first run without network needs to be told: every source Incidex tried has failed and none
 * has ever answered, so "Unknown" on every vendor is not the vendors' state but the network's.
 */
@ApplicationScoped
@Named("firstRun")
public class FirstRun {

    /** Whether sources have been tried and not one of them can be reached now. */
    public boolean offline() {
        return Source.count("enabled = true and errorCount > 0") > 0
                && Source.count("enabled = true and errorCount = 0 and lastSuccessAt is not null") == 0;
    }
}
