package io.octavo.posts.fields;

import io.octavo.common.ServiceFailure;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's safe constructor, but a YAML timestamp must name a real day and time: SnakeYAML
 * builds dates with a lenient {@code Calendar}, which turns {@code 2020-13-45} into 2021-02-14 and
 * {@code 2021-02-30} into March 2nd. Those are refused with a 422 instead of stored.
 *
 * <p>Keys are text as written: {@code 2024:}, {@code yes:} or {@code 1.5:} would otherwise become an
 * Integer, a Boolean ({@code true}) or a Double, which neither the fields nor meta (JSON) can take.
 * A key with no name ({@code ~:}, {@code null:}) is refused: it names nothing a post could keep.
 */
final class StrictYamlConstructor extends SafeConstructor {
  /** The fields of a YAML 1.1 timestamp (the resolver has already matched its full syntax). */
  private static final Pattern PARTS = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:[Tt]|[ \\t]+)(\\d{1,2}):(\\d{2}):(\\d{2}).*)?");

  StrictYamlConstructor(LoaderOptions options) {
    super(options);
    ConstructYamlTimestamp lenient = new ConstructYamlTimestamp();
    yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlTimestamp() {
      @Override
      public Object construct(Node node) {
        check(((ScalarNode) node).getValue());
        return lenient.construct(node);
      }
    });
  }

  @Override
  protected void constructMapping2ndStep(MappingNode node, Map<Object, Object> mapping) {
    for (NodeTuple tuple : node.getValue()) {
      Node key = tuple.getKeyNode();
      if (key.getTag().equals(Tag.MERGE)) {
        continue; // "<<: *defaults" merges another mapping in; SafeConstructor flattens it
      }
      if (!(key instanceof ScalarNode scalar)) {
        throw ServiceFailure.unprocessable("front matter keys must be names; line " + line(key)
            + " has a list or a mapping as a key");
      }
      if (key.getTag().equals(Tag.NULL)) {
        throw ServiceFailure.unprocessable("front matter line " + line(key) + " has a key with no name ('"
            + scalar.getValue() + "'): name it or remove the line");
      }
      key.setTag(Tag.STR);
    }
    super.constructMapping2ndStep(node, mapping);
  }

  /** The key's line in the front matter, counting the opening fence as line 1, as an editor shows the file. */
  private static int line(Node node) {
    return node.getStartMark().getLine() + 2;
  }

  private static void check(String timestamp) {
    Matcher parts = PARTS.matcher(timestamp.strip());
    if (!parts.matches()) {
      return;
    }
    try {
      LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)), Integer.parseInt(parts.group(3)));
      if (parts.group(4) != null) {
        LocalTime.of(Integer.parseInt(parts.group(4)), Integer.parseInt(parts.group(5)), Integer.parseInt(parts.group(6)));
      }
    } catch (DateTimeException e) {
      throw ServiceFailure.unprocessable("'" + timestamp + "' in the front matter is not a real date: " + e.getMessage());
    }
  }
}
