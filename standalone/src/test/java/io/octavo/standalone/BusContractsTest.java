package io.octavo.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.contracts.BusContract;
import io.octavo.common.contracts.PublishContract;
import io.octavo.common.media.MediaContracts;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.render.RenderContracts;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every event-bus address is declared once, as a contract in common; each request/reply contract
 * is answered once the services are deployed, and each has its row in docs/architecture.md.
 */
class BusContractsTest {
  private static final List<Class<?>> DECLARING = List.of(PostsContracts.class, MediaContracts.class, RenderContracts.class);
  private static final Path ARCHITECTURE = Path.of("..", "docs", "architecture.md");

  @Test
  void everyRequestContractIsAnsweredByTheDeployedServices() throws Exception {
    TestOctavo octavo = TestOctavo.start(BusContractsTest.class, Map.of());
    try {
      List<String> unanswered = new ArrayList<>();
      for (BusContract<?, ?> contract : requestContracts()) {
        // an empty body: the consumer may refuse it (400, 404, 422), but a consumer must be there
        Throwable failure = octavo.octavo().vertx().eventBus()
            .request(contract.address(), new JsonObject(), new DeliveryOptions().setSendTimeout(10_000))
            .map(reply -> (Throwable) null).otherwise(error -> error).await();
        if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
          unanswered.add(contract.address());
        }
      }
      assertThat(unanswered).as("contracts no deployed consumer answers").isEmpty();
    } finally {
      octavo.close();
    }
  }

  @Test
  void everyContractHasItsRowInTheArchitectureDocument() throws IOException {
    Set<String> declared = new TreeSet<>();
    requestContracts().forEach(contract -> declared.add(contract.address()));
    publishContracts().forEach(contract -> declared.add(contract.address()));

    Set<String> documented = documentedAddresses();

    assertThat(documented).as("rows of docs/architecture.md's event-bus table").containsAll(declared);
    assertThat(declared).as("documented addresses that no contract declares").containsAll(documented);
  }

  @Test
  void noAddressIsDeclaredTwice() {
    List<String> addresses = new ArrayList<>();
    requestContracts().forEach(contract -> addresses.add(contract.address()));
    publishContracts().forEach(contract -> addresses.add(contract.address()));
    assertThat(addresses).doesNotHaveDuplicates();
  }

  /** The first cell of each row in the table under "## Event-bus contract": one address, in backticks. */
  private static Set<String> documentedAddresses() throws IOException {
    String text = Files.readString(ARCHITECTURE);
    int start = text.indexOf("## Event-bus contract");
    assertThat(start).as("docs/architecture.md has an Event-bus contract section").isNotNegative();
    int end = text.indexOf("\n## ", start + 1);
    String section = text.substring(start, end < 0 ? text.length() : end);
    Set<String> addresses = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-z.]+)`").matcher(section);
    while (row.find()) {
      addresses.add(row.group(1));
    }
    return addresses;
  }

  private static List<BusContract<?, ?>> requestContracts() {
    List<BusContract<?, ?>> contracts = new ArrayList<>();
    constants(BusContract.class).forEach(contracts::add);
    return contracts;
  }

  private static List<PublishContract<?>> publishContracts() {
    List<PublishContract<?>> contracts = new ArrayList<>();
    constants(PublishContract.class).forEach(contracts::add);
    return contracts;
  }

  /** Every public constant of {@code type} in the classes that declare contracts. */
  private static <T> List<T> constants(Class<T> type) {
    List<T> found = new ArrayList<>();
    for (Class<?> declaring : DECLARING) {
      for (Field field : declaring.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && type.isAssignableFrom(field.getType())) {
          try {
            found.add(type.cast(field.get(null)));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return found;
  }
}
