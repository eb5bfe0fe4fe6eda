package com.uberpopug.ates.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which text a user may type into a command: what every store keeps as it was typed. */
class TextFieldsTest {

    @Test
    void printableTextOfAnyScriptAndEmojiIsFine() {
        assertThat(TextFields.singleLine("title", "Почистить клюв 🦜 — ÄÖÜ")).isEmpty();
        assertThat(TextFields.singleLine("title", null)).as("absence is another rule's business").isEmpty();
    }

    @Test
    void aNulIsRefusedNamingIt() {
        assertThat(TextFields.singleLine("title", "bad\u0000title")).contains(
                new FieldProblem("title", "Contains an invisible control character (U+0000); remove it."));
    }

    @Test
    void lineBreaksAndTabsAreFineOnlyInMultiLineText() {
        assertThat(TextFields.multiLine("description", "first line\r\n\tsecond line")).isEmpty();
        assertThat(TextFields.singleLine("title", "two\nlines")).contains(
                new FieldProblem("title", "Contains an invisible control character (U+000A); remove it."));
        assertThat(TextFields.multiLine("description", "bell\u0007")).contains(new FieldProblem("description",
                "Contains an invisible control character (U+0007); remove it (line breaks and tabs are fine)."));
    }

    @Test
    void otherControlCharactersAreRefusedToo() {
        assertThat(TextFields.singleLine("fullName", "Kesha\u001B[31m")).isPresent();
        assertThat(TextFields.singleLine("fullName", "Kesha\u007F")).isPresent();
        assertThat(TextFields.singleLine("fullName", "Kesha\u0085")).isPresent();
    }

    @Test
    void halfOfASurrogatePairIsRefused() {
        assertThat(TextFields.singleLine("title", "broken \uD83E")).contains(
                new FieldProblem("title", "Contains a broken character (half of a pair, U+D83E); remove it."));
        assertThat(TextFields.singleLine("title", "\uDD9C reversed")).isPresent();
    }
}
