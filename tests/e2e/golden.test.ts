// Every example stack gives exactly the diagnostics of tests/golden/diagnostics.json: the
// bundled examples and the reference clusters, as `pulumi preview`, `pulumi up` and
// `pulumi policy analyze --file <stack export>`, with the pack's default config. A change of
// any message, level, order or verdict shows here; when it is meant, rewrite the file with
// `UPDATE_GOLDEN=1 npm test -- golden` and review the diff.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { Engine, RunMode } from "../../engine/engine";
import { readStackExport } from "../../engine/state";
import { examples, stackExportPath } from "../../scripts/record";
import { launch, recorded, ROOT } from "./helpers";

const FILE = path.join(ROOT, "tests", "golden", "diagnostics.json");
type Golden = Record<string, Record<RunMode, string[]>>;

describe("every example stack gives its golden diagnostics", () => {
    let engine: Engine;
    const actual: Golden = {};
    before(async () => {
        engine = await launch();
        await engine.configure();
        for (const dir of examples()) {
            const ex = path.basename(dir);
            actual[ex] = {} as Record<RunMode, string[]>;
            for (const mode of ["preview", "update", "analyze"] as RunMode[]) {
                const resources = mode === "analyze" ? readStackExport(JSON.parse(fs.readFileSync(stackExportPath(dir), "utf8"))).resources : recorded(ex, mode);
                const run = await engine.run(resources, mode);
                actual[ex][mode] = run.violations.map(v => `${v.enforcementLevel} ${v.severity} ${v.policyName} ${v.urn}\n${v.message}`);
            }
        }
        if (process.env.UPDATE_GOLDEN) {
            fs.mkdirSync(path.dirname(FILE), { recursive: true });
            fs.writeFileSync(FILE, JSON.stringify(actual, null, 1) + "\n");
        }
    });
    after(async () => {
        await engine.close();
    });

    const golden = (): Golden => JSON.parse(fs.readFileSync(FILE, "utf8"));
    for (const dir of examples()) {
        const ex = path.basename(dir);
        for (const mode of ["preview", "update", "analyze"] as RunMode[]) {
            it(`${ex} as ${mode === "analyze" ? "pulumi policy analyze" : mode === "update" ? "pulumi up" : "pulumi preview"}`, () => {
                assert.deepEqual(actual[ex][mode], golden()[ex]?.[mode], `${ex} ${mode} differs from tests/golden/diagnostics.json (UPDATE_GOLDEN=1 npm test -- golden rewrites it)`);
            });
        }
    }
    it("covers every example and nothing else", () => {
        assert.deepEqual(Object.keys(golden()).sort(), examples().map(d => path.basename(d)).sort());
    });
});
