// npm run demo: build the pack if needed, launch it exactly as the Pulumi CLI does, and
// run the bundled example stacks through it (Remediate + Analyze per resource, then
// AnalyzeStack), printing violations the way `pulumi preview` shows them.
//
//   npm run demo                                   every example, preview shape
//   npm run demo -- --update                       the update shape (IDs known)
//   npm run demo -- --config config.json a.json    your own recorded stack(s) and pack config

import { execSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { projectRoot } from "./root";
import { Diagnostic, Engine, EngineResource } from "../engine/engine";
import { examples, RecordedStack, recordingPath } from "./record";

const ROOT = projectRoot();
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);

function newest(dir: string, ext: string): number {
    let t = 0;
    if (!fs.existsSync(dir)) return t;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) t = Math.max(t, newest(p, ext));
        else if (e.name.endsWith(ext)) t = Math.max(t, fs.statSync(p).mtimeMs);
    }
    return t;
}

export function buildIfNeeded(): void {
    const out = path.join(ROOT, "bin", "index.js");
    const src = Math.max(newest(path.join(ROOT, "policies"), ".ts"), newest(path.join(ROOT, "lib"), ".ts"), fs.statSync(path.join(ROOT, "index.ts")).mtimeMs);
    if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < src) {
        console.log("building the pack (npm run build)...");
        execSync("npm run build --silent", { cwd: ROOT, stdio: "inherit" });
    }
}

export function toEngine(r: RecordedStack["resources"][number]): EngineResource {
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        inputs: r.inputs,
        outputs: r.outputs,
        parent: r.parent,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        provider: r.provider,
    };
}

function line(d: Diagnostic, resource?: EngineResource): string {
    const level = d.enforcementLevel === "mandatory" ? paint("31", "[mandatory]") : paint("33", `[${d.enforcementLevel}]`);
    const where = resource ? `  (${resource.type}: ${resource.name})` : d.urn ? `  (${d.urn})` : "";
    const [first, ...rest] = d.message.split("\n");
    const body = rest.length ? [first, ...rest] : [d.description, first];
    return [`        - ${level} ${d.severity ? `[${d.severity}] ` : ""}${paint("1", d.policyName)}${where}`, ...body.map(l => `          ${l}`)].join("\n");
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const update = args.includes("--update");
    const ci = args.indexOf("--config");
    const config = ci >= 0 ? JSON.parse(fs.readFileSync(args[ci + 1], "utf8")) : undefined;
    const files = args.filter((a, i) => a.endsWith(".json") && (ci < 0 || i !== ci + 1));
    const stacks = files.length
        ? files.map(f => JSON.parse(fs.readFileSync(f, "utf8")) as RecordedStack)
        : examples().map(d => JSON.parse(fs.readFileSync(recordingPath(d, update ? "update" : "preview"), "utf8")) as RecordedStack);

    buildIfNeeded();
    let total = 0;
    for (const s of stacks) {
        const engine = await Engine.launch(ROOT, { dryRun: s.mode === "preview", project: s.project, stack: s.stack });
        try {
            const info = await engine.analyzerInfo();
            await engine.configure(config);
            const run = await engine.run(s.resources.map(toEngine));
            const byUrn = new Map(s.resources.map(r => [r.urn, toEngine(r)]));
            const diags: { d: Diagnostic; r?: EngineResource }[] = [];
            for (const r of run.resources) for (const d of r.diagnostics) diags.push({ d, r: r.resource });
            for (const d of run.stack.diagnostics) diags.push({ d, r: byUrn.get(d.urn) });
            const violations = diags.filter(x => !x.d.message.startsWith("can't run policy"));
            const notes = diags.length - violations.length;
            const mandatory = violations.filter(x => x.d.enforcementLevel === "mandatory").length;
            const resources = new Set(violations.map(x => x.r?.urn ?? x.d.urn)).size;
            console.log(`\n${paint("1", `${s.project} (${s.mode === "preview" ? "pulumi preview" : "pulumi up"})`)}: ${s.resources.length} resources`);
            console.log("Policies:");
            console.log(`    ${violations.length ? (mandatory ? "❌" : "⚠️ ") : "✅"} ${info.name}@v${info.version}`);
            for (const x of diags) console.log(line(x.d, x.r));
            console.log(`Summary: ${violations.length} violation${violations.length === 1 ? "" : "s"} (${mandatory} mandatory, ${violations.length - mandatory} advisory) on ${resources} resource${resources === 1 ? "" : "s"}` +
                (notes ? `; ${notes} polic${notes === 1 ? "y" : "ies"} could not run during preview (values unknown until the update)` : ""));
            total += violations.length;
        } finally {
            await engine.close();
        }
    }
    console.log(`\n${stacks.length} stack${stacks.length === 1 ? "" : "s"} checked, ${total} violation${total === 1 ? "" : "s"} in all.`);
}

main().catch(e => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
