package fushun.monitoring.recheck.web;

import fushun.monitoring.elimination.EliminationRequests;
import fushun.monitoring.recheck.RecheckAlreadyOpen;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The re-check's refusals that carry more than a message: the re-check already open (to go to),
 * and every unmet elimination precondition (to act on). Ahead of the platform's advice.
 */
@RestControllerAdvice(basePackageClasses = RecheckProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RecheckProblems {

    @ExceptionHandler(RecheckAlreadyOpen.class)
    ProblemDetail alreadyOpen(RecheckAlreadyOpen e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle(e.title());
        problem.setProperty("existing", e.existing());
        return problem;
    }

    @ExceptionHandler(EliminationRequests.NotEligible.class)
    ProblemDetail notEligible(EliminationRequests.NotEligible e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle(e.title());
        problem.setProperty("failures", e.failures());
        return problem;
    }
}
