package dev.scrum.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Alignment score: 8/10;8",
        "**Score:** 8 / 10;8",
        "## Score: 7;7",
        "### Alignment Score — 9/10;9",
        "I would rate it 6 out of 10.;6",
        "| Alignment | 5/10 |;5",
        "Overall score: 10/10;10",
        "score 3;3",
        "**Alignment score**: **4**/10;4",
    })
    void readsTheFormsModelsWrite(String text, int expected) {
        assertEquals(expected, ScoreParser.parse("Intro line.\n" + text + "\n- a change at line 120"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "No score here, but line 12 and 3 changes.", "Use 20/100 of the budget"})
    void isNullWithoutAScore(String text) {
        assertNull(ScoreParser.parse(text));
    }
}
