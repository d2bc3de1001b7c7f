package io.lagline.metrics;

import io.lagline.metrics.PrometheusText.Family;
import io.lagline.metrics.PrometheusText.Sample;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Reads one non-blank line of a Prometheus text page, left to right. */
final class PrometheusLine {
  private final String line;
  private final int number;
  private int pos;

  PrometheusLine(String line, int number) {
    this.line = line;
    this.number = number;
  }

  /**
   * {@code # HELP name text} and {@code # TYPE name type} go into {@code families}; others pass.
   */
  void comment(Map<String, Family> families) {
    pos = 1;
    skipBlanks();
    String keyword = token();
    if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
      return;
    }
    skipBlanks();
    String name = name(false);
    skipBlanks();
    String rest = line.substring(pos);
    Family old = families.getOrDefault(name, new Family(name, "untyped", ""));
    families.put(
        name,
        keyword.equals("HELP")
            ? new Family(name, old.type(), unescape(rest, false))
            : new Family(name, rest.strip(), old.help()));
  }

  /** {@code name[{labels}] value [timestamp]}. */
  Sample sample() {
    String name = name(true);
    skipBlanks();
    Map<String, String> labels = new LinkedHashMap<>();
    if (peek() == '{') {
      pos++;
      labels(labels, '}');
    }
    skipBlanks();
    String value = token();
    if (value.isEmpty()) {
      throw error("a value");
    }
    skipBlanks();
    String timestamp = token();
    skipBlanks();
    if (pos < line.length()) {
      throw error("the end of the line");
    }
    try {
      return new Sample(
          name,
          labels,
          number(value),
          timestamp.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(timestamp)));
    } catch (NumberFormatException e) {
      throw error("a number for the value and an integer for the timestamp");
    }
  }

  /** The labels of a selector such as {@code outcome="applied",le="+Inf"}; empty for "". */
  static Map<String, String> selector(String selector) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (!selector.isBlank()) {
      PrometheusLine reader = new PrometheusLine(selector + "\n", 0);
      reader.labels(labels, '\n');
    }
    return labels;
  }

  /** A sample value or {@code le} bound: a float, {@code NaN}, {@code +Inf}, {@code -Inf}. */
  static double number(String text) {
    String unsigned = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
    if (unsigned.equalsIgnoreCase("Inf") || unsigned.equalsIgnoreCase("Infinity")) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.equalsIgnoreCase("NaN")) {
      return Double.NaN;
    }
    return Double.parseDouble(text);
  }

  /** {@code a="x",b="y"} up to and including {@code end}; a trailing comma is allowed. */
  private void labels(Map<String, String> labels, char end) {
    while (true) {
      skipBlanks();
      if (peek() == end) {
        pos++;
        return;
      }
      String label = name(false);
      skipBlanks();
      expect('=');
      skipBlanks();
      expect('"');
      labels.put(label, quoted());
      skipBlanks();
      if (peek() == ',') {
        pos++;
      } else if (peek() != end) {
        throw error("',' or '" + end + "'");
      }
    }
  }

  /** The rest of a label value after its opening quote, unescaped, consuming the closing one. */
  private String quoted() {
    int start = pos;
    while (pos < line.length() && line.charAt(pos) != '"') {
      pos += line.charAt(pos) == '\\' ? 2 : 1;
    }
    if (pos >= line.length()) {
      throw error("a closing '\"'");
    }
    return unescape(line.substring(start, pos++), true);
  }

  private static String unescape(String text, boolean quotes) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c == '\\' && (next == '\\' || next == 'n' || (quotes && next == '"'))) {
        out.append(next == 'n' ? '\n' : next);
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}) or, without colons, a label name. */
  private String name(boolean metric) {
    int start = pos;
    while (pos < line.length() && isNameChar(line.charAt(pos), pos == start, metric)) {
      pos++;
    }
    if (pos == start) {
      throw error(metric ? "a metric name" : "a name");
    }
    return line.substring(start, pos);
  }

  private static boolean isNameChar(char c, boolean first, boolean colon) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (colon && c == ':')
        || (!first && c >= '0' && c <= '9');
  }

  private String token() {
    int start = pos;
    while (pos < line.length() && !isBlank(line.charAt(pos))) {
      pos++;
    }
    return line.substring(start, pos);
  }

  private void skipBlanks() {
    while (pos < line.length() && isBlank(line.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private char peek() {
    return pos < line.length() ? line.charAt(pos) : 0;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + c + "'");
    }
    pos++;
  }

  private IllegalArgumentException error(String expected) {
    String where = number > 0 ? "line " + number + " of the metrics text" : "label selector";
    return new IllegalArgumentException(
        where + " needs " + expected + " at column " + (pos + 1) + ": " + line.strip());
  }
}
