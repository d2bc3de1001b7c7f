package io.lagline.reconciler.rebuild;

import io.lagline.pubsub.PubSubConnection;
import io.lagline.reconciler.app.Decorations;
import io.lagline.reconciler.app.ReconcilerApp;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.intake.PubSubIntake;
import io.lagline.reconciler.notify.Notifier;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code reconciler rebuild}: replays the retained stream into Cassandra through the reconciler's
 * own decoding, mapping and conditional writer, on a subscription of its own, until every message
 * published before the end of the window is settled. Beside running reconcilers on the same tables
 * this is safe: both write only versions newer than what a row holds, and an append-only row only
 * if it is absent.
 */
public final class Rebuild {
  private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);

  /** Nothing of the window unsettled and none received for this long: the rebuild is done. */
  static final Duration QUIET = Duration.ofSeconds(10);

  /** How often a progress line is printed. */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  private static final Duration POLL = Duration.ofMillis(200);

  /** How a rebuild ended. */
  public enum Ending {
    /** Every message of the window settled. */
    DONE,
    /** Stopped by a signal before that. */
    STOPPED,
    /** The subscriber failed for good. */
    FAILED
  }

  /**
   * @param ending how it ended
   * @param report the summary, one item per line
   * @param poison poison events met
   */
  public record Result(Ending ending, List<String> report, long poison) {}

  private final ReconcilerConfig config;
  private final RebuildPlan plan;
  private final PrintWriter out;
  private final CountDownLatch stop = new CountDownLatch(1);

  public Rebuild(ReconcilerConfig config, RebuildPlan plan, PrintWriter out) {
    this.config = config;
    this.plan = plan;
    this.out = out;
  }

  /** Asks a running rebuild to stop: in-flight writes finish, the rest is left unsettled. */
  public void stop() {
    stop.countDown();
  }

  /** Runs the rebuild to its end. */
  public Result run() throws InterruptedException {
    Clock clock = Clock.systemUTC();
    RebuildProgress progress = new RebuildProgress(plan.since(), plan.until(), System::nanoTime);
    AtomicLong poison = new AtomicLong();
    Decorations decorations =
        new Decorations(
            mapping -> plan.tables().isEmpty() ? mapping : mapping.only(plan.tables()),
            sink -> new RebuildDeadLetters(sink, plan.deadLetterPoison(), poison),
            notifier ->
                config.reconciled().notifyReplays() ? new ReplayNotifier(notifier) : Notifier.NONE,
            handler ->
                new ReplayReceiver(
                    handler, plan.until(), plan.typesWithoutWrites(), progress, clock));
    try (PubSubConnection connection = PubSubIntake.connect(config.pubsub());
        ReplaySubscription replay = ReplaySubscription.open(connection, plan.subscription())) {
      replay.create(plan.topic(), config.pubsub().ackDeadline());
      if (plan.snapshot() != null) {
        replay.seek(plan.snapshot());
      } else {
        replay.seek(plan.since());
      }
      Ending ending;
      ProgressLine line;
      try (ReconcilerApp app =
          ReconcilerApp.start(RebuildConfig.derive(config, plan), List.of(), decorations)) {
        progress.pulling();
        RebuildMetrics.register(app.registry(), progress, poison);
        out.println(
            "metrics:       http://" + config.admin().host() + ":" + app.adminPort() + "/metrics");
        line = new ProgressLine(progress, poison, app.registry());
        ending = await(app, progress, line);
      } finally {
        replay.delete();
      }
      List<String> report = line.summary(ending);
      LOG.info("rebuild ended: {}", ending);
      return new Result(ending, report, poison.get());
    }
  }

  private Ending await(ReconcilerApp app, RebuildProgress progress, ProgressLine line)
      throws InterruptedException {
    long nextLine = System.nanoTime() + PROGRESS_EVERY.toNanos();
    while (true) {
      if (stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        return Ending.STOPPED;
      }
      if (app.failure().isDone()) {
        return Ending.FAILED;
      }
      if (progress.done(QUIET)) {
        return Ending.DONE;
      }
      if (System.nanoTime() - nextLine >= 0) {
        out.println(line.now());
        nextLine += PROGRESS_EVERY.toNanos();
      }
    }
  }
}
