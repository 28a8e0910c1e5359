package fushun.monitoring.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssignmentStatusTest {

    @ParameterizedTest(name = "{0}: acknowledged -> {1}, measure -> {2}, closed -> {3}")
    @CsvSource({
            "ASSIGNED, ACKNOWLEDGED, MEASURE_APPLIED, CLOSED",
            "ACKNOWLEDGED, ACKNOWLEDGED, MEASURE_APPLIED, CLOSED",
            "MEASURE_APPLIED, MEASURE_APPLIED, MEASURE_APPLIED, CLOSED",
            "CLOSED, CLOSED, CLOSED, CLOSED"})
    void shouldOnlyMoveForwardAndStayClosed(AssignmentStatus from, AssignmentStatus acknowledged, AssignmentStatus measure,
                                           AssignmentStatus closed) {
        assertThat(from.onAcknowledged()).isEqualTo(acknowledged);
        assertThat(from.onMeasure()).isEqualTo(measure);
        assertThat(from.onClosed()).isEqualTo(closed);
    }
}
