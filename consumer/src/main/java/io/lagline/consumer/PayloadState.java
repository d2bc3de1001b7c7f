package io.lagline.consumer;

import io.lagline.event.Reconciled;
import java.util.Optional;

/** Whether a notification's data is the event's payload ({@code reconciled_payload}). */
public enum PayloadState {
  /** {@code data} is the original payload, a JSON object. */
  INCLUDED(Reconciled.PAYLOAD_INCLUDED),
  /** {@code data} is empty: {@code pubsub.reconciled.include-payload} is false. */
  OMITTED(Reconciled.PAYLOAD_OMITTED),
  /** {@code data} is empty: the notification would not have fit in one Pub/Sub message with it. */
  TOO_LARGE(Reconciled.PAYLOAD_TOO_LARGE);

  private final String wireName;

  PayloadState(String wireName) {
    this.wireName = wireName;
  }

  /** The attribute value, e.g. {@code included}. */
  public String wireName() {
    return wireName;
  }

  /** The state whose {@link #wireName()} is {@code value}, if any. */
  public static Optional<PayloadState> fromWireName(String value) {
    for (PayloadState state : values()) {
      if (state.wireName.equals(value)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
