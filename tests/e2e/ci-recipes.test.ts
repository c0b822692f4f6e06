// The CI recipes of docs/ci run commands that exist: every `pulumi` command and flag is one the
// CLI defines (the flag names are read from its source, cited below), every report invocation
// takes only options the report has, and, run as written against an event log and a stack
// export made through engine/, each report step writes what it says and exits as the workflow
// expects (0 with --exit-zero, 1 on the insecure example's mandatory violations).
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import * as yaml from "js-yaml";
import { engineEvents, formatEvents } from "../../engine/events";
import { parseArgs } from "../../tools/report-cli";
import { launch, recorded, ROOT } from "./helpers";

const CI = path.join(ROOT, "docs", "ci");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; bin: Record<string, string> };

/**
 * The flags of the pulumi commands the recipes use, from the CLI's source:
 * pkg/cmd/pulumi/operations/preview.go, up.go, pkg/cmd/pulumi/policy/policy_analyze.go,
 * pkg/cmd/pulumi/stack/stack_export.go; global flags from pkg/cmd/pulumi/pulumi.go.
 */
const GLOBAL = ["cwd", "non-interactive", "logtostderr", "verbose", "emoji"];
const PULUMI_FLAGS: Record<string, string[]> = {
    preview: ["stack", "policy-pack", "policy-pack-config", "event-log", "diff", "json", "refresh", "show-secrets", "suppress-outputs", "suppress-progress", "config-file", "parallel", "target", "expect-no-changes"],
    up: ["stack", "policy-pack", "policy-pack-config", "event-log", "diff", "json", "refresh", "yes", "skip-preview", "suppress-outputs", "suppress-progress", "config-file", "parallel", "target"],
    "policy analyze": ["policy-pack", "policy-pack-config", "stack", "file", "json", "diff"],
    "stack export": ["stack", "file", "show-secrets", "version"],
};

interface Step {
    recipe: string;
    command: string;
}

/** Every shell command line of a recipe: GitHub `run:`, Azure DevOps `script:` and `inlineScript:`. */
function commands(recipe: string): Step[] {
    const doc = yaml.load(fs.readFileSync(path.join(CI, recipe), "utf8")) as Record<string, unknown>;
    const scripts: string[] = [];
    const visit = (v: unknown) => {
        if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v === "object") {
            for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
                if ((k === "run" || k === "script" || k === "inlineScript") && typeof x === "string") scripts.push(x);
                else visit(x);
            }
        }
    };
    visit(doc);
    return scripts.flatMap(s => s.split("\n")).map(l => l.trim()).filter(Boolean).map(command => ({ recipe, command }));
}

/** Shell words of one simple command (quotes removed; no expansion). */
function words(command: string): string[] {
    return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map(m => m[1] ?? m[2] ?? m[3]);
}

/** The simple commands of a line: split at &&, ||, ;, | and > (what follows > is a file). */
function simple(line: string): string[][] {
    return line.split(/&&|\|\||;|\|/).map(part => words(part.replace(/\s>.*$/, ""))).filter(w => w.length);
}

const recipes = fs.readdirSync(CI).filter(f => f.endsWith(".yml")).sort();
const all = recipes.flatMap(commands);
const REPORT = Object.keys(pkg.bin)[0];

