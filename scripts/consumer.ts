// The published pack as a consumer's machine gets it, made with the Pulumi CLI's own commands
// (pkg/backend/httpstate/policypack.go, pkg/engine/policypacks.go, sdk/nodejs/npm): the tarball
// from `npm pack --loglevel=error` in the pack directory (named by the whole of its stdout),
// moved to ~/.pulumi/policies/<org>/pulumi-analyzer-<name>-v<version>, then
// `npm install --loglevel=error` (plus --production when PulumiPolicy.yaml asks for it).
// Used by the publish-and-install spec and by the install benchmark.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";

export interface NpmRun {
    status: number | null;
    stdout: string;
    stderr: string;
    ms: number;
}

/** The environment of a user's shell: nothing that `npm test` itself put there (npm_config_*, ...). */
export function userEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
        if (!/^npm_/i.test(k) && !k.startsWith("PULUMI_NODEJS_")) env[k] = v;
    }
    return env;
}

export function npm(args: string[], cwd: string): NpmRun {
    const t0 = Date.now();
    const r = spawnSync("npm", args, { cwd, env: userEnv(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

/** Apparent size of a tree in bytes (what the files hold, as `du --apparent-size` counts). */
export function treeBytes(dir: string): number {
    let n = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) n += treeBytes(p);
        else if (e.isFile()) n += fs.statSync(p).size;
    }
    return n;
}

/** `npm pack --loglevel=error` in `packDir`, as `pulumi policy publish` runs it. */
export function pack(packDir: string): NpmRun & { tarball: string } {
    const r = npm(["pack", "--loglevel=error"], packDir);
    return { ...r, tarball: r.stdout.trim() };
}

/** PulumiPolicy.yaml's runtime options. */
export function runtimeOptions(dir: string): { name?: string; production?: boolean } {
    const doc = yaml.load(fs.readFileSync(path.join(dir, "PulumiPolicy.yaml"), "utf8")) as { runtime?: string | { name?: string; options?: { production?: boolean } } };
    const rt = doc?.runtime;
    return typeof rt === "string" ? { name: rt } : { name: rt?.name, production: rt?.options?.production };
}

/** Extract `tarball` into `home`/.pulumi/policies/<org>/pulumi-analyzer-<name>-v<version> and install it there. */
export function install(tarball: string, home: string, name: string, version: string, org = "org"): { dir: string; args: string[]; run: NpmRun } {
    const dir = path.join(home, ".pulumi", "policies", org, `pulumi-analyzer-${name}-v${version}`);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const x = spawnSync("tar", ["xzf", tarball, "-C", home], { encoding: "utf8" });
    if (x.status !== 0) throw new Error(`tar failed: ${x.stderr}`);
    fs.renameSync(path.join(home, "package"), dir);
    const args = ["install", "--loglevel=error", ...(runtimeOptions(dir).production ? ["--production"] : [])];
    return { dir, args, run: npm(args, dir) };
}
