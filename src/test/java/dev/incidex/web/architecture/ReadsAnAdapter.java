package dev.incidex.web.architecture;

import dev.incidex.source.platform.GcpAdapter;

/** Deliberately wrong: a read-side class that uses an adapter. ArchitectureTest proves its rules catch it. */
public class ReadsAnAdapter {

    public String kind() {
        return new GcpAdapter().kind();
    }
}
