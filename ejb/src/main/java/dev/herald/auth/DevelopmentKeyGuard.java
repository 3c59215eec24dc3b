package dev.herald.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Applies {@link DevelopmentKeyPolicy} once at start: a refusal is logged SEVERE and keeps readiness DOWN
 * ({@code DevelopmentKeyHealthCheck} in the war reports {@link #verdict()}).
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DevelopmentKeyGuard {

    private static final Logger LOG = Logger.getLogger(DevelopmentKeyGuard.class.getName());

    @Inject
    Config config;

    @Inject
    AuthSettings settings;

    private volatile DevelopmentKeyPolicy.Verdict verdict;

    @PostConstruct
    void check() {
        verdict = DevelopmentKeyPolicy.decide(settings.devProfile(), settings.devTokensEnabled(),
                config.getOptionalValue(DevelopmentKeyPolicy.PUBLIC_KEY, String.class),
                config.getOptionalValue(DevelopmentKeyPolicy.PUBLIC_KEY_LOCATION, String.class));
        if (verdict.refused()) {
            LOG.log(Level.SEVERE, "Herald stays not ready: {0}", verdict.reason());
        } else if (verdict.devKey()) {
            LOG.info("Tokens are verified with the development key (" + AuthSettings.DEV_PROFILE + "=true)");
        }
    }

    public DevelopmentKeyPolicy.Verdict verdict() {
        return verdict;
    }
}
