package io.lagline.pubsub;

/**
 * How the deployable that opened a connection names its two Pub/Sub settings, so a message about
 * the connection names the setting to fix (the reconciler's {@code pubsub.emulator-host}, the
 * producer's {@code --emulator}).
 *
 * @param emulatorHost the setting that selects the emulator
 * @param credentialsFile the setting that gives a service-account key or an {@code
 *     external_account} credential configuration
 */
public record SettingNames(String emulatorHost, String credentialsFile) {
  /** For a connection opened without naming its settings: the environment and the library. */
  public static final SettingNames DEFAULT =
      new SettingNames("PUBSUB_EMULATOR_HOST", "GOOGLE_APPLICATION_CREDENTIALS");
}
