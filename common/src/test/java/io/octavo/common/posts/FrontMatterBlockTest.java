package io.octavo.common.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.FrontMatterBlock.Format;
import org.junit.jupiter.api.Test;

/** Where front matter ends decides what readers see, what is searched and which fields a post gets. */
class FrontMatterBlockTest {
  private static final String BODY = "Kites over the bay.\n";

  @Test
  void yamlAndTomlFrontMatterAreSplitFromTheBody() {
    assertThat(FrontMatterBlock.find("---\ntitle: Kites\n---\n" + BODY))
        .isEqualTo(new FrontMatterBlock(Format.YAML, "title: Kites\n", BODY));
    assertThat(FrontMatterBlock.find("---\ntitle: Kites\n...\n" + BODY))
        .isEqualTo(new FrontMatterBlock(Format.YAML, "title: Kites\n", BODY));
    assertThat(FrontMatterBlock.find("+++\ntitle = \"Kites\"\n+++\n" + BODY))
        .isEqualTo(new FrontMatterBlock(Format.TOML, "title = \"Kites\"\n", BODY));
  }

  @Test
  void anOpeningFenceWithTrailingWhitespaceStillOpens() {
    // the renderer before this splitter (commonmark's YAML extension) hid these; posts re-render
    assertThat(FrontMatterBlock.find("--- \ntitle: Kites\n---\n" + BODY))
        .isEqualTo(new FrontMatterBlock(Format.YAML, "title: Kites\n", BODY));
    assertThat(FrontMatterBlock.find("---\t \r\ntitle: Kites\r\n--- \r\n" + BODY))
        .isEqualTo(new FrontMatterBlock(Format.YAML, "title: Kites\r\n", BODY));
    assertThat(FrontMatterBlock.find("+++  \ntitle = \"Kites\"\n+++\n" + BODY))
        .isEqualTo(new FrontMatterBlock(Format.TOML, "title = \"Kites\"\n", BODY));
  }

  @Test
  void aFenceLineWithTextOrNoClosingLineIsBodyText() {
    String withText = "--- a note\ntitle: Kites\n---\n" + BODY;
    assertThat(FrontMatterBlock.find(withText)).isEqualTo(new FrontMatterBlock(Format.NONE, "", withText));
    String indented = " ---\ntitle: Kites\n---\n" + BODY;
    assertThat(FrontMatterBlock.find(indented).format()).isEqualTo(Format.NONE);
    String rule = "--- \n" + BODY;
    assertThat(FrontMatterBlock.find(rule)).isEqualTo(new FrontMatterBlock(Format.NONE, "", rule));
    assertThat(FrontMatterBlock.find(null)).isEqualTo(new FrontMatterBlock(Format.NONE, "", ""));
  }
}
