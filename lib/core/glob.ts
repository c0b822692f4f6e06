// Glob matching for configuration patterns (exemption `match.name`, `urn`, `type`,
// `namespace`): `*` matches any run of characters (none included), `?` exactly one, every
// other character itself. Never a regular expression built from the pattern: a backtracking
// engine takes exponential time on patterns like `*-*-*-*-*-*-*-*-*-*-x`, and the CLI sets
// no deadline on a call.
//
// The pattern is split at its stars into segments: the first must be a prefix of the text,
// the last a suffix, and each one between must occur in order, without overlapping; taking
// the leftmost occurrence of each is always right. Each occurrence is found with a
// bit-parallel (shift-and) scan that treats `?` as any character, so the text is read once
// per segment boundary, never rescanned: a match costs O(n · ⌈s / 32⌉ + m) steps for a text
// of n characters, a pattern of m and a longest segment of s, which is linear in both
// lengths for every segment up to 32 characters, and never more than O(n · m / 32 + m).

const ANY = 63; // "?"

/** One star-free stretch of the pattern, compiled for the shift-and scan. */
interface Segment {
    text: string;
    /** Words of the bit vector (⌈length / 32⌉). */
    words: number;
    /** Per character code: which positions accept it (the `?` positions accept every code). */
    masks: Map<number, Uint32Array>;
    /** The mask of a character that appears nowhere in the segment: only the `?` positions. */
    any: Uint32Array;
}

interface Compiled {
    /** No star: the whole text must match `segments[0]`. */
    exact: boolean;
    segments: Segment[];
}

let steps = 0;

function segment(text: string): Segment {
    const words = Math.max(1, Math.ceil(text.length / 32));
    const any = new Uint32Array(words);
    for (let i = 0; i < text.length; i++) {
        steps++;
        if (text.charCodeAt(i) === ANY) any[i >>> 5] |= 1 << (i & 31);
    }
    const masks = new Map<number, Uint32Array>();
    for (let i = 0; i < text.length; i++) {
        steps++;
        const c = text.charCodeAt(i);
        if (c === ANY) continue;
        let m = masks.get(c);
        if (!m) {
            m = any.slice();
            steps += words;
            masks.set(c, m);
        }
        m[i >>> 5] |= 1 << (i & 31);
    }
    return { text, words, masks, any };
}

function compile(pattern: string): Compiled {
    const parts = pattern.split("*");
    steps += pattern.length;
    return { exact: parts.length === 1, segments: parts.map(segment) };
}

/** Does `seg` match `text` exactly at `at` (`?` any character)? */
function matchesAt(seg: Segment, text: string, at: number): boolean {
    const s = seg.text;
    for (let i = 0; i < s.length; i++) {
        steps++;
        const c = s.charCodeAt(i);
        if (c !== ANY && c !== text.charCodeAt(at + i)) return false;
    }
    return true;
}

/**
 * The end of the leftmost occurrence of `seg` in `text` that starts at or after `from` and
 * ends at or before `limit`, or -1. Shift-and: bit i of `state` says that the segment's first
 * i + 1 characters end at the current position.
 */
function find(seg: Segment, text: string, from: number, limit: number): number {
    const len = seg.text.length;
    if (len === 0) return from;
    const words = seg.words;
    const top = (len - 1) >>> 5;
    const bit = 1 << ((len - 1) & 31);
    const state = new Uint32Array(words);
    for (let j = from; j < limit; j++) {
        const mask = seg.masks.get(text.charCodeAt(j)) ?? seg.any;
        let carry = 1;
        for (let w = 0; w < words; w++) {
            steps++;
            const v = state[w];
            state[w] = ((v << 1) | carry) & mask[w];
            carry = v >>> 31;
        }
        if (state[top] & bit) return j + 1;
    }
    return -1;
}

function run(c: Compiled, text: string): boolean {
    const segs = c.segments;
    const first = segs[0];
    if (c.exact) return text.length === first.text.length && matchesAt(first, text, 0);
    const last = segs[segs.length - 1];
    const end = text.length - last.text.length;
    if (end < first.text.length || !matchesAt(first, text, 0)) return false;
    let at = first.text.length;
    for (let i = 1; i < segs.length - 1; i++) {
        at = find(segs[i], text, at, end);
        if (at < 0) return false;
    }
    return matchesAt(last, text, end);
}

const cache = new Map<string, Compiled>();
const CACHE_MAX = 1024;

function compiled(pattern: string): Compiled {
    let c = cache.get(pattern);
    if (!c) {
        c = compile(pattern);
        if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
        cache.set(pattern, c);
    }
    return c;
}

/** Does `text` match the glob `pattern` (`*` any run, `?` one character)? False for non-strings. */
export function globMatch(pattern: unknown, text: unknown): boolean {
    if (typeof pattern !== "string" || typeof text !== "string") return false;
    return run(compiled(pattern), text);
}

/**
 * The matcher instrumented: the answer and the number of elementary steps it took (characters
 * of the pattern compiled, character comparisons, bit-vector word updates), compiling afresh.
 * For tests and benchmarks that bound the matcher's cost without timing it.
 */
export function globSteps(pattern: string, text: string): { matched: boolean; steps: number } {
    steps = 0;
    const matched = run(compile(pattern), text);
    return { matched, steps };
}
