package io.lagline.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into a graceful stop: the JVM's default handling would run shutdown
 * hooks and exit with 143/130 even after a clean drain, which orchestrators read as a failure.
 * {@code sun.misc.Signal} (module jdk.unsupported, exported by every JDK) is reached by reflection,
 * so the build stays free of internal-API warnings; where it is missing, callers fall back to a
 * shutdown hook.
 */
public final class StopSignals {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

  private StopSignals() {}

  /**
   * Calls {@code onStop} (on the signal's own thread; it must not block) for SIGTERM and SIGINT.
   *
   * @return false when signals cannot be trapped on this JVM
   */
  public static boolean trap(Runnable onStop) {
    return trap(name -> onStop.run());
  }

  /**
   * Calls {@code onSignal} with the signal's name ({@code TERM} or {@code INT}), on the signal's
   * own thread (it must not block), for SIGTERM and SIGINT.
   *
   * @return false when signals cannot be trapped on this JVM
   */
  public static boolean trap(Consumer<String> onSignal) {
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Method getName = signalType.getMethod("getName");
      Object handler =
          Proxy.newProxyInstance(
              handlerType.getClassLoader(),
              new Class<?>[] {handlerType},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "handle" -> {
                      onSignal.accept((String) getName.invoke(args[0]));
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
