package com.crazyrouter.coze.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelNamesTest {
    private static final List<String> LISTED = List.of("gpt-5.4", "gpt-5.4-mini", "claude-sonnet-4-6", "gemini-3-pro-preview");

    @Test
    void theSameIdOrADatedSnapshotOfItIsTheSameModel() {
        assertTrue(ModelNames.sameModel("gpt-5.4", "gpt-5.4"));
        assertTrue(ModelNames.sameModel("gpt-5.4", "gpt-5.4-2026-03-05"));
        assertTrue(ModelNames.sameModel("gpt-5.4", "gpt-5.4-20260305"));
    }

    @Test
    void anotherVariantOrAnotherCaseIsNotTheSameModel() {
        assertFalse(ModelNames.sameModel("gpt-5.4", "gpt-5.4-mini"));
        assertFalse(ModelNames.sameModel("gpt-5.4", "gpt-5.4-mini-2026-03-05"));
        assertFalse(ModelNames.sameModel("gpt-5.4", "gpt-5.40"));
        assertFalse(ModelNames.sameModel("gpt-5.4", "GPT-5.4"));
        assertFalse(ModelNames.sameModel("gpt-5.4", "gpt-5.4-2026-3-5"));
        assertFalse(ModelNames.sameModel("gpt-5.4", null));
    }

    @Test
    void aMisspelledIdGetsTheClosestListedOne() {
        assertEquals(Optional.of("gpt-5.4"), ModelNames.closest("gpt-5.4o", LISTED));
        assertEquals(Optional.of("gpt-5.4"), ModelNames.closest("GPT-5.4", LISTED));
        assertEquals(Optional.of("gpt-5.4"), ModelNames.closest("gpt5.4", LISTED));
        assertEquals(Optional.of("gpt-5.4"), ModelNames.closest("gpt-5-4", LISTED));
        assertEquals(Optional.of("claude-sonnet-4-6"), ModelNames.closest("claude-sonet-4-6", LISTED));
        assertEquals(Optional.of("claude-sonnet-4-6"), ModelNames.closest("claude-sonnet-4.6", LISTED));
    }

    @Test
    void twoNeighboursSwappedAreOneEdit() {
        assertEquals(Optional.of("gpt-5.4"), ModelNames.closest("gtp-5.4", LISTED));
        // two swaps: 2 edits here, 4 for plain Levenshtein, which would suggest nothing
        assertEquals(Optional.of("claude-sonnet-4-6"), ModelNames.closest("cluade-snonet-4-6", LISTED));
    }

    @Test
    void nothingIsSuggestedForAListedIdOrOneFarFromEveryListedId() {
        assertEquals(Optional.empty(), ModelNames.closest("gpt-5.4", LISTED));
        assertEquals(Optional.empty(), ModelNames.closest("llama-4-maverick", LISTED));
        assertEquals(Optional.empty(), ModelNames.closest("", LISTED));
        assertEquals(Optional.empty(), ModelNames.closest("gpt-5.4o", List.of()));
    }

    @Test
    void saysHowATypedIdDiffers() {
        assertEquals("upper/lower case", ModelNames.howItDiffers("GPT-5.4", "gpt-5.4"));
        assertEquals("dots, dashes or spaces", ModelNames.howItDiffers("gpt-5-4", "gpt-5.4"));
        assertEquals("spelling", ModelNames.howItDiffers("gpt-5.4o", "gpt-5.4"));
    }
}
