package io.github.bybitkit.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Renders a result as aligned text tables. It works on the JSON form ({@link ResultJson}), so column names are
 * Bybit's field names and values are the exact text {@code --json} shows.
 *
 * <ul>
 *   <li>a list of records: one row per record, a column per field (numbers right-aligned);
 *   <li>a map of records (balances by coin): the same, with the key in the first column;
 *   <li>a single record: one field/value line per field;
 *   <li>a field that is itself a record or a list of records: its own section below, titled with its path, e.g.
 *       {@code wallet} or {@code assetPnlRange[0].totalPnlRanges.ALL.pnlRanges};
 *   <li>a scalar: the value alone.
 * </ul>
 *
 * Fields that are null or absent everywhere are left out (--json shows what Bybit sent). A list too wide for
 * {@value #MAX_ROW_WIDTH} characters is shown as one field/value block per record instead.
 */
final class ResultTable {
  static final int MAX_ROW_WIDTH = 160;
  private static final String GAP = "  ";
  private static final String INDENT = "  ";
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private final StringBuilder out = new StringBuilder();
  /** The fields to show ({@code --columns}), in this order; null for all. */
  private final List<String> only;
  /** Every scalar field name of the result, for naming the ones to choose from. */
  private final Set<String> seen = new TreeSet<>();

  private ResultTable(List<String> only) {
    this.only = only;
  }

  /**
   * @param result what the generated method returned
   * @return the tables, ending with a line break
   */
  static String render(Object result) {
    return render(result, false);
  }

  /** @param raw whether time fields show their wire form instead of ISO-8601 UTC ({@link ResultJson}) */
  static String render(Object result, boolean raw) {
    return render(result, raw, null);
  }

  /**
   * @param columns the only fields to show, in this order, in every table and record ({@code --columns}); null for
   *     all. A list of records becomes a compact table of these columns, however wide the records are.
   * @throws UnknownColumnsException when a column is no field of the result
   */
  static String render(Object result, boolean raw, List<String> columns) {
    if (result == null) {
      return "OK\n";
    }
    Object tree = JsonTree.parse(ResultJson.write(result, raw));
    ResultTable table = new ResultTable(columns);
    if (result instanceof Map<?, ?> && tree instanceof Map<?, ?> map && allRecords(map.values())) {
      table.keyedRows("", asMap(map));
    } else {
      table.section("", tree);
    }
    if (columns != null) {
      List<String> unknown = columns.stream().filter(column -> !table.seen.contains(column)).toList();
      if (!unknown.isEmpty()) {
        throw new UnknownColumnsException(unknown, table.seen);
      }
    }
    return table.out.isEmpty() ? "(empty)\n" : table.out.toString();
  }

  /** {@code --columns} named fields the result does not have. */
  static final class UnknownColumnsException extends RuntimeException {
    UnknownColumnsException(List<String> unknown, Set<String> fields) {
      super("No field " + String.join(", ", unknown.stream().map(c -> "'" + printable(c) + "'").toList())
          + " in the result. Its fields: " + (fields.isEmpty() ? "none" : String.join(", ", fields)) + ".");
    }
  }

  private boolean shown(String field) {
    return only == null || only.contains(field);
  }

  private void section(String title, Object node) {
    if (node instanceof Map<?, ?> map) {
      fields(title, asMap(map));
    } else if (node instanceof List<?> list) {
      rows(title, list);
    } else {
      if (!title.isEmpty()) {
        heading(title);
      }
      line(indent(title), cell(node));
    }
  }

  /** A record: field/value lines for its scalars, then a section per nested record or list. */
  private void fields(String title, Map<String, Object> record) {
    List<String[]> lines = new ArrayList<>();
    for (Map.Entry<String, Object> field : record.entrySet()) {
      if (isCell(field.getValue()) && field.getValue() != null) {
        seen.add(field.getKey());
        if (shown(field.getKey())) {
          lines.add(new String[] {field.getKey(), cell(field.getValue())});
        }
      }
    }
    boolean nested = record.values().stream().anyMatch(value -> !isCell(value));
    if (only != null && lines.isEmpty()) {
      // Compact: a record without a chosen field shows nothing of its own, only its nested sections.
      for (Map.Entry<String, Object> field : record.entrySet()) {
        if (!isCell(field.getValue())) {
          section(path(title, field.getKey()), field.getValue());
        }
      }
      return;
    }
    // A record made only of nested records gets no heading of its own: its sections carry the path.
    if (!title.isEmpty() && (!lines.isEmpty() || !nested)) {
      heading(title);
    }
    if (lines.isEmpty() && !nested) {
      line(indent(title), "(empty)");
    }
    table(indent(title), null, lines, new boolean[2]);
    for (Map.Entry<String, Object> field : record.entrySet()) {
      if (!isCell(field.getValue())) {
        section(path(title, field.getKey()), field.getValue());
      }
    }
  }

  /** A list: a row per record, or a line per scalar. */
  private void rows(String title, List<?> items) {
    if (!allRecords(items)) {
      if (!title.isEmpty()) {
        heading(title);
      }
      if (items.isEmpty()) {
        line(indent(title), "(none)");
      }
      for (Object item : items) {
        line(indent(title), cell(item));
      }
      return;
    }
    List<String> labels = new ArrayList<>();
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      labels.add(title + "[" + i + "]");
      records.add(asMap((Map<?, ?>) items.get(i)));
    }
    recordTable(title, null, labels, records);
  }

  /** A map of records: like a list, with the key as the first column. */
  private void keyedRows(String title, Map<String, Object> map) {
    List<String> keys = new ArrayList<>(map.keySet());
    List<String> labels = keys.stream().map(key -> path(title, key)).toList();
    List<Map<String, Object>> records = map.values().stream().map(v -> asMap((Map<?, ?>) v)).toList();
    recordTable(title, keys, labels, records);
  }

  private void recordTable(String title, List<String> keys, List<String> labels, List<Map<String, Object>> records) {
    Set<String> present = new LinkedHashSet<>();
    for (Map<String, Object> record : records) {
      record.forEach((name, value) -> {
        if (value != null && isCell(value)) {
          present.add(name);
        }
      });
    }
    seen.addAll(present);
    Set<String> columns = present;
    if (only != null) {
      columns = new LinkedHashSet<>(only);
      columns.retainAll(present);
    }
    List<String> header = new ArrayList<>();
    if (keys != null) {
      header.add("key");
    }
    header.addAll(columns);
    List<String[]> lines = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      List<String> cells = new ArrayList<>();
      if (keys != null) {
        cells.add(keys.get(i));
      }
      for (String column : columns) {
        Object value = records.get(i).get(column);
        cells.add(value == null ? "" : cell(value));
      }
      lines.add(cells.toArray(String[]::new));
    }
    if (only == null && width(header.toArray(String[]::new), lines) > MAX_ROW_WIDTH) {
      // Too wide to read as rows: one block per record.
      for (int i = 0; i < records.size(); i++) {
        fields(labels.get(i), records.get(i));
      }
      return;
    }
    boolean hasColumns = !columns.isEmpty();
    if (!title.isEmpty() && hasColumns) {
      heading(title);
    }
    boolean[] numeric = numericColumns(header.size(), lines);
    if (hasColumns) {
      table(indent(title), header.toArray(String[]::new), lines, numeric);
    }
    for (int i = 0; i < records.size(); i++) {
      for (Map.Entry<String, Object> field : records.get(i).entrySet()) {
        if (!isCell(field.getValue())) {
          section(path(labels.get(i), field.getKey()), field.getValue());
        }
      }
    }
  }

  private void table(String indent, String[] header, List<String[]> lines, boolean[] rightAligned) {
    if (lines.isEmpty()) {
      return;
    }
    int columns = lines.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : header == null ? lines : concat(header, lines)) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    if (header != null) {
      line(indent, format(header, widths, new boolean[columns]));
      String[] rule = new String[columns];
      for (int c = 0; c < columns; c++) {
        rule[c] = "-".repeat(widths[c]);
      }
      line(indent, format(rule, widths, new boolean[columns]));
    }
    for (String[] row : lines) {
      line(indent, format(row, widths, rightAligned));
    }
  }

  private static String format(String[] row, int[] widths, boolean[] rightAligned) {
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < row.length; c++) {
      String padding = " ".repeat(widths[c] - row[c].length());
      text.append(c == 0 ? "" : GAP).append(rightAligned[c] ? padding + row[c] : row[c] + padding);
    }
    return text.toString().stripTrailing();
  }

  private static int width(String[] header, List<String[]> lines) {
    int total = 0;
    for (int c = 0; c < header.length; c++) {
      int width = header[c].length();
      for (String[] row : lines) {
        width = Math.max(width, row[c].length());
      }
      total += width + (c == 0 ? 0 : GAP.length());
    }
    return total;
  }

  /** Columns whose every non-empty cell is a number, decimals sent as text included, are right-aligned. */
  private static boolean[] numericColumns(int count, List<String[]> lines) {
    boolean[] numeric = new boolean[count];
    for (int c = 0; c < count; c++) {
      boolean any = false;
      boolean all = true;
      for (String[] row : lines) {
        if (!row[c].isEmpty()) {
          any = true;
          all &= NUMBER.matcher(row[c]).matches();
        }
      }
      numeric[c] = any && all;
    }
    return numeric;
  }

  private static List<String[]> concat(String[] first, List<String[]> rest) {
    List<String[]> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private void heading(String title) {
    if (!out.isEmpty()) {
      out.append('\n');
    }
    out.append(title).append(":\n");
  }

  private void line(String indent, String text) {
    out.append(indent).append(text).append('\n');
  }

  private static String indent(String title) {
    return title.isEmpty() ? "" : INDENT;
  }

  private static String path(String title, String name) {
    return title.isEmpty() ? name : title + "." + name;
  }

  /** Scalars, and lists of scalars (joined in one cell), fit in a cell; records and lists of records do not. */
  private static boolean isCell(Object value) {
    if (value instanceof Map<?, ?>) {
      return false;
    }
    if (value instanceof List<?> list) {
      return !list.isEmpty() && list.stream().noneMatch(item -> item instanceof Map<?, ?> || item instanceof List<?>);
    }
    return true;
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      return String.join(", ", list.stream().map(ResultTable::cell).toList());
    }
    return printable(value.toString());
  }

  /**
   * Text from the network made safe to print: control characters (line breaks that would break a table, escape
   * sequences a terminal would act on) become spaces.
   */
  static String printable(String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
  }

  private static boolean allRecords(Collection<?> values) {
    return !values.isEmpty() && values.stream().allMatch(value -> value instanceof Map<?, ?>);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
