package dev.scrum.injection;

import java.util.HashMap;
import java.util.Map;

/**
 * Letters of other scripts that look like Latin ones (Cyrillic {@code о}, Greek {@code ο}, Armenian {@code օ},
 * small capitals, dotless {@code ı}), folded to the Latin letter they imitate; after NFKD, which already maps
 * full-width, mathematical and circled letters. The table follows the Latin look-alikes of Unicode's
 * confusables list that occur in attacks; it does not turn Russian or Greek text into English.
 */
final class Homoglyphs {

    /** Pairs: a look-alike, then the Latin letter it imitates. */
    private static final String PAIRS = ""
            // Cyrillic small
            + "аaвbсcԁdеeғfһhіiјjкkӏlмmпnоoрpԛqгrѕsтtуyхxԝwѵvьbɡgʏy"
            // Cyrillic capital
            + "АAВBСCЕEНHІIЈJКKМMОOРPЅSТTУYХXԜWѴVԌGԚQ"
            // Greek small and capital
            + "αaβbγyδdεeηnιiκkνvοoρpτtυuχxωwϲcϳjΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXϹCϺM"
            // Armenian
            + "օoսuհhոnցgզqլlԼLՍUՕO"
            // Latin look-alikes NFKD keeps
            + "ıiȷjɑaɩiɪiʟlɢgɴnʀrʜhʙbᴀaᴄcᴅdᴇeᴊjᴋkᴍmᴏoᴘpᴛtᴜuᴠvᴡwᴢzꜱsꞯqǃ!";

    private static final Map<Integer, Integer> FOLD = new HashMap<>();

    static {
        for (int i = 0; i + 1 < PAIRS.length(); ) {
            int from = PAIRS.codePointAt(i);
            i += Character.charCount(from);
            int to = PAIRS.codePointAt(i);
            i += Character.charCount(to);
            FOLD.put(from, to);
        }
    }

    private Homoglyphs() {}

    /** The Latin letter {@code cp} imitates, or {@code cp} itself. */
    static int fold(int cp) {
        if (cp < 0x80) {
            return cp;
        }
        return FOLD.getOrDefault(cp, cp);
    }
}
