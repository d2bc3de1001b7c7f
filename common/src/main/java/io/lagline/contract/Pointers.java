package io.lagline.contract;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.Set;

/** JSON pointers (RFC 6901) of the values a validator error is about. */
final class Pointers {
  /** Keywords reported at the object, whose error names the property at fault. */
  private static final Set<String> PROPERTY_KEYWORDS =
      Set.of("required", "additionalProperties", "unevaluatedProperties", "dependentRequired");

  private Pointers() {}

  /**
   * The pointer of the value {@code error} is about: its instance location, and for a missing or
   * unexpected property the property itself ({@code /battery/level}, not {@code /battery}); {@code
   * payload} for the payload as a whole.
   */
  static String of(Error error) {
    StringBuilder pointer = new StringBuilder();
    NodePath location = error.getInstanceLocation();
    for (int i = 0; location != null && i < location.getNameCount(); i++) {
      append(pointer, String.valueOf(location.getElement(i)));
    }
    if (error.getProperty() != null && PROPERTY_KEYWORDS.contains(error.getKeyword())) {
      append(pointer, error.getProperty());
    }
    return pointer.isEmpty() ? "payload" : pointer.toString();
  }

  private static void append(StringBuilder pointer, String token) {
    pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
  }
}
