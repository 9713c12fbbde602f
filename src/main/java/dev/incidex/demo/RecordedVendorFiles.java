package dev.incidex.demo;

import dev.incidex.IncidexConfig;
import dev.incidex.KeptRenders;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Plays the vendors in the offline demo: serves the recorded status files shipped under
 * {@code demo/} with ETags, so the demo exercises the same HTTP path, 304s included, as real
 * vendors. Answers 404 unless {@code incidex.demo.enabled}.
 */
@Path("/demo")
public class RecordedVendorFiles {

    @Inject
    IncidexConfig config;

    @GET
    @Path("{file: .+}")
    public Response file(@PathParam("file") String file, @jakarta.ws.rs.core.Context Request request) {
        if (!config.demo().enabled() || file.contains("..") || file.endsWith(".yaml")) {
            throw new NotFoundException();
        }
        byte[] body = read("demo/" + file);
        EntityTag tag = new EntityTag(KeptRenders.etag(body));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        return Response.ok(body, contentType(file)).tag(tag).build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        if (file.endsWith(".atom")) {
            return "application/atom+xml; charset=utf-8";
        }
        return file.endsWith(".rss") ? "application/rss+xml; charset=utf-8" : "application/octet-stream";
    }
}
