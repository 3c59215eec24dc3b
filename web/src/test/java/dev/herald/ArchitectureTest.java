package dev.herald;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, checked on the compiled classes of the web and ejb modules. */
class ArchitectureTest {

    private static final JavaClasses WEB = new ClassFileImporter().importPath(Paths.get("target/classes"));
    private static final JavaClasses SERVICES = new ClassFileImporter().importPath(Paths.get("../ejb/target/classes"));
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .importPaths(Paths.get("target/classes"), Paths.get("../ejb/target/classes"));

    @Test
    void everyResourceSaysWhoMayCallIt() {
        classes().that().areAnnotatedWith(Path.class)
                .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .because("an endpoint without roles would be open to callers without a token")
                .check(WEB);
    }

    @Test
    void resourcesAreThinAdaptersWithoutPersistence() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .because("the logic and the transactions live in the services of the ejb module")
                .check(WEB);
    }

    @Test
    void servicesKnowNothingOfHttp() {
        noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .because("the ejb module is reached through JAX-RS adapters, JMS and CDI, never the other way round")
                .check(SERVICES);
    }

    @Test
    void nothingInProductionIsAProbe() {
        noClasses().should().resideInAPackage("dev.herald.probes..")
                .because("the test probes live in the probes module, which the production EAR never carries")
                .check(PRODUCTION);
    }

    @Test
    void nothingInProductionDependsOnAProbe() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.herald.probes..")
                .because("the production EAR has no probe: a class that needs one would fail there")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheWebModuleTranslatesTheCallersToken() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.eclipse.microprofile.jwt..")
                .because("services take the tenant as a parameter; Caller is the one place that reads the token")
                .check(SERVICES);
    }
}
