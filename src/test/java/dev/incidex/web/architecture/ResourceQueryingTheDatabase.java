package dev.incidex.web.architecture;

import dev.incidex.catalog.Vendor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Deliberately wrong: a resource that queries entities itself. ArchitectureTest proves its rules catch it. */
@Path("/architecture-test-only")
public class ResourceQueryingTheDatabase {

    @GET
    public int vendors() {
        return Vendor.listAll().size();
    }
}
