package io.octavo.posts.fields;

import io.octavo.common.posts.FrontMatterBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Front matter that YAML refuses (an unquoted "title: Vert.x: a tour" is common in real blogs),
 * read the way a person would: one {@code key: value} a line, {@code - item} lines as a list. An
 * import keeps the post rather than dropping it over a colon, and says so in its report.
 */
public final class LenientFrontMatter {
  private static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:\\s?(.*)$");
  private static final Pattern ITEM = Pattern.compile("^\\s+-\\s+(.*)$|^-\\s+(.*)$");

  private LenientFrontMatter() {
  }

  /** The block {@link FrontMatterBlock} found, read line by line; the body is the one it found. */
  public static FrontMatter.Split split(String markdown) {
    FrontMatterBlock block = FrontMatterBlock.find(markdown);
    Map<String, Object> fields = new LinkedHashMap<>();
    String listKey = null;
    for (String line : block.text().split("\n")) {
      Matcher item = ITEM.matcher(line);
      Matcher pair = KEY_VALUE.matcher(line);
      if (item.matches() && listKey != null) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) fields.computeIfAbsent(listKey, key -> new ArrayList<>());
        list.add(unquote(item.group(1) != null ? item.group(1) : item.group(2)));
      } else if (pair.matches()) {
        String value = pair.group(2).strip();
        listKey = value.isEmpty() ? pair.group(1) : null;
        if (!value.isEmpty()) {
          fields.put(pair.group(1), value.startsWith("[") && value.endsWith("]")
              ? new ArrayList<>(List.of(value.substring(1, value.length() - 1).split("\\s*,\\s*"))) : unquote(value));
        }
      }
    }
    return new FrontMatter.Split(fields, block.body());
  }

  private static String unquote(String value) {
    String v = value.strip();
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
