// Generated files must be in sync with their sources: the docs with the policies' metadata,
// the recorded example stacks with the example programs.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { files } from "../../scripts/docs";
import { examples, recordFresh, recordingPath, stackExportPath, toStackExport } from "../../scripts/record";

const ROOT = path.resolve(__dirname, "..", "..", "..");

describe("generated files", () => {
    for (const [rel, render] of Object.entries(files)) {
        it(`${rel} is up to date (npm run docs)`, () => {
            assert.equal(fs.readFileSync(path.join(ROOT, rel), "utf8"), render(), `${rel} is stale: run npm run docs`);
        });
    }
    for (const dir of examples()) {
        for (const mode of ["preview", "update"] as const) {
            it(`${path.basename(dir)} ${mode} recording matches its program (npm run record)`, () => {
                const text = recordFresh(dir, mode);
                assert.equal(fs.readFileSync(recordingPath(dir, mode), "utf8"), text, "stale recording: run npm run record");
                if (mode === "update") {
                    assert.equal(fs.readFileSync(stackExportPath(dir), "utf8"), JSON.stringify(toStackExport(JSON.parse(text)), null, 2) + "\n", "stale stack export: run npm run record");
                }
            });
        }
    }
});
