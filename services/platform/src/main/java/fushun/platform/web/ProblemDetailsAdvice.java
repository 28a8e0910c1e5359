package fushun.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import fushun.platform.pii.PiiMasking;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * Every error as RFC 9457 problem details with a plain Chinese title; field errors listed under
 * {@code errors}. Never a stack trace to the client.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("未找到");
        return problem;
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle(e.title());
        return problem;
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail accessDenied(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "当前用户的角色不允许此操作。");
        problem.setTitle("无权访问");
        return problem;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle(e.title());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(e.title());
        return problem;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail conflict(DuplicateKeyException e) {
        log.warn("Conflict: {}", PiiMasking.scrub(String.valueOf(e.getMostSpecificCause().getMessage())));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "该记录已存在，或正被他人同时修改，请刷新后重试。");
        problem.setTitle("记录冲突");
        return problem;
    }

    /**
     * Two transactions waiting on each other's rows (a deadlock PostgreSQL broke, a lock timeout): the
     * request changed nothing and may simply be sent again.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ProblemDetail contended(PessimisticLockingFailureException e) {
        log.warn("Contended: {}", PiiMasking.scrub(String.valueOf(e.getMostSpecificCause().getMessage())));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "该记录正被同时处理，本次未作任何修改，请稍后重试。");
        problem.setTitle("记录冲突");
        return problem;
    }

    /** Logged without the messages' personal data: database errors quote the values they refused. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            causes.append("\n  caused by ").append(t.getClass().getName()).append(": ").append(PiiMasking.scrub(t.getMessage()));
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 8); i++) {
                causes.append("\n    at ").append(frames[i]);
            }
        }
        log.error("Unexpected error{}", causes);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "服务内部错误，请稍后重试。");
        problem.setTitle("服务错误");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求内容不符合要求，请按字段提示修改。");
        problem.setTitle("请求无效");
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.<String, Object>of("field", f.getField(),
                        "message", f.getDefaultMessage() == null ? "无效" : f.getDefaultMessage()))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求参数不符合要求，请按提示修改。");
        problem.setTitle("请求无效");
        List<Map<String, Object>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.<String, Object>of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", error.getDefaultMessage() == null ? "无效" : error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A parameter refused by a method-validation proxy (a class-level {@code @Validated}) rather than
     * by Spring MVC's own validation: the same 400 problem, the parameter named by the path's last node.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求参数不符合要求，请按提示修改。");
        problem.setTitle("请求无效");
        List<Map<String, Object>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.<String, Object>of("field", lastNode(v.getPropertyPath()),
                        "message", v.getMessage() == null ? "无效" : v.getMessage()))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String lastNode(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = String.valueOf(node.getName());
        }
        return name;
    }

    /** A query parameter or path variable with a control character (see {@link RequestParameterGuard}). */
    @ExceptionHandler(RequestParameterGuard.RefusedParameterException.class)
    ProblemDetail refusedParameter(RequestParameterGuard.RefusedParameterException e, HttpServletRequest request) {
        String name = e.parameter() == null ? "（参数名）" : e.parameter();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "参数 " + name + " 含有不允许的控制字符（例如 NUL），请删除后重试。");
        problem.setTitle("请求无效");
        problem.setProperty("errors", List.of(Map.of("field", name, "message", "不能含有控制字符")));
        // the request's path would repeat a refused path variable: the mapping's pattern stands for it
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            try {
                problem.setInstance(new URI(null, null, pattern, null));
            } catch (URISyntaxException ignored) {
                problem.setInstance(URI.create("about:blank"));
            }
        }
        return problem;
    }

    /**
     * An unreadable body, or a value that {@link StrictJson} refuses. The field is named when Jackson
     * knows it; the refused value is never repeated (Jackson's own message quotes it).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        JacksonException jackson = jacksonCause(e);
        String field = jackson == null ? "" : pathOf(jackson);
        ProblemDetail problem;
        if (field.isEmpty()) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    jackson instanceof StrictJson.ControlCharacterException
                            ? "请求内容含有不允许的控制字符（例如 NUL），请删除后重试。"
                            : "请求体不是有效的 JSON，或字段类型不对（例如日期、金额、是/否）。");
        } else {
            String message = jackson instanceof StrictJson.ControlCharacterException ? "不能含有控制字符（例如 NUL）"
                    : jackson instanceof InvalidNullException ? "不能为空值（null）"
                    : "类型或格式不对（是/否只能为 true 或 false，整数不能带小数，日期如 2026-03-01）";
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "字段 " + field + " " + message + "。");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        problem.setTitle("请求无效");
        return ResponseEntity.badRequest().body(problem);
    }

    private static JacksonException jacksonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** {@code members[2].name}; a segment that itself holds a control character (a hostile map key) shows as ?. */
    static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            String name = reference.getPropertyName();
            if (name != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ControlCharacters.inParameter(name) || name.length() > 64 ? "?" : name);
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A query or path parameter of the wrong kind (a date, a number, a code from a fixed list). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "参数 " + name + " 的取值无效，请检查格式（例如日期为 2026-03-01，月份为 2026-03）或可选值。");
        problem.setTitle("请求无效");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getTitle() != null && status.is4xxClientError()) {
            problem.setTitle("请求无效");
            problem.setDetail(status.value() == 404 ? "请求的地址不存在。" : "请求无法处理：" + problem.getDetail());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }
}
