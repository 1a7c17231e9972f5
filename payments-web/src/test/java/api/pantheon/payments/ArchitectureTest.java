package api.pantheon.payments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules the code's shape keeps, over all three modules' classes: no package cycles; roles pointing
 * one way (resources to boundaries to controls and entities); the core free of dialects. A change that
 * breaks one fails the build, with the offending dependency named.
 */
class ArchitectureTest {

    private static final String P = "api.pantheon.payments.";

    /** The packages of the web module: the dialects, the operators' API and what every call passes through. */
    private static final String[] WEB = {P + "dialects..", P + "admin..", P + "edge..", P + "sandbox..", P + "apidoc..",
        P + "console.."};
    /** The domain: what payments-ejb and payments-persistence hold. */
    private static final String[] CORE = {P + "requests..", P + "payments..", P + "events..", P + "ledger..",
            P + "parties..", P + "channels..", P + "idempotency..", P + "instances..", P + "money..", P + "security..",
            P + "schema..", P + "timers..", P + "errors..", P + "audit..", P + "operators..", P + "backoffice..",
            P + "jobs..", P + "reports..", P + "bulk..", P + "reconciliation..", P + "retention..", P + "diagnostics..", P + "ids.."};
    private static final String CONTROL = P + "*.control..";
    private static final String BOUNDARY = P + "*.boundary..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("api.pantheon.payments");
        // The rules mean something only if the core's classes are there to be checked, not just the web's.
        for (String core : new String[] {"payments.boundary.Payments", "events.boundary.Events", "requests.entity.PaymentRequest"}) {
            if (!classes.contain(P + core)) {
                throw new AssertionError(P + core + " was not imported");
            }
        }
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("api.pantheon.payments.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void resourcesReachTheCoreOnlyThroughBoundariesAndValues() {
        noClasses().that().resideInAnyPackage(WEB).should().dependOnClassesThat().resideInAPackage(CONTROL)
                .because("resources call boundaries; controls are the core's own").check(classes);
        noClasses().that().resideInAnyPackage(WEB).should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .because("entities never leave the core: boundaries answer views").check(classes);
    }

    @Test
    void theCoreKnowsNoDialect() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(WEB)
                .check(classes);
        noClasses().that().resideInAnyPackage(CORE)
                .and().doNotHaveFullyQualifiedName("api.pantheon.payments.payments.control.BusinessSystem")
                .and().doNotHaveFullyQualifiedName("api.pantheon.payments.payments.control.BusinessSystem$Submitted")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.json..", "jakarta.json.bind..")
                .because("the core returns domain records and renders no JSON; only the business system's own"
                        + " client speaks its protocol").check(classes);
    }

    @Test
    void controlsNeverCallBoundaries() {
        noClasses().that().resideInAPackage(CONTROL).should().dependOnClassesThat().resideInAPackage(BOUNDARY)
                .because("timers and workers enter through a boundary; controls serve boundaries").check(classes);
    }

    @Test
    void rowsGetIdsThatSortInTheOrderTheyWereMade() {
        noClasses().that().areAnnotatedWith(Entity.class).should().callMethod(UUID.class, "randomUUID")
                .because("random keys scatter one transaction's rows over as many index pages as rows, each written"
                        + " again at commit; TimeOrderedIds keeps rows made together in the same pages").check(classes);
    }
}
