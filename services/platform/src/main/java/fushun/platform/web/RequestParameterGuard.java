package fushun.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses a request to a controller whose query or form parameters or path variables hold a
 * control character ({@link ControlCharacters#inParameter}), before the controller runs: a
 * search word with {@code %00} must answer 400, not reach the database. Runs after the handler is
 * chosen, so the refusal is answered by {@link ProblemDetailsAdvice} like any other.
 */
public class RequestParameterGuard implements HandlerInterceptor {

    /** A parameter with a control character; its value is never repeated. */
    public static final class RefusedParameterException extends RuntimeException {

        private final String parameter;

        RefusedParameterException(String parameter) {
            super("request parameter holds a control character");
            this.parameter = parameter;
        }

        /** The parameter's name, or null when the name itself was refused. */
        public String parameter() {
            return parameter;
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (ControlCharacters.inParameter(parameter.getKey())) {
                throw new RefusedParameterException(null);
            }
            for (String value : parameter.getValue()) {
                if (ControlCharacters.inParameter(value)) {
                    throw new RefusedParameterException(parameter.getKey());
                }
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                if (variable.getValue() instanceof String value && ControlCharacters.inParameter(value)) {
                    throw new RefusedParameterException(String.valueOf(variable.getKey()));
                }
            }
        }
        return true;
    }
}
