package io.lagline.producer.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** The pure checks of a request's headers: media type, idempotency key, body fingerprint. */
final class RequestChecks {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String KEY_RULE = "Idempotency-Key must be 1 to 255 visible ASCII characters";

  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private RequestChecks() {}

  /** Whether {@code contentType} is {@code application/json}, with parameters or not. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json");
  }

  static boolean validKey(String key) {
    return KEY.matcher(key).matches();
  }

  /** SHA-256 of the route and the body: the same key with another request is refused. */
  static String fingerprint(String route, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(route.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return HexFormat.of().formatHex(digest.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
