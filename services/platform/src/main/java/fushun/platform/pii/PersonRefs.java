package fushun.platform.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of an ID number (HMAC-SHA256 with the platform's person key). Bureaus match
 * their own records with it, e.g. a hospital settlement to a registered household member, while
 * no ID number crosses the bus. Without the key the hash cannot be reversed by trying numbers.
 */
public class PersonRefs {

    public static final int MIN_KEY_LENGTH = 16;

    private final SecretKeySpec key;

    public PersonRefs(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("person key must have at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(idNumber.toUpperCase().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
