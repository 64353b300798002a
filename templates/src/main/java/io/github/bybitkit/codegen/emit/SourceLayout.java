package io.github.bybitkit.codegen.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps JavaPoet's output within the width of the hand-written sources. JavaPoet leaves Javadoc as the emitters
 * write it (a spec description is one line per paragraph) and breaks code only where a format asks for it, so the
 * emitters write plain text and code and this pass wraps what is too long: Javadoc text is refilled at spaces,
 * code is broken after a comma or before a chained call, with a 4-space continuation indent. It never breaks inside
 * a string or character literal or an inline Javadoc tag, so the result is the same program.
 */
final class SourceLayout {
  /** A Javadoc text line: the {@code " * "} prefix and text that starts with no space. */
  private static final Pattern DOC_LINE = Pattern.compile("(\\s*\\* )(\\S.*)");
  private static final String CONTINUATION = "    ";

  private SourceLayout() {}

  /** The source with every line that is too long wrapped; lines that cannot be broken are left as they are. */
  static String wrap(String source, int width) {
    List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
    List<String> out = new ArrayList<>(lines.size() + 64);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.length() <= width) {
        out.add(line);
        continue;
      }
      Matcher doc = DOC_LINE.matcher(line);
      if (doc.matches()) {
        String leftover = wrapDoc(doc.group(1), doc.group(2), width, out);
        Matcher next = i + 1 < lines.size() ? DOC_LINE.matcher(lines.get(i + 1)) : null;
        if (leftover != null && next != null && next.matches() && continuesParagraph(next.group(2))) {
          // Refill: the rest joins the next line of the same paragraph instead of standing alone.
          lines.set(i + 1, next.group(1) + leftover + " " + next.group(2));
        } else if (leftover != null) {
          out.add(doc.group(1) + (doc.group(2).startsWith("@") ? CONTINUATION : "") + leftover);
        }
      } else if (line.strip().startsWith("//") || line.strip().startsWith("*") || line.strip().startsWith("/*")) {
        out.add(line);
      } else {
        wrapCode(line, width, out);
      }
    }
    return String.join("\n", out);
  }

  private static boolean continuesParagraph(String text) {
    return !text.startsWith("@") && !text.startsWith("<");
  }

  /**
   * Adds the full lines of a too-long Javadoc line to {@code out} and returns what is left for one more line (null
   * when nothing is). A block tag's continuation lines are indented 4 more, as in the hand-written sources.
   */
  private static String wrapDoc(String prefix, String text, int width, List<String> out) {
    String continuation = prefix + (text.startsWith("@") ? CONTINUATION : "");
    String current = prefix;
    String rest = text;
    boolean broken = false;
    while (current.length() + rest.length() > width) {
      int cut = docBreak(rest, width - current.length());
      if (cut < 0) {
        break;
      }
      out.add(current + rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut + 1);
      current = continuation;
      broken = true;
    }
    if (!broken) {
      out.add(prefix + rest);
      return null;
    }
    return rest;
  }

  /**
   * The last space at or before {@code max} outside inline tags and not before an {@code @} (a line starting with
   * one would be a block tag), else the first such space after it; -1 when there is none.
   */
  private static int docBreak(String text, int max) {
    int depth = 0;
    int best = -1;
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == ' ' && depth == 0 && text.charAt(i + 1) != '@' && text.charAt(i + 1) != ' ') {
        if (i > max) {
          return best > 0 ? best : i;
        }
        best = i;
      }
    }
    return best;
  }

  /** Adds a code line to {@code out}, broken into pieces no longer than {@code width} where it can be. */
  private static void wrapCode(String line, int width, List<String> out) {
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    String continuation = indent + CONTINUATION;
    String rest = line;
    while (rest.length() > width) {
      int start = rest.length() - rest.stripLeading().length();
      int cut = codeBreak(rest, start, width);
      if (cut > 0) {
        out.add(rest.substring(0, cut).stripTrailing());
        rest = continuation + rest.substring(cut).stripLeading();
        continue;
      }
      // A string literal too long for any line: the same constant, as two literals joined with +.
      int split = literalSplit(rest, start, width - 1);
      if (split < 0) {
        break;
      }
      out.add(rest.substring(0, split) + "\"");
      rest = continuation + "+ \"" + rest.substring(split);
    }
    out.add(rest);
  }

  /**
   * Where to break a code line between tokens: the last point before {@code width} after {@code ", "} or before a
   * chained {@code .call} (a dot after a closing parenthesis); else before a ternary or binary operator; else the
   * last space there. Only outside literals and
   * past the indentation; -1 when there is none. Java ignores a line break between tokens, so any of them keeps the
   * program the same.
   */
  private static int codeBreak(String line, int start, int width) {
    int preferred = -1;
    int operator = -1;
    int space = -1;
    boolean inString = false;
    boolean inChar = false;
    for (int i = start; i < line.length() && i < width; i++) {
      char c = line.charAt(i);
      if (inString || inChar) {
        if (c == '\\') {
          i++;
        } else if (c == '"' && inString) {
          inString = false;
        } else if (c == '\'' && inChar) {
          inChar = false;
        }
        continue;
      }
      boolean pastIndent = i > start + 8;
      if (c == '"') {
        inString = true;
      } else if (c == '\'') {
        inChar = true;
      } else if (c == ',' && pastIndent && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
        preferred = i + 1;
      } else if (c == '.' && pastIndent && line.charAt(i - 1) == ')') {
        preferred = i;
      } else if (c == ' ' && pastIndent) {
        if (i + 2 < line.length() && "?:+|&".indexOf(line.charAt(i + 1)) >= 0 && line.charAt(i + 2) == ' ') {
          operator = i;
        }
        space = i;
      }
    }
    return preferred > 0 ? preferred : operator > 0 ? operator : space;
  }

  /**
   * Where to split a string literal that crosses {@code max}: just after its last space before {@code max}, so the
   * first part ends in that space; -1 when no literal can be split there.
   */
  private static int literalSplit(String line, int start, int max) {
    boolean inString = false;
    int literalStart = -1;
    int best = -1;
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
          if (i + 2 >= max && best > 0) {
            return best; // the literal fits, but what closes it (quote, comma, parenthesis) crosses the limit
          }
          best = -1;
        } else if (c == ' ' && i + 1 < max && i > literalStart + 1) {
          best = i + 1;
        }
        if (inString && i >= max) {
          return best;
        }
      } else if (c == '"') {
        inString = true;
        literalStart = i;
      } else if (c == '\'') {
        // skip a char literal: it may be a quote
        i += line.charAt(i + 1) == '\\' ? 3 : 2;
      }
    }
    return -1;
  }
}
