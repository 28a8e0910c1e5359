package fushun.platform.web;

/**
 * Nothing there for this caller. Also what a caller gets for a record outside their
 * jurisdiction: saying "forbidden" would tell them it exists.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
