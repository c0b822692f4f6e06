// The published pack, the way the Pulumi CLI really makes and installs it (../shared/PROTOCOL.md,
// "Publishing and installing"): `npm pack --loglevel=error` in the pack directory with the
// tarball's name taken from the whole of its stdout (pkg/backend/httpstate/policypack.go,
// sdk/nodejs/npm), the tarball's package/ moved to
// ~/.pulumi/policies/<org>/pulumi-analyzer-<name>-v<version>, `npm install --loglevel=error`
// (plus --production when PulumiPolicy.yaml asks for it) run there (pkg/engine/policypacks.go),
// then the installed copy booted as `pulumi policy publish` boots it (no stack) and as a
// preview runs it. It uses the npm registry, as every enforcing machine does.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { Engine, RunResult } from "../../engine/engine";
import { examples } from "../../scripts/record";
import { install, npm, pack, runtimeOptions, treeBytes, userEnv } from "../../scripts/consumer";
import { allPolicies } from "../../policies";
import { recorded, ROOT } from "./helpers";

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    name: string;
    version: string;
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
};

/** Everything a user would see from one run, in the order the engine returned it. */
function findings(run: RunResult): unknown {
    return {
        resources: run.resources.map(r => ({ urn: r.resource.urn, diagnostics: r.diagnostics, remediations: r.remediations })),
        stack: run.stack?.diagnostics,
    };
}

const MB = 1024 * 1024;
const run = (f: unknown) => (f as { resources: { diagnostics: unknown[] }[] }).resources.flatMap(r => r.diagnostics);

