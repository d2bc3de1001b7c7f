package io.lagline.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The peak sustainable rate: steps of a fixed length at rates growing by {@code factor} from {@code
 * start}, stopping at the first step that breaks the criterion or after {@code maxSteps}, so the
 * search is bounded in steps and time.
 */
final class PeakSearch {
  private PeakSearch() {}

  static PeakResult search(
      double start,
      double factor,
      int maxSteps,
      PeakCriterion criterion,
      int cores,
      DoubleFunction<PhaseResult> step) {
    if (!(factor > 1) || maxSteps < 1) {
      throw new IllegalArgumentException(
          "factor must be > 1 and maxSteps >= 1, were " + factor + " and " + maxSteps);
    }
    List<PhaseResult> steps = new ArrayList<>();
    double rate = start;
    for (int i = 0; i < maxSteps; i++) {
      PhaseResult result = step.apply(rate);
      steps.add(result);
      if (!criterion.sustained(result)) {
        break;
      }
      rate *= factor;
    }
    return new PeakResult(steps, criterion, cores);
  }
}
