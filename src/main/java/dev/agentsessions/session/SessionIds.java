package dev.agentsessions.session;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Public session ids: minted by the server from a CSPRNG, or, for agents that allow it, chosen by the client. */
public final class SessionIds {

    /** 192 random bits, base64url without padding: 32 characters. */
    private static final int RANDOM_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** A client-chosen id must be long enough not to be guessed and hold nothing but URL-safe characters. */
    public static final String CLIENT_ID_PATTERN = "^[A-Za-z0-9_-]{16,128}$";
    private static final Pattern CLIENT_ID = Pattern.compile(CLIENT_ID_PATTERN);

    private SessionIds() {}

    public static String mint() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Whether text could be a session id at all; anything else is looked up as nothing. */
    public static boolean isWellFormed(String text) {
        return text != null && CLIENT_ID.matcher(text).matches();
    }
}
