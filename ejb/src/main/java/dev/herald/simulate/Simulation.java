package dev.herald.simulate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event a person fired from the simulator, whatever became of it: who, when, which type, and the outcome. */
@Entity
@Table(name = "HERALD_SIMULATION", indexes = @Index(name = "IX_SIMULATION_TENANT_AT", columnList = "TENANT_ID, SIMULATED_AT"))
public class Simulation {

    /** The longest event type kept; a refused request may name a longer one, of which the record keeps the start. */
    static final int EVENT_TYPE_LENGTH = 200;
    static final int USER_LENGTH = 200;

    /**
     * What a refused request named, as a column can hold it: control characters (PostgreSQL refuses NUL in text)
     * become U+FFFD, and the text is cut at a code point, never inside a surrogate pair.
     */
    static String storable(String text, int maxChars) {
        StringBuilder kept = new StringBuilder(Math.min(text.length(), maxChars));
        text.codePoints().map(c -> Character.isISOControl(c) ? 0xFFFD : c).forEach(c -> {
            if (kept.length() + Character.charCount(c) <= maxChars) {
                kept.appendCodePoint(c);
            }
        });
        return kept.toString();
    }

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "USER_NAME", length = USER_LENGTH)
    private String user;

    @Column(name = "SIMULATED_AT", nullable = false)
    private Instant at;

    @Column(name = "EVENT_TYPE", nullable = false, length = EVENT_TYPE_LENGTH)
    private String eventType;

    @Column(name = "EVENT_ID", length = 36)
    private String eventId;

    @Column(name = "DRY_RUN", nullable = false)
    private boolean dryRun;

    @Enumerated(EnumType.STRING)
    @Column(name = "OUTCOME", nullable = false, length = 16)
    private SimulationOutcome outcome;

    @Column(name = "ISSUE_COUNT", nullable = false)
    private int issueCount;

    protected Simulation() {
    }

    Simulation(String id, String tenantId, String user, Instant at, String eventType, String eventId, boolean dryRun,
               SimulationOutcome outcome, int issueCount) {
        this.id = id;
        this.tenantId = tenantId;
        this.user = user == null ? null : storable(user, USER_LENGTH);
        this.at = at;
        this.eventType = storable(eventType, EVENT_TYPE_LENGTH);
        this.eventId = eventId;
        this.dryRun = dryRun;
        this.outcome = outcome;
        this.issueCount = issueCount;
    }

    public SimulationView view() {
        return new SimulationView(id, eventType, eventId, user, at, dryRun, outcome, issueCount);
    }
}
