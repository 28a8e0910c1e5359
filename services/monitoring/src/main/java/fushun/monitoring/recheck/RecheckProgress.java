package fushun.monitoring.recheck;

/**
 * A township's or village's progress: tasks, how many are visited, reviewed and confirmed, how
 * many are still open past the due date, and the visits' outcomes (counted once visited).
 */
public record RecheckProgress(String divisionCode, long total, long visited, long reviewed, long confirmed, long overdue,
                              long stillAtRisk, long proposeElimination, long proposeCategoryChange) {
}
