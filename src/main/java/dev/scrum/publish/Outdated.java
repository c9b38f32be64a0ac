package dev.scrum.publish;

/** The body of an inline comment whose finding no longer holds, where the platform cannot resolve a thread. */
final class Outdated {

    private Outdated() {}

    /** The comment's body struck out under a note, its finding marker kept, with the outdated marker. */
    static String body(String original) {
        StringBuilder out = new StringBuilder("**Outdated:** the latest review no longer finds this.\n\n");
        for (String line : original.split("\n", -1)) {
            boolean marker = line.startsWith("<!-- ");
            out.append(marker || line.isBlank() ? line : "~~" + line.replace("~~", "") + "~~").append('\n');
        }
        return out.append(CommentMarker.outdated()).append('\n').toString();
    }
}
