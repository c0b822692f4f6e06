// The structure holds: lib/ (how a policy sees resources) never imports the rules, its modules
// import each other without a circle and only from their own folder or a floor below, policies never branch on the provider (views decide what a
// value means and spell remediations), and only the wiring wraps the SDK's validateResource.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

const ROOT = path.resolve(__dirname, "..", "..", "..");

function sources(dir: string): string[] {
    const out: string[] = [];
    (function walk(d: string) {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) walk(p);
            else if (e.name.endsWith(".ts")) out.push(p);
        }
    })(path.join(ROOT, dir));
    return out.sort();
}

/** The repository files a source file imports (relative imports, `import type` included). */
function imports(file: string): string[] {
    const text = fs.readFileSync(file, "utf8");
    const specs = [...text.matchAll(/(?:from|import|require\()\s*["'](\.{1,2}\/[^"']+)["']/g)].map(m => m[1]);
    return specs.map(s => {
        const base = path.resolve(path.dirname(file), s);
        return [`${base}.ts`, path.join(base, "index.ts"), base].find(f => fs.existsSync(f) && fs.statSync(f).isFile()) ?? base;
    });
}

const rel = (f: string) => path.relative(ROOT, f);

describe("layering", () => {
    it("lib/ never imports policies/ (the rules sit on top of how they see resources)", () => {
        const bad = sources("lib").flatMap(f => imports(f).filter(i => rel(i).startsWith(`policies${path.sep}`)).map(i => `${rel(f)} -> ${rel(i)}`));
        assert.deepEqual(bad, []);
    });

    it("lib/ has no import circle", () => {
        const files = sources("lib");
        const graph = new Map(files.map(f => [f, imports(f).filter(i => i.startsWith(path.join(ROOT, "lib")))]));
        const state = new Map<string, "open" | "done">();
        const circles: string[] = [];
        const visit = (f: string, trail: string[]) => {
            if (state.get(f) === "done") return;
            if (state.get(f) === "open") {
                circles.push([...trail.slice(trail.indexOf(f)), f].map(rel).join(" -> "));
                return;
            }
            state.set(f, "open");
            for (const i of graph.get(f) ?? []) visit(i, [...trail, f]);
            state.set(f, "done");
        };
        files.forEach(f => visit(f, []));
        assert.deepEqual(circles, []);
    });

    it("lib/ stands on floors: each file imports only from its own folder or a floor below", () => {
        // core: the value-with-path node, type tokens, secrets, messages, cidr, versions; views: one
        // neutral view per subject; config: the settings every policy takes; stack: the stack index,
        // its joins and stack views; readers.ts, then policy.ts: the wiring; serve: the protocol.
        const FLOOR: Record<string, number> = { core: 1, views: 2, config: 2, stack: 3, "readers.ts": 3, "policy.ts": 4, serve: 5 };
        const room = (f: string) => path.relative(path.join(ROOT, "lib"), f).split(path.sep)[0];
        const files = sources("lib");
        assert.deepEqual([...new Set(files.map(room))].filter(r => !(r in FLOOR)), [], "every file of lib/ stands on a floor");
        const up = files.flatMap(f => imports(f)
            .filter(i => i.startsWith(path.join(ROOT, "lib") + path.sep))
            .filter(i => room(i) !== room(f) && FLOOR[room(i)] >= FLOOR[room(f)])
            .map(i => `${rel(f)} -> ${rel(i)}`));
        assert.deepEqual(up, []);
    });

    it("no policy branches on the provider: views decide what a value means", () => {
        const bad = sources("policies").filter(f => /\.native\b|\.provider\s*[!=]==/.test(fs.readFileSync(f, "utf8"))).map(rel);
        assert.deepEqual(bad, []);
    });

    it("every type token is declared in lib/core/kinds.ts (elsewhere kinds are only combined with anyOf)", () => {
        const declaring = [...sources("lib"), ...sources("policies")]
            .filter(f => rel(f) !== path.join("lib", "core", "kinds.ts"))
            .filter(f => /\b(?:kubernetes|azureNative|classic)\(/.test(fs.readFileSync(f, "utf8")))
            .map(f => rel(f).split(path.sep).join("/"));
        assert.deepEqual(declaring, []);
    });

    it("every policy is wired in one line, by resourcePolicy(meta, reader, check, ...) or stackPolicy(meta, check)", () => {
        const files = sources("policies").filter(f => path.dirname(f) !== path.join(ROOT, "policies"));
        assert.ok(files.length >= 80);
        const bad = files.filter(f => !/^export const policy = (?:resourcePolicy\(meta, |stackPolicy(?:<\w+>)?\(meta, check\);$)/m.test(fs.readFileSync(f, "utf8"))).map(rel);
        assert.deepEqual(bad, []);
    });

    it("only the wiring defines validateResource and remediateResource: no decorator re-wraps them", () => {
        // Excluded namespaces and types answered with a reason of their own are options of
        // resourcePolicy (`skip`, `otherwise`), inside its one applicability step.
        const wrapping = [...sources("lib"), ...sources("policies")]
            .filter(f => rel(f) !== path.join("lib", "policy.ts"))
            // A wrapper defines a new validateResource around the wiring's (lib/serve/fast-path.ts only calls them).
            .filter(f => /\b(?:const|let)\s+(?:validate|remediate)Resource\b|\b(?:validate|remediate)Resource\s*[:=]\s*\(|\.(?:validate|remediate)Resource\s+as\b/.test(fs.readFileSync(f, "utf8")))
            .map(f => rel(f).split(path.sep).join("/"));
        assert.deepEqual(wrapping, []);
    });
});
