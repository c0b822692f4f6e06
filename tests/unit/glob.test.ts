// The glob matcher of exemption patterns (lib/core/glob.ts): what it matches, and how much work a
// match costs, counted in the matcher's own steps (never timed).
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import fc from "fast-check";
import { globMatch, globSteps } from "../../lib/core/glob";

/** The reference: dynamic programming over (pattern, text) prefixes, O(n·m), obviously right. */
function reference(p: string, t: string): boolean {
    let row = new Array<boolean>(t.length + 1).fill(false);
    row[0] = true;
    for (let i = 0; i < p.length; i++) {
        const next = new Array<boolean>(t.length + 1).fill(false);
        if (p[i] === "*") {
            for (let j = 0; j <= t.length; j++) next[j] = row[j] || (j > 0 && next[j - 1]);
        } else {
            for (let j = 1; j <= t.length; j++) next[j] = row[j - 1] && (p[i] === "?" || p[i] === t[j - 1]);
        }
        row = next;
    }
    return row[t.length];
}

const hyphenated = (segments: number) => Array.from({ length: segments }, (_, i) => `seg${i}`).join("-");
const stars = (k: number, tail = "x") => `${Array(k).fill("*").join("-")}-${tail}`;

describe("glob matching", () => {
    const cases: [string, string, boolean][] = [
        ["legacy-*", "legacy-aks", true],
        ["legacy-*", "legacy-", true],
        ["legacy-*", "new-legacy-aks", false],
        ["*-aks", "prod-aks", true],
        ["a?c", "abc", true],
        ["a?c", "ac", false],
        ["a?c", "abbc", false],
        ["a*c", "abbc", true],
        ["a*c", "ac", true],
        ["a*b*c", "axxbyyc", true],
        ["a*b*c", "axxcyyb", false],
        ["ab*ba", "aba", false],
        ["ab*ba", "abba", true],
        ["*", "", true],
        ["", "", true],
        ["", "a", false],
        ["**", "anything", true],
        ["a.c", "abc", false],
        ["a.c", "a.c", true],
        ["a+(b)[c]{d}|^$\\", "a+(b)[c]{d}|^$\\", true],
        ["urn:pulumi:*::azure-native:containerservice:ManagedCluster::*", "urn:pulumi:dev::proj::azure-native:containerservice:ManagedCluster::aks", true],
        ["*-*-*-*-*-*-*-*-*-*-x", hyphenated(200), false],
        ["*-*-*-*-*-*-*-*-*-*-x", `${hyphenated(200)}-x`, true],
        [`*${"a".repeat(40)}b*`, "a".repeat(5000), false],
        [`*${"a".repeat(40)}b*`, `${"a".repeat(5000)}b`, true],
    ];
    for (const [pattern, text, want] of cases) {
        it(`${want ? "matches" : "does not match"} ${JSON.stringify(pattern.slice(0, 60))} against ${JSON.stringify(text.slice(0, 40))}${text.length > 40 ? "…" : ""}`, () => {
            assert.equal(globMatch(pattern, text), want);
            assert.equal(globSteps(pattern, text).matched, want);
        });
    }

    it("answers false, never throws, for patterns or texts that are not strings", () => {
        for (const v of [5, null, undefined, {}, [], true, ["a*"]]) {
            assert.equal(globMatch(v, "a"), false);
            assert.equal(globMatch("*", v), false);
        }
    });

    it("agrees with the reference on random patterns over a small alphabet (property-based)", () => {
        const pattern = fc.string({ unit: fc.constantFrom("a", "b", "-", "*", "?"), maxLength: 12 });
        const long = fc.string({ unit: fc.constantFrom("a", "b", "*", "?"), minLength: 30, maxLength: 90 });
        const text = fc.string({ unit: fc.constantFrom("a", "b", "-"), maxLength: 40 });
        fc.assert(fc.property(pattern, text, (p, t) => globMatch(p, t) === reference(p, t)), { seed: 14, numRuns: 3000 });
        // Segments longer than one 32-bit word.
        fc.assert(fc.property(long, fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 200 }), (p, t) => globMatch(p, t) === reference(p, t)), { seed: 14, numRuns: 500 });
    });

    it("takes steps linear in the name's length for the adversarial star patterns, whatever the number of stars", () => {
        for (const k of [2, 4, 8, 10, 16, 32]) {
            for (const tail of ["x", "seg0"]) {
                const p = stars(k, tail);
                const small = globSteps(p, `${hyphenated(250)}-y`).steps;
                const big = globSteps(p, `${hyphenated(2000)}-y`).steps;
                const n = hyphenated(2000).length + 2;
                assert.ok(big <= 2 * (n + p.length) + 64, `${p}: ${big} steps for a ${n}-character name`);
                // 8 times the name: at most about 8 times the steps (exponential growth would explode).
                assert.ok(big <= 9 * small + 64, `${p}: ${small} -> ${big} steps`);
            }
        }
    });

    it("takes steps linear in both lengths for middle segments up to 32 characters", () => {
        // Each text character costs one word update per middle segment boundary reached, never a rescan.
        const shapes = (s: number) => [
            `*${"a".repeat(s - 1)}b*`, // the classic worst case of the two-pointer matcher: O(n·s) there
            `*${"a?".repeat(s / 2 - 1)}ab*`,
            `*${"-*".repeat(s)}x`,
            `a*${"ab*".repeat(s)}c`,
        ];
        for (const s of [4, 16, 32]) {
            for (const p of shapes(s)) {
                for (const n of [1000, 8000]) {
                    const t = "a".repeat(n) + "-".repeat(n / 10);
                    const { steps } = globSteps(p, t);
                    assert.ok(steps <= 3 * (t.length + p.length) + 64, `${JSON.stringify(p)} over ${t.length} characters: ${steps} steps`);
                }
            }
        }
    });

    it("takes at most n·⌈m/32⌉ word steps plus the pattern for any pattern (quadratic at worst, never exponential)", () => {
        const arb = fc.tuple(fc.string({ unit: fc.constantFrom("a", "*", "?", "b"), maxLength: 300 }), fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 3000 }));
        fc.assert(fc.property(arb, ([p, t]) => {
            const { steps } = globSteps(p, t);
            return steps <= (t.length + 1) * (Math.ceil(p.length / 32) + 1) * 2 + 4 * p.length + 64;
        }), { seed: 14, numRuns: 300 });
    });
});
