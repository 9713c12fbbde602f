package dev.incidex;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.runtime.PersistenceUnitUtil;
import io.quarkus.hibernate.orm.runtime.RequestScopedSessionHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.hibernate.FlushMode;
import org.hibernate.SessionEventListener;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryDelegatingImpl;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Sends the reads of pages, feeds and the API to a replica when one is configured: the datasource named
 * {@value #DATASOURCE} ({@code quarkus.datasource."read".jdbc.url}). It is active only when its URL is set, so
 * without one everything reads the primary as before.
 *
 * <p>How: there is one persistence unit, and Panache (every query class) uses the request's session when no
 * transaction is running. For a GET or HEAD of a resource marked {@link ReadsReplica}, this filter opens that
 * request session first, on a connection from the replica, read-only. Everything the request then reads outside
 * a transaction, lazy loads in templates included, comes from the replica. Anything run in a transaction (every
 * write, and polling, merges, notifications, which run in transactions on their own threads) gets a transaction
 * session on the primary, as before: the replica is never written to.
 *
 * <p>Reading what one just wrote: replication lags, so a client that has just written (any POST: a watchlist, a
 * notification target, a vendor added) gets a cookie, and its reads go to the primary for {@code
 * incidex.read-datasource.primary-after-write} (30 s). Watchlist pages and feeds and an addition's progress are
 * never marked {@link ReadsReplica}: they are what a writer is sent to at once, and their rows are the ones just
 * written.
 */
@ApplicationScoped
public class ReadReplica {

    /** The name of the replica's datasource. */
    public static final String DATASOURCE = "read";

    /** Set on every answer to a write: until when (epoch seconds) this client reads the primary. */
    public static final String WROTE_COOKIE = "incidex-wrote";

    private static final Logger LOG = Logger.getLogger(ReadReplica.class);

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Instance<RequestScopedSessionHolder> requestSessions;

    @Inject
    Instance<Route> route;

    @Inject
    IncidexConfig config;

    @Inject
    InstantSource clock;

    private volatile Optional<AgroalDataSource> replica;

    private volatile SessionFactory onReplica;

    /** The replica's pool, or empty when none is configured (the datasource is inactive). */
    public Optional<AgroalDataSource> replica() {
        Optional<AgroalDataSource> r = replica;
        if (r == null) {
            r = AgroalDataSourceUtil.dataSourceIfActive(DATASOURCE);
            if (r.isPresent()) {
                LOG.infof("Pages, feeds and the API read from datasource '%s'; writes go to the primary", DATASOURCE);
            }
            replica = r;
        }
        return r;
    }

    /** Before any other filter or the resource touches the database: that opens the request's session. */
    @ServerRequestFilter(priority = 10)
    public void route(ContainerRequestContext request, ResourceInfo resource) {
        if (!safe(request.getMethod()) || !marked(resource) || replica().isEmpty() || wroteRecently(request)) {
            return;
        }
        // Opens the request session now, on the replica; if the request already has one, it is kept.
        requestSessions.get().getOrCreateSession(PersistenceUnitUtil.DEFAULT_PERSISTENCE_UNIT_NAME, onReplica());
        route.get().toReplica();
    }

    /** Whether the current request reads the replica; set by {@link #route}. */
    @RequestScoped
    public static class Route {
        private boolean replica;

        void toReplica() {
            replica = true;
        }

        boolean replica() {
            return replica;
        }
    }

    /**
     * The database the current request reads: {@value #DATASOURCE} when {@link #route} sent it to the replica, else
     * "primary" (outside a request too). Answers kept from one are not handed to readers of the other.
     */
    public String readFrom() {
        return Arc.container().requestContext().isActive() && route.get().replica() ? DATASOURCE : "primary";
    }

    /** Any write, answered however: the writer reads the primary for a while, so it sees what it wrote. */
    @ServerResponseFilter
    public void rememberWrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (safe(request.getMethod()) || replica().isEmpty()) {
            return;
        }
        Duration window = config.readDatasource().primaryAfterWrite();
        long until = clock.instant().plus(window).getEpochSecond();
        response.getHeaders()
                .add(
                        "Set-Cookie",
                        WROTE_COOKIE + "=" + until + "; Path=/; Max-Age=" + window.toSeconds()
                                + "; SameSite=Lax; HttpOnly");
    }

    private boolean wroteRecently(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(WROTE_COOKIE);
        if (cookie == null) {
            return false;
        }
        try {
            long now = clock.instant().getEpochSecond();
            long until = Long.parseLong(cookie.getValue().strip());
            // A value further ahead than this server ever gives is not one it gave: it does not pin the primary.
            return until > now
                    && until - now
                            <= config.readDatasource().primaryAfterWrite().toSeconds() + 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private static boolean marked(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(ReadsReplica.class)
                        || resource.getResourceClass().isAnnotationPresent(ReadsReplica.class));
    }

    /** The session factory as the request session holder asks it: each session on a replica connection of its own. */
    private SessionFactory onReplica() {
        SessionFactory f = onReplica;
        if (f == null) {
            AgroalDataSource pool = replica().orElseThrow();
            SessionFactoryImplementor primary = sessionFactory.unwrap(SessionFactoryImplementor.class);
            f = new SessionFactoryDelegatingImpl(primary) {
                @Override
                public SessionImplementor openSession() {
                    Connection connection;
                    try {
                        connection = pool.getConnection();
                    } catch (SQLException e) {
                        // Read as "database unreachable" (DatabaseFaults): a 503 that says so, never a 500.
                        throw new JDBCConnectionException("The read replica cannot be reached", e);
                    }
                    return (SessionImplementor) primary.withOptions()
                            .connection(connection)
                            .autoJoinTransactions(false)
                            .readOnly(true)
                            .flushMode(FlushMode.MANUAL)
                            .eventListeners(new SessionEventListener() {
                                // The session does not close a connection it was handed: back to the pool here.
                                @Override
                                public void end() {
                                    try {
                                        connection.close();
                                    } catch (SQLException e) {
                                        LOG.debugf(e, "closing a replica connection");
                                    }
                                }
                            })
                            .openSession();
                }
            };
            onReplica = f;
        }
        return f;
    }
}
