package org.reformdesk.assessment.scheme;

/**
 * Recomputing every monthly score by the schemes in force, which publishing a scheme sets off. Live scoring does it;
 * the scheme feature only asks for it, so it need not know how scores are kept.
 */
public interface Rescoring {

    /** What a rebuild did: standings recomputed, and how many of them had a different score before. */
    record Result(int standings, int changed) {
    }

    /** Recomputes every monthly score from the stored facts and re-ranks; frozen months stay as published. */
    Result rebuild();
}
