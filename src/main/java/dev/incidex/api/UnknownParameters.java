package dev.incidex.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter the API does not know, naming it: a misspelt {@code frm=} silently
 * ignored would answer a different question than the one asked.
 */
public class UnknownParameters {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null
                || !method.getDeclaringClass().getPackageName().equals(UnknownParameters.class.getPackageName())) {
            return null;
        }
        Set<String> allowed = known.computeIfAbsent(method, UnknownParameters::queryParameters);
        Set<String> unknown =
                new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(allowed);
        if (unknown.isEmpty()) {
            return null;
        }
        String message = "unknown query parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                + (allowed.isEmpty()
                        ? " (this endpoint takes none)"
                        : " (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
        return ApiError.of(Response.Status.BAD_REQUEST, message).getResponse();
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : method.getParameters()) {
            collect(p, p.getType(), names);
        }
        return names;
    }

    private static void collect(AnnotatedElement element, Class<?> type, Set<String> names) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.add(query.value());
        }
        if (element.isAnnotationPresent(BeanParam.class)) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    collect(f, f.getType(), names);
                }
            }
        }
    }
}
