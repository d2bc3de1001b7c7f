package io.lagline.config;

/** A {@link ConfigKey} declared in place rather than in a deployable's key enum. */
record DeclaredKey(String path, KeyRule rule, String doc) implements ConfigKey {
  @Override
  public String toString() {
    return path;
  }
}
