package fushun.monitoring.income;

import fushun.platform.policy.PolicyParameters;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/** A county's monitoring line for a year, by {@link MonitoringLine#forYear}; a year without one answers 400. */
@Service
public class MonitoringLines {

    /** A year before the first monitoring line: the client asked for something that does not exist. */
    public static class NoLineException extends ErrorResponseException {

        NoLineException(int year) {
            super(HttpStatus.BAD_REQUEST, problem(year), null);
        }

        private static ProblemDetail problem(int year) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    year + "年没有防止返贫监测线：监测线自2021年起施行（人均年纯收入6600元为基数，逐年增长10%），"
                            + "请选择2021年或以后的年份。");
            problem.setTitle("该年份没有监测线");
            return problem;
        }
    }

    private final PolicyParameters parameters;

    public MonitoringLines(PolicyParameters parameters) {
        this.parameters = parameters;
    }

    /** The line of {@code year} as in force on {@code on} (a day of that year) for the county. */
    public MonitoringLine.YearLine lineFor(String county, int year, LocalDate on) {
        return MonitoringLine.forYear(year,
                        parameters.valueAt(MonitoringLine.PARAMETER, county, on).orElse(null),
                        parameters.valueAt(MonitoringLine.GROWTH_PARAMETER, county, on).orElse(null))
                .orElseThrow(() -> new NoLineException(year));
    }
}
