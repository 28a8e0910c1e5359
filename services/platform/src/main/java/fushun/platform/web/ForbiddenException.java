package fushun.platform.web;

/**
 * The caller's role allows this kind of action, but not on this record: for instance separation of
 * duties (they submitted what they now want to approve). Answered 403 with the reason, unlike a
 * record outside the caller's division, which is {@link NotFoundException}: here the caller already
 * knows the record, so saying why tells them nothing new.
 */
public class ForbiddenException extends RuntimeException {

    private final String title;

    public ForbiddenException(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
