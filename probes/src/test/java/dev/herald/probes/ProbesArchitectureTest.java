package dev.herald.probes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** A probe reaches into the platform: it is never open to a caller without a token and a role. */
class ProbesArchitectureTest {

    private static final JavaClasses PROBES = new ClassFileImporter().importPath(Paths.get("target/classes"));

    @Test
    void everyProbeResourceNeedsARole() {
        classes().that().areAnnotatedWith(Path.class).should().beAnnotatedWith(RolesAllowed.class)
                .because("a probe publishes, rolls back and claims on the caller's behalf: never without a token")
                .check(PROBES);
    }
}
