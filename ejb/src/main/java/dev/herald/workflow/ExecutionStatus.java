package dev.herald.workflow;

/**
 * Where an execution stands. A definition maps each of its states to one of these: WAITING states wait for a
 * correlated domain event (the trigger router resumes only those), RUNNING states take events submitted directly,
 * and COMPLETED states accept nothing more.
 */
public enum ExecutionStatus {
    RUNNING, WAITING, COMPLETED
}