describe("publish and install as the Pulumi CLI does", () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "aks-sb-publish-"));
    const installed = path.join(home, ".pulumi", "policies", "org", `pulumi-analyzer-${pkg.name}-v${pkg.version}`);
    let tarball = "";

    after(() => {
        if (tarball) fs.rmSync(path.join(ROOT, tarball), { force: true });
        fs.rmSync(home, { recursive: true, force: true });
    });

    it("has no lifecycle script that runs during npm pack or the consumer's npm install", () => {
        // prepare/prepack/postpack print banners into npm pack's stdout (pulumi/pulumi#6594);
        // prepare/preinstall/install/postinstall run in the consumer's install, without the sources.
        const forbidden = ["prepare", "prepack", "postpack", "prepublish", "preinstall", "install", "postinstall"];
        assert.deepEqual(forbidden.filter(s => s in pkg.scripts), []);
    });

    it("npm pack --loglevel=error prints exactly the tarball's file name", () => {
        const r = pack(ROOT);
        assert.equal(r.status, 0, r.stderr);
        tarball = r.tarball;
        // The CLI reads the file named by the whole (trimmed) stdout.
        assert.equal(r.stdout, `${pkg.name}-${pkg.version}.tgz\n`);
        assert.ok(fs.existsSync(path.join(ROOT, tarball)), `${tarball} not written`);
    });

    it("ships the compiled pack and what its README links to, not the sources", () => {
        const list = spawnSync("tar", ["tzf", path.join(ROOT, tarball)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean);
        const files = new Set(list.map(f => f.replace(/^package\//, "")));
        for (const f of ["package.json", "PulumiPolicy.yaml", "bin/index.js", "README.md", "LICENSE", "CHANGELOG.md", "config/baseline.json"]) {
            assert.ok(files.has(f), `${f} missing from the tarball`);
        }
        assert.deepEqual([...files].filter(f => f.endsWith(".ts") && !f.endsWith(".d.ts")), []);
        assert.ok(!files.has("package-lock.json"));
        // Every relative link of the shipped README resolves inside the tarball.
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const links = [...readme.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map(m => m[1]).filter(l => !/^[a-z]+:/i.test(l));
        assert.ok(links.length > 3);
        for (const l of links) {
            assert.ok(files.has(path.posix.normalize(l)) || [...files].some(f => f.startsWith(path.posix.normalize(l) + "/")), `README links to ${l}, which the tarball does not ship`);
        }
    });

    it("installs with the CLI's command into ~/.pulumi/policies/<org>/pulumi-analyzer-<name>-v<version>", () => {
        assert.deepEqual(runtimeOptions(ROOT), { name: "nodejs", production: true }, "PulumiPolicy.yaml must keep devDependencies off consumers");
        const { dir, args, run: r } = install(path.join(ROOT, tarball), home, pkg.name, pkg.version);
        assert.equal(dir, installed);
        assert.deepEqual(args, ["install", "--loglevel=error", "--production"]);
        assert.equal(r.status, 0, r.stdout + r.stderr);
        const bytes = treeBytes(path.join(installed, "node_modules"));
        const top = fs.readdirSync(path.join(installed, "node_modules")).filter(n => !n.startsWith("."));
        console.log(`# consumer install: npm ${args.join(" ")}: ${(r.ms / 1000).toFixed(1)} s, node_modules ${(bytes / MB).toFixed(1)} MB, ${top.length} top-level entries`);
        assert.ok(bytes <= 120 * MB, `node_modules is ${(bytes / MB).toFixed(1)} MB (limit 120 MB)`);
        // No build tool reaches an enforcing machine: the runner falls back to the copies bundled
        // with @pulumi/pulumi, and the pack starts faster without them (docs/performance.md).
        for (const dev of ["typescript", "ts-node", "@pulumi/azure-native", "@pulumi/azure", "@pulumi/kubernetes"]) {
            assert.ok(!fs.existsSync(path.join(installed, "node_modules", dev)), `${dev} was installed on the consumer`);
        }
        assert.ok(fs.existsSync(path.join(installed, "node_modules", "@pulumi", "policy")));
        assert.ok(fs.existsSync(path.join(installed, "bin", "data", "aks-release-calendar.json")), "the release calendar ships with the pack");
    });

    it("runs the report from the installed pack (production dependencies only), and as `npx --prefix <dir> aks-security-baseline-report` the way docs/ci installs it", () => {
        const direct = spawnSync(process.execPath, [path.join(installed, "bin", "tools", "report-cli.js"), "--help"], { encoding: "utf8", env: userEnv() });
        assert.equal(direct.status, 0, direct.stderr);
        assert.match(direct.stdout, /^usage: aks-security-baseline-report --events <file>/);
        const prefix = path.join(home, "ci-policy");
        const r = npm(["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", prefix, path.join(ROOT, tarball)], home);
        assert.equal(r.status, 0, r.stdout + r.stderr);
        const x = spawnSync("npx", ["--prefix", prefix, "aks-security-baseline-report", "--help"], { cwd: home, encoding: "utf8", env: userEnv() });
        assert.equal(x.status, 0, x.stdout + x.stderr);
        assert.match(x.stdout, /--format <f> +sarif \| json \| junit \| text/);
        // The library entry resolves through "exports" in an installed copy, with its types, and starts nothing.
        const lib = spawnSync(process.execPath, ["-e", 'const a = require("aks-security-baseline/policies"); console.log(a.selectPolicies({ names: ["aks-private-cluster-enabled"] })[0].name, require.resolve("aks-security-baseline/policies"))'], { cwd: prefix, encoding: "utf8", env: userEnv(), timeout: 30000 });
        assert.equal(lib.status, 0, lib.stderr);
        assert.equal(lib.stdout, `aks-private-cluster-enabled ${path.join(fs.realpathSync(prefix), "node_modules", "aks-security-baseline", "bin", "api.js")}\n`);
        assert.ok(fs.existsSync(path.join(prefix, "node_modules", "aks-security-baseline", "bin", "api.d.ts")));
    });

    it("boots without a stack as `pulumi policy publish` does: GetPluginInfo and GetAnalyzerInfo answer", async () => {
        const engine = await Engine.launch(installed, { stackless: true });
        try {
            // GetPluginInfo answers with the policy SDK's version; the CLI fails the run if it errors.
            const sdk = JSON.parse(fs.readFileSync(path.join(installed, "node_modules", "@pulumi", "policy", "package.json"), "utf8")).version;
            // (@pulumi/policy's own package.json spells its version "v1.21.0".)
            assert.deepEqual(engine.calls, ["handshake", "getPluginInfo", "getAnalyzerInfo"], "no ConfigureStack without a stack");
            assert.equal(`v${engine.pluginVersion}`.replace(/^vv/, "v"), sdk.startsWith("v") ? sdk : `v${sdk}`);
            assert.equal(sdk.replace(/^v/, ""), pkg.dependencies["@pulumi/policy"]);
            const info = await engine.analyzerInfo();
            assert.equal(info.name, pkg.name);
            assert.match(info.name, /^[a-zA-Z0-9-_.]{1,100}$/);
            assert.equal(info.version, pkg.version);
            assert.equal(info.policies.length, allPolicies.length);
        } finally {
            await engine.close();
        }
    });

    describe("the installed copy answers exactly as the checkout", () => {
        let mine: Engine;
        let theirs: Engine;
        for (const mode of ["preview", "update"] as const) {
            describe(mode, () => {
                before(async () => {
                    mine = await Engine.launch(ROOT, { dryRun: mode === "preview" });
                    theirs = await Engine.launch(installed, { dryRun: mode === "preview" });
                    await mine.configure();
                    await theirs.configure();
                });
                after(async () => {
                    await mine?.close();
                    await theirs?.close();
                });
                for (const dir of examples()) {
                    const example = path.basename(dir);
                    it(example, async () => {
                        const stack = recorded(example, mode);
                        const a = findings(await mine.run(stack));
                        const b = findings(await theirs.run(stack));
                        assert.deepEqual(b, a);
                        if (example.includes("insecure")) {
                            assert.ok(run(b).length > 0, "an insecure example draws findings");
                        }
                    });
                }
            });
        }
    });
});

