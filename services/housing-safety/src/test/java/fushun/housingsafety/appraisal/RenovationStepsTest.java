package fushun.housingsafety.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.housingsafety.appraisal.RenovationSteps.Status;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenovationStepsTest {

    @ParameterizedTest(name = "start when {0}: {1}")
    @CsvSource({"PLANNED, ''", "STARTED, 改造已开工", "COMPLETED, 改造已开工"})
    void shouldStartOnlyAPlannedRenovation(Status status, String refusal) {
        assertThat(RenovationSteps.toStart(status).map(RenovationSteps.Refusal::title).orElse("")).isEqualTo(refusal);
    }

    @ParameterizedTest(name = "{0}: appraised by {1}, started by {2} on {3}; {4} accepts {5} on {6} -> {7}")
    @CsvSource({
            // status | appraised by | started by | started on | accepted by | grade | completed on | refusal | 403?
            "STARTED,   wang,  li,   2026-05-01, zhao,  A, 2026-09-30, '',           false",
            "STARTED,   wang,  li,   2026-05-01, zhao,  B, 2026-05-01, '',           false",
            // a third person is needed: neither the appraiser nor the starter, in any case or spacing
            "STARTED,   wang,  li,   2026-05-01, wang,  A, 2026-09-30, 职责分离（四眼原则）, true",
            "STARTED,   wang,  li,   2026-05-01, ' LI ', A, 2026-09-30, 职责分离（四眼原则）, true",
            // started before the starter was recorded (V5): the appraiser still may not accept
            "STARTED,   wang,  ,     2026-05-01, zhao,  A, 2026-09-30, '',           false",
            "STARTED,   wang,  ,     2026-05-01, wang,  A, 2026-09-30, 职责分离（四眼原则）, true",
            // an unknown caller accepts nothing
            "STARTED,   wang,  li,   2026-05-01, '',    A, 2026-09-30, 职责分离（四眼原则）, true",
            // the house must come out safe
            "STARTED,   wang,  li,   2026-05-01, zhao,  C, 2026-09-30, 验收不合格,     false",
            "STARTED,   wang,  li,   2026-05-01, zhao,  D, 2026-09-30, 验收不合格,     false",
            "STARTED,   wang,  li,   2026-05-01, zhao,  A, 2026-04-30, 日期有误,       false",
            // only started work is accepted, and the state is checked before who asks
            "PLANNED,   wang,  ,     ,           zhao,  A, 2026-09-30, 改造未开工,     false",
            "COMPLETED, wang,  li,   2026-05-01, wang,  A, 2026-09-30, 改造未开工,     false",
            // four eyes before the grade: the appraiser learns it is not theirs to accept
            "STARTED,   wang,  li,   2026-05-01, li,    D, 2026-04-30, 职责分离（四眼原则）, true"})
    void shouldAcceptStartedWorkOnlyByAThirdPersonAndOnlySafe(Status status, String appraisedBy, String startedBy,
                                                             LocalDate startedOn, String by, HouseGrade grade,
                                                             LocalDate completedOn, String refusal, boolean forbidden) {
        var decision = RenovationSteps.toComplete(status, appraisedBy, startedBy, startedOn, by, grade, completedOn);

        assertThat(decision.map(RenovationSteps.Refusal::title).orElse("")).isEqualTo(refusal);
        assertThat(decision.map(RenovationSteps.Refusal::forbidden).orElse(false)).isEqualTo(forbidden);
    }
}
