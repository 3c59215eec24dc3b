package dev.herald.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md, on the compiled classes of every production module (a unit test: it runs
 * in this module because this module is built after all the others).
 */
class ModuleRulesTest {

    private static final Path ROOT = Path.of("../..");
    private static final JavaClasses PLATFORM = classesOf("ejb");
    private static final JavaClasses API = classesOf("api");
    private static final JavaClasses WAR = classesOf("web");
    private static final JavaClasses APPLICATIONS = classesOf("reference", "samples/notes-ejb", "samples/notes-web");

    private static JavaClasses classesOf(String... modules) {
        return new ClassFileImporter().importPaths(java.util.Arrays.stream(modules)
                .map(module -> ROOT.resolve(module).resolve("target/classes")).toList());
    }

    @Test
    void applicationModulesUseOnlyHeraldsApi() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.herald.reference..", "dev.herald.sample..", "dev.herald.events..",
                        "dev.herald.persistence..", "java..", "jakarta..", "org.eclipse.microprofile..")
                .because("the reference domain and the sample are applications as a team writes them: herald-api is"
                        + " all they compile against (docs/using-herald.md)")
                .check(APPLICATIONS);
    }

    @Test
    void theApiHasNothingOfThePlatform() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.herald.events..", "dev.herald.persistence..", "java..", "jakarta..")
                .because("herald-api is what applications compile against; the implementation stays behind it")
                .check(API);
    }

    @Test
    void thePlatformsPackagesHaveNoCycles() {
        slices().matching("dev.herald.(*)..").should().beFreeOfCycles().check(PLATFORM);
    }

    @Test
    void theReferenceDomainsPackagesHaveNoCycles() {
        slices().matching("dev.herald.reference.(*)..").should().beFreeOfCycles().check(APPLICATIONS);
    }

    @Test
    void theWarsPackagesHaveNoCycles() {
        slices().matching("dev.herald.api.(*)..").should().beFreeOfCycles().check(WAR);
    }

    @Test
    void theWarCallsOnlyServicesAndRecordsOfThePlatform() {
        noClasses().should().dependOnClassesThat().areAnnotatedWith("jakarta.persistence.Entity")
                .orShould().dependOnClassesThat().areAssignableTo("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.jms..", "org.redisson..")
                .because("the war translates HTTP and delegates: entities, persistence, the broker and Redis are the"
                        + " services' business")
                .check(WAR);
    }

    @Test
    void thePlatformAndTheWarBuildJsonThroughTheProviderLookedUpOnce() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.herald.kernel.WireJson")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a static factory of jakarta.json.Json",
                        call -> call.getTarget().getOwner().getFullName().equals("jakarta.json.Json")))
                .because("each of them looks the provider up again, about a tenth of an HTTP publish's CPU;"
                        + " dev.herald.kernel.WireJson.json() is the provider, looked up once")
                .check(new ClassFileImporter().importPaths(ROOT.resolve("ejb/target/classes"), ROOT.resolve("web/target/classes")));
    }
}