describe("docs/ci: the CI recipes run commands that exist", () => {
    it("has a GitHub preview workflow, a nightly policy analyze audit and an Azure DevOps pipeline", () => {
        assert.deepEqual(recipes, ["azure-pipelines.yml", "github-nightly-analyze.yml", "github-preview.yml"]);
        const text = (f: string) => fs.readFileSync(path.join(CI, f), "utf8");
        assert.match(text("github-preview.yml"), /uses: github\/codeql-action\/upload-sarif@v3/);
        assert.match(text("github-nightly-analyze.yml"), /uses: github\/codeql-action\/upload-sarif@v3/);
        assert.match(text("github-nightly-analyze.yml"), /schedule:/);
        assert.match(text("azure-pipelines.yml"), /task: PublishTestResults@2/);
    });

    it("every pulumi command and flag is one the CLI defines", () => {
        let n = 0;
        for (const { recipe, command } of all) {
            for (const w of simple(command)) {
                if (w[0] !== "pulumi") continue;
                const sub = ["policy", "stack"].includes(w[1]) ? `${w[1]} ${w[2]}` : w[1];
                const flags = PULUMI_FLAGS[sub];
                assert.ok(flags, `${recipe}: pulumi ${sub} is not a command the recipes may use`);
                for (const f of w.filter(x => x.startsWith("--")).map(x => x.slice(2).split("=")[0])) {
                    assert.ok(flags.includes(f) || GLOBAL.includes(f), `${recipe}: pulumi ${sub} has no --${f}`);
                }
                n++;
            }
        }
        assert.ok(n >= 6, `only ${n} pulumi commands found`);
    });

    it("installs this package by its name and runs its report by the bin name package.json declares, with options the report takes", () => {
        let n = 0;
        for (const { recipe, command } of all) {
            for (const w of simple(command)) {
                if (w[0] === "npm" && w[1] === "install") assert.ok(w.includes(pkg.name), `${recipe}: ${command}`);
                const at = w.indexOf(REPORT);
                if (w[0] === "npx" && at > 0) {
                    assert.deepEqual(w.slice(1, at), ["--prefix", w[2]], `${recipe}: ${command}`);
                    assert.doesNotThrow(() => parseArgs(w.slice(at + 1)), `${recipe}: ${command}`);
                    n++;
                }
            }
        }
        assert.ok(n >= 7, `only ${n} report invocations found`);
        assert.equal(pkg.bin[REPORT], "bin/tools/report-cli.js");
    });

    describe("the report steps, run as written", () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ci-recipes-"));
        before(async () => {
            const engine = await launch();
            try {
                await engine.configure();
                const run = await engine.run(recorded("aks-insecure", "preview"), "preview");
                fs.writeFileSync(path.join(tmp, "events.json"), formatEvents(engineEvents(await engine.analyzerInfo(), run), "preview"));
            } finally {
                await engine.close();
            }
            fs.copyFileSync(path.join(ROOT, "examples", "aks-insecure", "recorded", "stack-export.json"), path.join(tmp, "state.json"));
            fs.mkdirSync(path.join(tmp, "CodeAnalysisLogs"));
        });
        after(() => fs.rmSync(tmp, { recursive: true, force: true }));

        for (const { recipe, command } of all.filter(s => s.command.includes(REPORT))) {
            it(`${recipe}: ${command.replace(/^npx --prefix \S+ /, "").slice(0, 90)}...`, () => {
                // The CI's variables: the temp dir holds events.json and state.json; the project is an example.
                const line = command
                    .replace(/npx --prefix "[^"]+" aks-security-baseline-report/, `"${process.execPath}" "${path.join(ROOT, "bin", "tools", "report-cli.js")}"`)
                    .replace(/\$RUNNER_TEMP|\$\(Agent\.TempDirectory\)/g, tmp)
                    .replace(/\$\(Build\.ArtifactStagingDirectory\)/g, tmp)
                    .replace(/\$INFRA_DIR|\$\(INFRA_DIR\)/g, "examples/aks-insecure");
                const r = spawnSync("bash", ["-c", line], { cwd: ROOT, encoding: "utf8", env: { ...process.env, INIT_CWD: ROOT } });
                assert.equal(r.status, command.includes("--exit-zero") ? 0 : 1, r.stderr);
                const out = /--out "([^"]+)"/.exec(line)?.[1];
                if (out) {
                    const text = fs.readFileSync(out, "utf8");
                    if (line.includes("--format sarif")) {
                        const doc = JSON.parse(text);
                        assert.equal(doc.version, "2.1.0");
                        assert.ok(doc.runs[0].results.some((x: { locations: { physicalLocation?: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation?.artifactLocation.uri === "examples/aks-insecure/index.ts"));
                    } else if (line.includes("--format junit")) {
                        assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
                    }
                } else {
                    assert.match(r.stdout, /^Policies:\n/);
                }
            });
        }
    });
});
