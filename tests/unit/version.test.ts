import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { olderThan, parseVersion } from "../../lib/core/version";

describe("lib/core/version", () => {
    const parses: [unknown, ReturnType<typeof parseVersion>][] = [
        ["1.33", { major: 1, minor: 33 }],
        ["1.33.2", { major: 1, minor: 33, patch: 2 }],
        ["v1.33", { major: 1, minor: 33 }],
        ["V2.0.10", { major: 2, minor: 0, patch: 10 }],
        ["1", undefined],
        ["1.33.", undefined],
        ["1.33.2.1", undefined],
        ["1.33.2-preview", undefined],
        [" 1.33", undefined],
        ["", undefined],
        [1.33, undefined],
        [null, undefined],
        ["1.99999999999999999999", undefined],
    ];
    for (const [s, want] of parses) {
        it(`parses ${JSON.stringify(s)}`, () => assert.deepEqual(parseVersion(s), want));
    }
    const order: [string, string, boolean][] = [
        ["1.32", "1.33", true],
        ["1.33", "1.33", false],
        ["1.34", "1.33", false],
        ["1.9", "1.33", true],
        ["1.100", "1.33", false],
        ["0.99", "1.0", true],
        ["2.0", "1.99", false],
        ["1.33.1", "1.33.2", true],
        ["1.33.2", "1.33.2", false],
        ["1.33", "1.33.2", false],
        ["1.33.0", "1.33", false],
    ];
    for (const [v, min, want] of order) {
        it(`${v} is ${want ? "" : "not "}older than ${min}`, () => assert.equal(olderThan(parseVersion(v)!, parseVersion(min)!), want));
    }
});
