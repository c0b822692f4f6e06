import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { collectGarbage, gcAvailable } from "../../lib/core/gc";

describe("lib/core/gc", () => {
    it("gets a full collection on this Node.js without --expose-gc on the command line, and runs it", () => {
        assert.equal(gcAvailable(), true, "v8.setFlagsFromString('--expose-gc') was refused: big AnalyzeStack calls lose their collections");
        const before = process.memoryUsage().heapUsed;
        let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `x${i}` }));
        assert.equal(garbage.length, 200_000);
        garbage = undefined;
        collectGarbage();
        assert.ok(process.memoryUsage().heapUsed < before + 8 * 1024 * 1024, "the garbage was collected");
    });
});
