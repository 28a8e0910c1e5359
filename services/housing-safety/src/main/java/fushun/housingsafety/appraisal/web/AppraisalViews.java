package fushun.housingsafety.appraisal.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the housing-safety API answers: views, not table rows, so that a column added to a table is
 * not published by accident. Their field names are the API's (clients and the end-to-end tests read them).
 */
final class AppraisalViews {

    private AppraisalViews() {
    }

    record TaskView(UUID id, UUID householdId, String divisionCode, UUID alertId, LocalDate dueDate, String status,
                    Instant openedAt) {
    }

    record AppraisalView(UUID id, UUID householdId, String divisionCode, String grade, String inspector,
                         LocalDate appraisedOn, String findings, Instant recordedAt) {
    }

    /** appraisedBy, startedBy and completedBy are the usernames of who took each step. */
    record RenovationView(UUID id, UUID householdId, String divisionCode, UUID appraisalId, String kind,
                          BigDecimal subsidy, String parameterVersion, String status, LocalDate startedOn,
                          LocalDate completedOn, String completionGrade, String appraisedBy, String startedBy,
                          String completedBy) {
    }

    record ScreeningView(String county, int year, long households, long done, long left, List<ScreeningLineView> items,
                         int page, int size, long total) {
    }

    record ScreeningLineView(UUID householdId, String divisionCode, String headName, String grade, LocalDate appraisedOn) {
    }
}
