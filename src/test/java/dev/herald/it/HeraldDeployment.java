package dev.herald.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR the build produced, deployed as it is: the integration tests never assemble a test-only archive. */
final class HeraldDeployment {

    private HeraldDeployment() {
    }

    static EnterpriseArchive builtEar() {
        File ear = new File(System.getProperty("herald.ear", "../../ear/target/herald.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("no EAR at " + ear.getAbsolutePath() + ": build the ear module first");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
