package fushun.employment.labour.web;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the labour API answers: views, not table rows, so that a column added to a table is not
 * published by accident. Their field names are the API's (clients and the end-to-end tests read them).
 */
final class LabourViews {

    private LabourViews() {
    }

    /** {@code memberStatus} LEFT: the person left the household on {@code leftOn}. */
    record PersonView(UUID personId, UUID householdId, String divisionCode, String name, String maskedIdNumber,
                      String labourCapacity, String employmentStatus, LocalDate statusSince, String memberStatus,
                      LocalDate leftOn) {
    }

    record TrainingView(UUID id, String course, int hours, LocalDate completedOn) {
    }
}
