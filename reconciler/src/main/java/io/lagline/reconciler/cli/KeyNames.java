package io.lagline.reconciler.cli;

import io.lagline.reconciler.config.ReconcilerKey;
import java.util.Arrays;
import java.util.ListResourceBundle;

/**
 * The config keys by constant name, as the resource bundle of the command line: help text names a
 * key as {@code ${bundle:PUBSUB_TOPIC}} and shows its path from {@link ReconcilerKey}.
 */
final class KeyNames extends ListResourceBundle {
  @Override
  protected Object[][] getContents() {
    return Arrays.stream(ReconcilerKey.values())
        .map(key -> new Object[] {key.name(), key.path()})
        .toArray(Object[][]::new);
  }
}
