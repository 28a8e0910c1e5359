package fushun.platform.web;

/** A request that is well-formed but breaks a domain rule; answered 422 with the rule's message. */
public class RuleViolationException extends RuntimeException {

    private final String title;

    public RuleViolationException(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
