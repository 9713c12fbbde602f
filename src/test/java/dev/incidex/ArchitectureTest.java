package dev.incidex;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.incidex.fetch.Authorization;
import dev.incidex.web.architecture.ReadsAnAdapter;
import dev.incidex.web.architecture.ResourceQueryingTheDatabase;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which stage of the data's trip may use which, read off the compiled classes: the poller drives
 * fetch, source and incident; adapters never touch an HTTP client, the database or the scheduler;
 * the read side (pages, API, feeds, watchlists) reads the model and never reaches into polling or
 * the adapters; resources reach the database only through their stage's query classes.
 */
class ArchitectureTest {

    static final String ROOT = "dev.incidex";

    /** Each stage and the stages it may use; the root package (configuration, clock) is open to all. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // The words every stage shares: statuses, impacts, observed incidents and updates.
            Map.entry("model", Set.of()),
            Map.entry("fetch", Set.of()),
            // Which vendors and sources exist; it learns the readable kinds through SourceKinds.
            Map.entry("catalog", Set.of()),
            // Adapters may name how a request authenticates (a value type), nothing else of fetch.
            Map.entry("source", Set.of("model", "catalog", "fetch")),
            Map.entry("incident", Set.of("model", "catalog")),
            Map.entry("poll", Set.of("model", "catalog", "fetch", "source", "incident")),
            Map.entry("discovery", Set.of("model", "catalog", "fetch", "incident", "poll")),
            Map.entry("web", Set.of("model", "catalog", "incident", "discovery")),
            Map.entry("api", Set.of("model", "catalog", "incident", "discovery")),
            Map.entry("feed", Set.of("model", "catalog", "incident")),
            // Sends what the merge recorded to the targets users give, through the address guard.
            Map.entry("notify", Set.of("model", "catalog", "incident", "fetch")),
            Map.entry("watchlist", Set.of("model", "catalog", "incident", "feed", "notify")),
            // Health checks and gauges that read what the other stages stored.
            Map.entry("ops", Set.of("catalog", "incident")),
            Map.entry("demo", Set.of()));

    /** Panache's generic query and write methods: what a query class wraps and a resource never calls. */
    static final Set<String> PANACHE_QUERIES = Set.of(
            "find",
            "findAll",
            "findById",
            "findByIdOptional",
            "list",
            "listAll",
            "stream",
            "streamAll",
            "count",
            "delete",
            "deleteAll",
            "deleteById",
            "update",
            "getEntityManager",
            "getSession",
            "persist",
            "persistAndFlush");

    static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackageIsAStageWithARow() {
        Set<String> stages = new TreeSet<>();
        for (JavaClass c : app) {
            stageOf(c.getPackageName()).ifPresent(stages::add);
        }
        assertThat(ALLOWED.keySet()).as("every package has a row").containsAll(stages);
    }

    @Test
    void everyStageUsesOnlyTheStagesItMay() {
        stageRules().forEach(rule -> rule.check(app));
    }

    @Test
    void adaptersNeverTouchHttpTheDatabaseOrTheScheduler() {
        adaptersStayInTheirRoom().check(app);
    }

    @Test
    void resourcesQueryOnlyThroughQueryClasses() {
        resourcesUseQueryClasses().check(app);
    }

    /** The rules are not vacuous: each fails on a class written to break it (in the test sources). */
    @Test
    void theRulesCatchAReadSideClassThatImportsAnAdapter() {
        JavaClasses wrong = new ClassFileImporter()
                .importClasses(ReadsAnAdapter.class, dev.incidex.source.platform.GcpAdapter.class);
        List<AssertionError> caught = new ArrayList<>();
        for (ArchRule rule : stageRules()) {
            try {
                rule.check(wrong);
            } catch (AssertionError e) {
                caught.add(e);
            }
        }
        assertThat(caught)
                .as("a web class using an adapter breaks the web rule")
                .hasSize(1);
        assertThat(caught.get(0))
                .hasMessageContaining(ReadsAnAdapter.class.getName())
                .hasMessageContaining("GcpAdapter");
    }

    @Test
    void theRulesCatchAResourceThatQueriesTheDatabaseItself() {
        JavaClasses wrong = new ClassFileImporter().importClasses(ResourceQueryingTheDatabase.class);
        assertThatThrownBy(() -> resourcesUseQueryClasses().check(wrong))
                .hasMessageContaining(ResourceQueryingTheDatabase.class.getName())
                .hasMessageContaining("listAll");
    }

    static List<ArchRule> stageRules() {
        List<ArchRule> rules = new ArrayList<>();
        ALLOWED.forEach((stage, uses) -> {
            Set<String> packages = new TreeSet<>();
            packages.add(ROOT + "." + stage + "..");
            uses.forEach(u -> packages.add(ROOT + "." + u + ".."));
            rules.add(classes()
                    .that()
                    .resideInAPackage(ROOT + "." + stage + "..")
                    .should()
                    .onlyDependOnClassesThat(outsideTheApp()
                            .or(JavaClass.Predicates.resideInAnyPackage(packages.toArray(String[]::new)))
                            .or(JavaClass.Predicates.resideInAPackage(ROOT)))
                    .as(stage + " uses only " + (uses.isEmpty() ? "itself" : String.join(", ", new TreeSet<>(uses))))
                    .allowEmptyShould(true));
        });
        return rules;
    }

    static ArchRule adaptersStayInTheirRoom() {
        return noClasses()
                .that()
                .resideInAPackage(ROOT + ".source..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.net.http..",
                        "jakarta.persistence..",
                        "org.hibernate..",
                        "io.quarkus.hibernate..",
                        "jakarta.transaction..",
                        "io.quarkus.scheduler..",
                        "io.vertx..")
                .orShould()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ROOT + ".fetch..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(Authorization.class))))
                .as("adapters never touch an HTTP client, the database or the scheduler");
    }

    static ArchRule resourcesUseQueryClasses() {
        DescribedPredicate<JavaMethodCall> panacheQuery = new DescribedPredicate<>("a Panache query or write") {
            @Override
            public boolean test(JavaMethodCall call) {
                return PANACHE_QUERIES.contains(call.getTarget().getName())
                        && call.getTarget().getOwner().isAssignableTo(PanacheEntityBase.class);
            }
        };
        return noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .callMethodWhere(panacheQuery)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .as("resources reach the database only through their stage's query classes");
    }

    private static DescribedPredicate<JavaClass> outsideTheApp() {
        return DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(ROOT + ".."));
    }

    private static java.util.Optional<String> stageOf(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return java.util.Optional.empty();
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return java.util.Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
