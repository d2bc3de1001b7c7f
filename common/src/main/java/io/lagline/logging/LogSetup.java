package io.lagline.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging set-up shared by every Lagline program: picks the {@code lagline-logback.xml}
 * configuration (text or JSON on stderr, see that file) unless {@code -Dlogback.configurationFile}
 * names another, and routes {@code java.util.logging} (used by the Google clients) into SLF4J. Call
 * it first thing in {@code main}.
 */
public final class LogSetup {
  /** The logback configuration resource every Lagline program uses by default. */
  public static final String CONFIGURATION = "lagline-logback.xml";

  private LogSetup() {}

  /** Configures logging; idempotent. */
  public static void init() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", CONFIGURATION);
    }
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
