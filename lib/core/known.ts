// What preview cannot know: a value set from another resource's output is UNKNOWN until the
// update, a type of its own (never the string "unknown", which a user could write).

/** A value that cannot be known during preview (set from another resource's output). */
export const UNKNOWN: unique symbol = Symbol("unknown during preview");

/** A value read for a decision, or UNKNOWN during preview. */
export type Known<T> = T | typeof UNKNOWN;
