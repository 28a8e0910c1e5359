package fushun.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The division a caller works in. Every query and command is limited to it: a county operator
 * sees only households whose division code starts with the county's code. A caller without a
 * division claim covers nothing.
 */
public record Jurisdiction(String divisionCode, String prefix) {

    public static final Jurisdiction NONE = new Jurisdiction(null, null);

    public static Jurisdiction of(String divisionCode) {
        if (!DivisionCodes.isWellFormed(divisionCode)) {
            return NONE;
        }
        return new Jurisdiction(divisionCode, DivisionCodes.prefixOf(divisionCode));
    }

    public boolean covers(String code) {
        return prefix != null && code != null && code.startsWith(prefix);
    }

    /** For SQL: {@code division_code like :pattern}. Matches nothing for {@link #NONE}. */
    public String likePattern() {
        return prefix == null ? "-" : prefix + "%";
    }

    /** The caller's jurisdiction, from the authenticated token. */
    public static Jurisdiction current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof PlatformAuthentication platform) {
            return platform.jurisdiction();
        }
        return NONE;
    }
}
