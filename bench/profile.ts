// Summarize a V8 .cpuprofile (node --cpu-prof): where the time goes, by module group, by
// function (self time), and inclusive time of the pack's own code by file.
//
//   node -r ./scripts/ts.js bench/profile.ts <file.cpuprofile> [--from-first-call]

import * as fs from "fs";

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[]; parent?: number }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Which part of the process a frame belongs to. */
export function group(url: string, fn: string): string {
    if (!url) return fn.startsWith("(") ? fn : "(native / builtins)";
    if (url.startsWith("node:")) return "node internals";
    const nm = url.lastIndexOf("node_modules/");
    if (nm >= 0) {
        const rest = url.slice(nm + "node_modules/".length).split("/");
        const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
        if (pkg === "@pulumi/policy") return `@pulumi/policy/${rest[2]}`;
        return pkg;
    }
    const bin = url.indexOf("/bin/");
    if (bin >= 0) {
        const rel = url.slice(bin + 1);
        return rel.startsWith("bin/policies/") ? "pack: bin/policies" : `pack: ${rel.replace(/^file:\/\//, "")}`;
    }
    return url.replace(/^file:\/\//, "");
}

export function summarize(file: string, opts: { skipStartupMs?: number; top?: number } = {}): string {
    const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
    const byId = new Map(p.nodes.map(n => [n.id, n]));
    for (const n of p.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
    const stackOf = (id: number): ProfileNode[] => {
        const out: ProfileNode[] = [];
        for (let n: ProfileNode | undefined = byId.get(id); n; n = n.parent !== undefined ? byId.get(n.parent) : undefined) out.push(n);
        return out;
    };
    // Sample times; by default start at the first Remediate/Analyze (the first deserializeProperties).
    let t = 0;
    const times = p.samples.map((_, i) => (t += p.timeDeltas[i] ?? 0) / 1000);
    let from = 0;
    if (opts.skipStartupMs === undefined) {
        from = p.samples.findIndex(id => stackOf(id).some(n => n.callFrame.url.includes("@pulumi/policy/deserialize.js")));
        if (from < 0) from = 0;
    } else {
        from = times.findIndex(x => x >= opts.skipStartupMs!);
        if (from < 0) from = 0;
    }
    const self = new Map<string, number>();
    const groups = new Map<string, number>();
    const packIncl = new Map<string, number>();
    const sdkIncl = new Map<string, number>();
    const fnIncl = new Map<string, number>();
    let total = 0;
    let idle = 0;
    for (let i = from; i < p.samples.length; i++) {
        const dt = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000;
        const stack = stackOf(p.samples[i]);
        const leaf = stack[0].callFrame;
        if (leaf.functionName === "(idle)") {
            idle += dt;
            continue;
        }
        total += dt;
        const key = `${leaf.functionName || "(anonymous)"}  ${group(leaf.url, leaf.functionName)}${leaf.url ? `:${leaf.lineNumber + 1}` : ""}`;
        self.set(key, (self.get(key) ?? 0) + dt);
        const g = group(leaf.url, leaf.functionName);
        groups.set(g, (groups.get(g) ?? 0) + dt);
        const seen = new Set<string>();
        const seenFn = new Set<string>();
        for (const n of stack) {
            const cf = n.callFrame;
            if (cf.url && !cf.functionName.startsWith("(")) {
                const fk = `${cf.functionName || "(anonymous)"}  ${group(cf.url, cf.functionName)}:${cf.lineNumber + 1}`;
                if (!seenFn.has(fk)) {
                    seenFn.add(fk);
                    fnIncl.set(fk, (fnIncl.get(fk) ?? 0) + dt);
                }
            }
            const u = n.callFrame.url;
            const bin = u.indexOf("/bin/");
            if (bin >= 0 && !u.includes("node_modules")) {
                const f = u.slice(bin + 1);
                if (!seen.has(f)) {
                    seen.add(f);
                    packIncl.set(f, (packIncl.get(f) ?? 0) + dt);
                }
            }
            if (u.includes("@pulumi/policy/")) {
                const f = `${u.slice(u.indexOf("@pulumi/policy/"))} ${n.callFrame.functionName || "(anonymous)"}`;
                if (!seen.has(f)) {
                    seen.add(f);
                    sdkIncl.set(f, (sdkIncl.get(f) ?? 0) + dt);
                }
            }
        }
    }
    const top = opts.top ?? 25;
    const pct = (x: number) => `${((100 * x) / total).toFixed(1).padStart(5)}%`;
    const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
    const list = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${ms(v)} ${pct(v)}  ${k}`).join("\n");
    return [
        `busy ${total.toFixed(0)} ms (idle ${idle.toFixed(0)} ms) from ${times[from]?.toFixed(0) ?? 0} ms after the profile started`,
        `by module (self time):`,
        list(groups, 15),
        `top functions (self time):`,
        list(self, top),
        `functions, inclusive time (callers of the time):`,
        list(new Map([...fnIncl].filter(([k]) => !/__awaiter|fulfilled|step|processTicksAndRejections|onReceive|(^| )rejected /.test(k))), 30),
        `pack code, inclusive time by file:`,
        list(packIncl, 15),
        `@pulumi/policy functions, inclusive time:`,
        list(sdkIncl, 12),
    ].join("\n");
}

if (require.main === module) {
    const [file, ...rest] = process.argv.slice(2);
    console.log(summarize(file, { skipStartupMs: rest.includes("--from-first-call") ? undefined : 0 }));
}
