package io.lagline.testkit.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A log file that stops growing at a size cap: bytes past the cap are counted and dropped, and one
 * marker line says so. A child process under overload can write gigabytes of log; this keeps a test
 * run's disk use bounded.
 */
public final class CappedLogSink extends OutputStream {
  private final OutputStream out;
  private final long capBytes;
  private long written;
  private long discarded;
  private boolean capped;

  private CappedLogSink(OutputStream out, long capBytes) {
    if (capBytes < 0) {
      throw new IllegalArgumentException("capBytes must be >= 0, was " + capBytes);
    }
    this.out = out;
    this.capBytes = capBytes;
  }

  /** Appends to {@code file}, creating it and its parent directories. */
  public static CappedLogSink open(Path file, long capBytes) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return new CappedLogSink(out, capBytes);
  }

  /** For tests: caps writes to any stream. */
  static CappedLogSink wrap(OutputStream out, long capBytes) {
    return new CappedLogSink(out, capBytes);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    long room = capBytes - written;
    int kept = (int) Math.max(0, Math.min(room, length));
    if (kept > 0) {
      out.write(bytes, offset, kept);
      written += kept;
    }
    if (kept < length) {
      discarded += length - kept;
      if (!capped) {
        capped = true;
        String marker =
            System.lineSeparator()
                + "[lagline-testkit] log capped at "
                + capBytes
                + " bytes; further output is discarded"
                + System.lineSeparator();
        out.write(marker.getBytes(StandardCharsets.UTF_8));
      }
    }
    out.flush();
  }

  /** Bytes kept in the file (the marker line not counted). */
  synchronized long writtenBytes() {
    return written;
  }

  /** Bytes dropped because the cap was reached. */
  synchronized long discardedBytes() {
    return discarded;
  }

  synchronized boolean isCapped() {
    return capped;
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
