package io.lagline.testkit.stack;

import java.lang.reflect.Field;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension: when a test fails, every {@link LocalStack} field of the test instance keeps
 * its logs and data on close, and their location is printed, so the emulator's and the node's logs
 * can be read after CI. Use with {@code @ExtendWith(KeepLogsOnFailure.class)}.
 */
public final class KeepLogsOnFailure implements TestWatcher {
  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    context.getTestInstance().ifPresent(KeepLogsOnFailure::keepStacksOf);
  }

  static void keepStacksOf(Object testInstance) {
    for (Class<?> type = testInstance.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (LocalStack.class.isAssignableFrom(field.getType())) {
          try {
            field.setAccessible(true);
            Object stack = field.get(testInstance);
            if (stack != null) {
              ((LocalStack) stack).keepLogs();
            }
          } catch (ReflectiveOperationException | RuntimeException e) {
            // best effort: failing to keep logs must not hide the test's own failure
          }
        }
      }
    }
  }
}
