package io.lagline.reconciler.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into a graceful stop: the JVM's default handling would run shutdown
 * hooks and exit with 143/130 even after a clean drain, which orchestrators read as a failure.
 * {@code sun.misc.Signal} (module jdk.unsupported, exported by every JDK) is reached by reflection,
 * so the build stays free of internal-API warnings; where it is missing, callers fall back to a
 * shutdown hook.
 */
final class StopSignals {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

  private StopSignals() {}

  /**
   * Calls {@code onStop} (on the signal's own thread; it must not block) for SIGTERM and SIGINT.
   *
   * @return false when signals cannot be trapped on this JVM
   */
  static boolean trap(Runnable onStop) {
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Object handler =
          Proxy.newProxyInstance(
              handlerType.getClassLoader(),
              new Class<?>[] {handlerType},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "handle" -> {
                      onStop.run();
                      yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "lagline stop handler";
                  });
      Method handle = signalType.getMethod("handle", signalType, handlerType);
      Constructor<?> signal = signalType.getConstructor(String.class);
      for (String name : List.of("TERM", "INT")) {
        handle.invoke(null, signal.newInstance(name), handler);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.debug("cannot trap stop signals; using a shutdown hook", e);
      return false;
    }
  }
}
