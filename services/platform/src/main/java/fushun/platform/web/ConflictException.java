package fushun.platform.web;

/**
 * A request that clashes with one already taken, e.g. an idempotency key sent again with a
 * different body; answered 409 with the message, never a silent success.
 */
public class ConflictException extends RuntimeException {

    private final String title;

    public ConflictException(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
