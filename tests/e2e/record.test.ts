// npm run record -- <program dir> [preview|update]: recording a user's own program for the demo.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { RecordedStack } from "../../scripts/record";
import { toEngine } from "../../scripts/demo";
import { Engine } from "../../engine/engine";
import { UNKNOWN_SENTINEL } from "../../engine/wire";
import { launch, ROOT, runScript } from "./helpers";

const SIG = "4dabf18193072939515e22adb298388d";
const FIXTURES = path.join(ROOT, "tests", "fixtures", "programs");
const record = (cwd: string, ...args: string[]) => runScript("record", args, { cwd });

/** A copy of a fixture program inside the repository (so that it finds node_modules), in a scratch directory. */
function copyProgram(name: string): string {
    const dir = fs.mkdtempSync(path.join(ROOT, ".build", "record-"));
    for (const f of fs.readdirSync(path.join(FIXTURES, name))) fs.copyFileSync(path.join(FIXTURES, name, f), path.join(dir, f));
    return dir;
}

describe("npm run record", () => {
    const dirs: string[] = [];
    after(() => {
        for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    });

    describe("a program with a provider function and a provider built from the kubeconfig", () => {
        let dir: string;
        let preview: RecordedStack;
        let update: RecordedStack;
        before(() => {
            dir = copyProgram("aks-with-workloads");
            dirs.push(dir);
            // Exactly package.json's script line here; the other runs take the compiled twin (helpers.ts runScript).
            const r = runScript("record", [path.basename(dir)], { cwd: path.dirname(dir), asNpmRuns: true });
            assert.equal(r.status, 0, r.stderr);
            const rel = path.basename(dir);
            assert.equal(r.stdout, [`wrote ${rel}/recorded/preview.json`, `wrote ${rel}/recorded/update.json`, `wrote ${rel}/recorded/stack-export.json`, ""].join("\n"));
            preview = JSON.parse(fs.readFileSync(path.join(dir, "recorded", "preview.json"), "utf8"));
            update = JSON.parse(fs.readFileSync(path.join(dir, "recorded", "update.json"), "utf8"));
        });

        it("records that program: its stack, default and explicit providers, resources in registration order", () => {
            assert.equal(update.project, "aks-with-workloads");
            assert.deepEqual(update.resources.map(r => `${r.type}::${r.name}`), [
                "pulumi:pulumi:Stack::aks-with-workloads-dev",
                `pulumi:providers:azure-native::${update.resources[1].name}`,
                "azure-native:resources:ResourceGroup::rg",
                "azure-native:containerservice:ManagedCluster::apps",
                "pulumi:providers:kubernetes::apps",
                "kubernetes:apps/v1:Deployment::web",
            ]);
            assert.match(update.resources[1].name, /^default_\d+_\d+_\d+$/);
        });
        it("the Deployment goes through the provider built from the cluster's kubeconfig", () => {
            const provider = update.resources.find(r => r.type === "pulumi:providers:kubernetes")!;
            const web = update.resources.find(r => r.name === "web")!;
            assert.equal(web.provider?.urn, provider.urn);
            const kc = provider.inputs.kubeconfig as Record<string, string>;
            assert.equal(kc[SIG], "1b47061264138c4ac30d75fd1eb44270", "the kubeconfig stays a secret");
            assert.match(kc.value, /^apiVersion: v1\nkind: Config\ncurrent-context: apps\n/);
        });
        it("in preview the kubeconfig (from the cluster's unknown name) is unknown", () => {
            const provider = preview.resources.find(r => r.type === "pulumi:providers:kubernetes")!;
            assert.deepEqual(provider.inputs.kubeconfig, { [SIG]: "1b47061264138c4ac30d75fd1eb44270", value: UNKNOWN_SENTINEL });
        });
        it("the recording runs through the pack: the workload is checked, the kubeconfig never printed", async () => {
            const e: Engine = await launch({ dryRun: false });
            try {
                await e.configure({ all: "advisory" });
                const run = await e.run(update.resources.map(toEngine), "update");
                const flagged = new Set(run.violations.filter(v => v.resource?.name === "web").map(v => v.policyName));
                assert.ok(flagged.has("k8s-pss-restricted-run-as-non-root"), [...flagged].join(", "));
                assert.ok(!run.violations.some(v => v.message.includes("clusterUser")));
            } finally {
                await e.close();
            }
        });
    });

    it("a program that fails gets a clear error, and nothing is written (an old recording survives)", () => {
        const dir = copyProgram("broken");
        dirs.push(dir);
        fs.mkdirSync(path.join(dir, "recorded"));
        fs.writeFileSync(path.join(dir, "recorded", "preview.json"), "old\n");
        const r = record(dir, ".");
        assert.equal(r.status, 1);
        assert.equal(r.stderr, `error: ${dir}: the program failed under the recorder's mocks: Missing required configuration variable 'broken:clusterName'\n`);
        assert.equal(r.stdout, "");
        assert.deepEqual(fs.readdirSync(path.join(dir, "recorded")), ["preview.json"]);
        assert.equal(fs.readFileSync(path.join(dir, "recorded", "preview.json"), "utf8"), "old\n");
    });

    it("a directory that is no Pulumi program, or a bad mode, is refused before anything runs", () => {
        const notProgram = record(ROOT, "docs");
        assert.equal(notProgram.status, 1);
        assert.equal(notProgram.stderr, `error: ${path.join(ROOT, "docs")} is not a Pulumi program: no Pulumi.yaml\n`);
        const missing = record(ROOT, "no-such-dir");
        assert.equal(missing.stderr, `error: no-such-dir: no such directory (relative paths are taken from ${ROOT})\n`);
        const mode = record(ROOT, "examples/aks-hardened", "deploy");
        assert.equal(mode.status, 2);
        assert.match(mode.stderr, /^usage: npm run record -- <program dir> \[preview\|update\]/);
    });
});
