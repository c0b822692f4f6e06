// Record an example program as the engine would send it to a policy pack: run the program
// under @pulumi/pulumi's mocks and capture every RegisterResource request (type, name, URN,
// parent, dependencies, propertyDependencies, inputs in wire form), in a preview shape
// (IDs and computed outputs unknown) or an update shape (everything known).
//
//   npm run record -- <program dir> <preview|update>   prints the recording of that program as JSON
//   npm run record [-- --all] [--check]                (re)writes or checks examples/*/recorded/*.json

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath } from "url";
import { UNKNOWN_SENTINEL } from "../engine/wire";
import { projectRoot } from "./root";

/** The string the engine sends for a value unknown during preview. */
export const UNKNOWN = UNKNOWN_SENTINEL;
const REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const SIG = "4dabf18193072939515e22adb298388d";
const SUB = "00000000-0000-0000-0000-000000000000";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const ROOT = projectRoot();

export interface RecordedResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    provider?: { type: string; name: string; urn: string; inputs?: Record<string, unknown> };
    protect?: boolean;
    /**
     * Where the program declared the resource, as the engine stores it in the state
     * (`project:///index.ts#12,5`, relative to the project directory; source_eval.go
     * parseSourcePosition). Absent for the root stack and default providers.
     */
    sourcePosition?: string;
}

export interface RecordedStack {
    example: string;
    mode: "preview" | "update";
    project: string;
    stack: string;
    resources: RecordedResource[];
}

/**
 * Resource references are flattened as the engine does for analyzers: a custom resource to
 * its ID (unknown while the ID is unknown, as in preview), a component to its URN.
 */
function flattenRefs(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(flattenRefs);
    if (typeof v === "object" && v !== null) {
        const o = v as Record<string, unknown>;
        if (o[SIG] === REF_SIG) return "id" in o ? (o.id === "" || o.id === UNKNOWN ? UNKNOWN : o.id) : o.urn;
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(o)) out[k] = flattenRefs(x);
        return out;
    }
    return v;
}

function str(v: unknown, fallback: string): string {
    return typeof v === "string" && v !== UNKNOWN ? v : fallback;
}

/** The input that names an azure-native resource, per type (the logical name otherwise). */
const NAME_INPUT: Record<string, string> = {
    ResourceGroup: "resourceGroupName", ManagedCluster: "resourceName", AgentPool: "agentPoolName", Registry: "registryName",
    Vault: "vaultName", Key: "keyName", Workspace: "workspaceName", VirtualNetwork: "virtualNetworkName", Subnet: "subnetName",
    NetworkSecurityGroup: "networkSecurityGroupName", DiskEncryptionSet: "diskEncryptionSetName", RouteTable: "routeTableName",
    BackupVault: "vaultName", PublicIPAddress: "publicIpAddressName", BastionHost: "bastionHostName", PrivateEndpoint: "privateEndpointName",
};

/** A plausible ARM ID and the computed outputs Azure would return, per type (with the resource's `name`). */
function computed(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const out = computedById(type, name, inputs);
    if (type.startsWith("azure-native")) {
        const res = type.slice(type.lastIndexOf(":") + 1);
        out.name = str(inputs[NAME_INPUT[res] ?? ""], name);
    } else if (type.startsWith("azure:")) {
        out.name = str(inputs.name, name);
    }
    return out;
}

function computedById(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const rg = str(inputs.resourceGroupName, "rg");
    const base = `/subscriptions/${SUB}/resourceGroups/${rg}/providers`;
    const t = type.replace(/^azure-native[^:]*:/, "");
    const res = t.slice(t.lastIndexOf(":") + 1);
    switch (res) {
        case "ResourceGroup":
            return { id: `/subscriptions/${SUB}/resourceGroups/${str(inputs.resourceGroupName, name)}` };
        case "ManagedCluster": {
            const n = str(inputs.resourceName, name);
            return {
                id: `${base}/Microsoft.ContainerService/managedClusters/${n}`,
                fqdn: `${n}-dns.hcp.westeurope.azmk8s.io`,
                identityProfile: { kubeletidentity: { objectId: "11111111-1111-1111-1111-111111111111", clientId: "22222222-2222-2222-2222-222222222222" } },
            };
        }
        case "Registry": {
            const n = str(inputs.registryName, name);
            return { id: `${base}/Microsoft.ContainerRegistry/registries/${n}`, loginServer: `${n.toLowerCase()}.azurecr.io` };
        }
        case "Vault":
            return { id: `${base}/Microsoft.KeyVault/vaults/${str(inputs.vaultName, name)}` };
        case "Workspace":
            return { id: `${base}/Microsoft.OperationalInsights/workspaces/${str(inputs.workspaceName, name)}`, customerId: "33333333-3333-3333-3333-333333333333" };
        case "VirtualNetwork":
            return { id: `${base}/Microsoft.Network/virtualNetworks/${str(inputs.virtualNetworkName, name)}` };
        case "Subnet":
            return { id: `${base}/Microsoft.Network/virtualNetworks/${str(inputs.virtualNetworkName, "vnet")}/subnets/${str(inputs.subnetName, name)}` };
        case "NetworkSecurityGroup":
            return { id: `${base}/Microsoft.Network/networkSecurityGroups/${str(inputs.networkSecurityGroupName, name)}` };
        case "DiskEncryptionSet":
            return { id: `${base}/Microsoft.Compute/diskEncryptionSets/${str(inputs.diskEncryptionSetName, name)}`, identity: { type: "SystemAssigned", principalId: "44444444-4444-4444-4444-444444444444" } };
        case "Key":
            return { id: `${base}/Microsoft.KeyVault/vaults/${str(inputs.vaultName, "kv")}/keys/${str(inputs.keyName, name)}`, keyUriWithVersion: `https://${str(inputs.vaultName, "kv")}.vault.azure.net/keys/${str(inputs.keyName, name)}/0123456789abcdef` };
        default:
            return { id: type.startsWith("kubernetes:") ? `${name}` : `${base}/${res}/${name}` };
    }
}

/**
 * The engine's form of a RegisterResource source position (pkg/resource/deploy/source_eval.go
 * parseSourcePosition): `project:///<path relative to the project root>#<line>[,<column>]`.
 */
export function projectSourcePosition(projectRoot: string, pos: { uri: string; line: number; column: number } | undefined): string | undefined {
    if (!pos || !pos.uri.startsWith("file://") || pos.line < 0 || pos.column < 0) return undefined;
    const file = fileURLToPath(pos.uri);
    if (!path.isAbsolute(file)) return undefined;
    const rel = path.relative(projectRoot, file).split(path.sep).join("/");
    return `project:///${encodeURI(rel)}#${pos.line}${pos.column ? `,${pos.column}` : ""}`;
}

/** A recording cannot be made: the message says why, and nothing was written. */
export class RecordError extends Error {}

/** The program's entry point, as the Node language host finds it: Pulumi.yaml `main`, package.json `main`, index.ts, index.js. */
export function programEntry(dir: string): string {
    const yamlPath = ["Pulumi.yaml", "Pulumi.yml"].map(f => path.join(dir, f)).find(f => fs.existsSync(f));
    if (!yamlPath) throw new RecordError(`${dir} is not a Pulumi program: no Pulumi.yaml`);
    const yaml = fs.readFileSync(yamlPath, "utf8");
    const runtime = /^runtime:\s*(?:\n\s+name:\s*)?["']?([A-Za-z]+)/m.exec(yaml)?.[1];
    if (runtime && runtime !== "nodejs") throw new RecordError(`${dir}: runtime "${runtime}" is not supported; the recorder runs Node.js (TypeScript or JavaScript) programs`);
    const main = /^main:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(yaml)?.[1];
    const base = main ? path.resolve(dir, main) : dir;
    const candidates = [base];
    const pkgJson = path.join(base, "package.json");
    if (fs.existsSync(pkgJson)) {
        const m = (JSON.parse(fs.readFileSync(pkgJson, "utf8")) as { main?: string }).main;
        if (m) candidates.push(path.resolve(base, m));
    }
    candidates.push(path.join(base, "index.ts"), path.join(base, "index.js"));
    const found = candidates.find(f => fs.existsSync(f) && fs.statSync(f).isFile());
    if (!found) throw new RecordError(`${dir}: no program entry point (looked for ${candidates.map(c => path.relative(dir, c) || ".").join(", ")})`);
    return found;
}

/** A kubeconfig for the mocked cluster, as listManagedClusterUserCredentials returns it (base64). */
function kubeconfig(cluster: string): string {
    const yaml = [
        "apiVersion: v1", "kind: Config", `current-context: ${cluster}`,
        "clusters:", `- name: ${cluster}`, "  cluster:", `    server: https://${cluster}-dns.hcp.westeurope.azmk8s.io:443`, "    certificate-authority-data: \"\"",
        "contexts:", `- name: ${cluster}`, "  context:", `    cluster: ${cluster}`, "    user: clusterUser",
        "users:", "- name: clusterUser", "  user:", "    token: mocked",
    ].join("\n");
    return Buffer.from(yaml).toString("base64");
}

/** What provider functions return under the recorder's mocks; anything else echoes its inputs. */
function callResult(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const fn = token.slice(token.lastIndexOf(":") + 1);
    const cluster = str(inputs.resourceName ?? inputs.name, "cluster");
    if (/^list(ManagedCluster(User|Admin|Monitoring)Credentials)$/.test(fn)) {
        return { kubeconfigs: [{ name: fn.includes("Admin") ? "clusterAdmin" : "clusterUser", value: kubeconfig(cluster) }] };
    }
    if (fn === "getKubernetesCluster") {
        return { ...inputs, kubeConfigRaw: Buffer.from(kubeconfig(cluster), "base64").toString(), kubeAdminConfigRaw: "" };
    }
    if (fn === "getClientConfig") {
        return { clientId: "55555555-5555-5555-5555-555555555555", objectId: "66666666-6666-6666-6666-666666666666", subscriptionId: SUB, tenantId: "77777777-7777-7777-7777-777777777777" };
    }
    return inputs;
}

/**
 * Run one program under mocks (in this process) and return its recording. The program's
 * own @pulumi/pulumi is used when it has one (mocks must be set on the copy it imports).
 */
export async function recordInProcess(exampleDir: string, mode: "preview" | "update"): Promise<RecordedStack> {
    const dir = path.resolve(exampleDir);
    const entry = programEntry(dir);
    const from = { paths: [dir, ROOT] };
    let pulumiPath: string;
    try {
        pulumiPath = require.resolve("@pulumi/pulumi", from);
    } catch {
        throw new RecordError(`${dir}: @pulumi/pulumi is not installed for this program (run npm install there)`);
    }
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const pulumi = require(pulumiPath) as typeof import("@pulumi/pulumi");
    const settingsPath = path.join(path.dirname(pulumiPath), "runtime", "settings");
    const yaml = fs.readFileSync(["Pulumi.yaml", "Pulumi.yml"].map(f => path.join(dir, f)).find(f => fs.existsSync(f))!, "utf8");
    const project = /^name:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(yaml)?.[1] ?? path.basename(dir);
    const stack = "dev";
    const preview = mode === "preview";
    const outputsByKey = new Map<string, Record<string, unknown>>();
    let ids = 0;
    await pulumi.runtime.setMocks(
        {
            newResource(args) {
                const c = args.type.startsWith("pulumi:providers:")
                    ? { id: `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}` }
                    : computed(args.type, args.name, args.inputs);
                outputsByKey.set(`${args.type}::${args.name}`, c);
                // Preview: the ID and the computed outputs are unknown (empty ID, outputs absent).
                return { id: preview ? "" : String(c.id), state: preview ? args.inputs : { ...args.inputs, ...c } };
            },
            call(args) {
                return callResult(args.token, args.inputs as Record<string, unknown>);
            },
        },
        project,
        stack,
        preview,
    );
    const settings = require(settingsPath) as { getMonitor(): Record<string, unknown>; waitForRPCs(): Promise<void> };
    const monitor = settings.getMonitor() as { registerResource: (req: any, cb: any) => Promise<void> };
    const original = monitor.registerResource.bind(monitor);
    const stackUrn = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
    const resources: RecordedResource[] = [];
    const byUrn = new Map<string, RecordedResource>();
    const failures: string[] = [];
    /** The engine registers a default provider per package (and version) before its first resource. */
    const defaultProvider = (pkg: string, version: string): RecordedResource => {
        const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
        const urn = `urn:pulumi:${stack}::${project}::pulumi:providers:${pkg}::${name}`;
        let p = byUrn.get(urn);
        if (!p) {
            const inputs: Record<string, unknown> = version ? { version } : {};
            p = { type: `pulumi:providers:${pkg}`, name, urn, inputs, outputs: { ...inputs }, dependencies: [], propertyDependencies: {} };
            resources.push(p);
            byUrn.set(urn, p);
        }
        return p;
    };
    monitor.registerResource = (req: any, cb: any) =>
        original(req, (err: unknown, res: any) => {
            if (err) {
                failures.push(`${req.getType()} "${req.getName()}": ${(err as Error).message ?? err}`);
            } else {
                const type: string = req.getType();
                const name: string = req.getName();
                const inputs = flattenRefs(req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
                const propertyDependencies: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((v: any, k: string) => {
                    propertyDependencies[k] = v.getUrnsList();
                });
                const c = outputsByKey.get(`${type}::${name}`) ?? {};
                const outputs: Record<string, unknown> = { ...inputs };
                for (const [k, v] of Object.entries(c)) {
                    outputs[k] = preview ? UNKNOWN : v;
                }
                const custom: boolean = req.getCustom();
                let provider: RecordedResource["provider"];
                if (custom && !type.startsWith("pulumi:providers:")) {
                    const ref: string = req.getProvider?.() ?? "";
                    const explicit = ref ? byUrn.get(ref.slice(0, ref.lastIndexOf("::"))) : undefined;
                    const p = explicit ?? defaultProvider(type.slice(0, type.indexOf(":")), req.getVersion?.() ?? "");
                    provider = { type: p.type, name: p.name, urn: p.urn, inputs: p.inputs };
                }
                const r: RecordedResource = {
                    type,
                    name,
                    urn: res.getUrn(),
                    parent: req.getParent() || stackUrn,
                    inputs,
                    outputs,
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                    provider,
                };
                if (req.getProtect?.()) r.protect = true;
                const pos = req.getSourceposition?.();
                const sourcePosition = pos && projectSourcePosition(dir, { uri: pos.getUri(), line: pos.getLine(), column: pos.getColumn() });
                if (sourcePosition) r.sourcePosition = sourcePosition;
                resources.push(r);
                byUrn.set(r.urn, r);
            }
            cb(err, res);
        });
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => rejections.push(e);
    process.on("unhandledRejection", onRejection);
    // As under ts-node in the CLI's language host, stack traces (and so the SDK's source
    // positions) name the lines of the TypeScript program, not of its transpiled form.
    process.setSourceMapsEnabled(true);
    try {
        const program = require(entry);
        if (typeof program?.default === "function") {
            await program.default();
        }
        await settings.waitForRPCs();
    } catch (e) {
        throw new RecordError(`${dir}: the program failed under the recorder's mocks: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
        process.removeListener("unhandledRejection", onRejection);
    }
    if (rejections.length || failures.length) {
        const first = rejections[0];
        throw new RecordError(`${dir}: the program failed under the recorder's mocks: ${failures[0] ?? (first instanceof Error ? first.message : String(first))}`);
    }
    if (!resources.some(r => !r.type.startsWith("pulumi:providers:"))) {
        throw new RecordError(`${dir}: the program registered no resources`);
    }
    resources.unshift({
        type: "pulumi:pulumi:Stack",
        name: `${project}-${stack}`,
        urn: stackUrn,
        inputs: {},
        outputs: {},
        dependencies: [],
        propertyDependencies: {},
    });
    return { example: path.basename(dir), mode, project, stack, resources };
}

export function examples(): string[] {
    const dir = path.join(ROOT, "examples");
    return fs.readdirSync(dir)
        .filter(d => fs.existsSync(path.join(dir, d, "index.ts")))
        .sort()
        .map(d => path.join(dir, d));
}

export function recordingPath(exampleDir: string, mode: string): string {
    return path.join(exampleDir, "recorded", `${mode}.json`);
}

export function stackExportPath(exampleDir: string): string {
    return path.join(exampleDir, "recorded", "stack-export.json");
}

/** Record in a fresh process (mocks are process-wide); the recording's JSON text. */
export function recordFresh(exampleDir: string, mode: "preview" | "update"): string {
    const hook = path.join(ROOT, "scripts", "ts.js");
    // This very script in a fresh process: compiled (.build/scripts/record.js) when the caller is.
    return execFileSync(process.execPath, ["-r", hook, __filename, exampleDir, mode, "--stdout"], {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        stdio: ["ignore", "pipe", "pipe"],
    });
}

export function format(r: RecordedStack): string {
    return JSON.stringify(r, null, 2) + "\n";
}

/** Wire-form values to state form: secrets as `{sig, plaintext: <json>}` (what `pulumi stack export --show-secrets` writes). */
function toState(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(toState);
    if (typeof v === "object" && v !== null) {
        const o = v as Record<string, unknown>;
        if (o[SIG] === SECRET_SIG) return { [SIG]: SECRET_SIG, plaintext: JSON.stringify(toState(o.value)) };
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(o)) out[k] = toState(x);
        return out;
    }
    return v;
}

/**
 * An update recording as `pulumi stack export --show-secrets` would write the deployed stack:
 * apitype.UntypedDeployment version 3 (sdk/go/common/apitype/core.go DeploymentV3, ResourceV3).
 */
export function toStackExport(r: RecordedStack): unknown {
    if (r.mode !== "update") throw new RecordError("a stack export is made from an update recording");
    const time = "2026-01-01T00:00:00.000Z";
    const ids = new Map<string, string>();
    for (const x of r.resources) if (typeof x.outputs.id === "string") ids.set(x.urn, x.outputs.id);
    return {
        version: 3,
        deployment: {
            manifest: { time, magic: "", version: "v3.260.0" },
            secrets_providers: { type: "passphrase", state: { salt: "v1:AAAAAAAAAAA=:v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==" } },
            resources: r.resources.map(x => {
                const custom = x.type !== "pulumi:pulumi:Stack" && x.provider !== undefined || x.type.startsWith("pulumi:providers:");
                const { id: _id, ...outputs } = x.outputs;
                const res: Record<string, unknown> = { urn: x.urn, custom, type: x.type };
                if (custom) res.id = ids.get(x.urn) ?? "";
                res.inputs = toState(x.inputs);
                res.outputs = toState(x.type.startsWith("pulumi:providers:") ? x.outputs : outputs);
                if (x.parent && x.type !== "pulumi:pulumi:Stack") res.parent = x.parent;
                if (x.protect) res.protect = true;
                if (x.dependencies.length) res.dependencies = x.dependencies;
                if (x.provider) res.provider = `${x.provider.urn}::${ids.get(x.provider.urn) ?? ""}`;
                if (Object.keys(x.propertyDependencies).length) res.propertyDependencies = x.propertyDependencies;
                res.created = time;
                res.modified = time;
                if (x.sourcePosition) res.sourcePosition = x.sourcePosition;
                return res;
            }),
        },
    };
}

/** Write `text` to `file` atomically: a half-written file never replaces a good one. */
export function writeAtomic(file: string, text: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
}

function usage(): never {
    console.error([
        "usage: npm run record -- <program dir> [preview|update] [--out <file> | --stdout]",
        "       npm run record                 (re)write examples/*/recorded/{preview,update,stack-export}.json",
        "       npm run record -- --check      fail when a bundled recording is stale",
    ].join("\n"));
    process.exit(2);
}

/** Record a program in fresh processes and write its files; returns the paths written. */
export function recordProgram(dir: string, modes: ("preview" | "update")[], out?: string): string[] {
    const texts = modes.map(m => {
        try {
            return [m, recordFresh(dir, m)] as const;
        } catch (e) {
            const err = (e as { stderr?: string }).stderr?.trim();
            throw new RecordError(err ? err.replace(/^error: /, "") : (e as Error).message);
        }
    });
    // Nothing is written until every mode recorded.
    const written: string[] = [];
    for (const [m, text] of texts) {
        const file = out ?? recordingPath(dir, m);
        writeAtomic(file, text);
        written.push(file);
        if (m === "update" && !out) {
            writeAtomic(stackExportPath(dir), JSON.stringify(toStackExport(JSON.parse(text)), null, 2) + "\n");
            written.push(stackExportPath(dir));
        }
    }
    return written;
}

if (require.main === module) {
    const args = process.argv.slice(2);
    const caller = process.env.INIT_CWD || process.cwd();
    const fail = (e: unknown) => {
        console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
    };
    if (args.length === 0 || args[0] === "--all" || args[0] === "--check") {
        const check = args.includes("--check");
        let stale = 0;
        for (const dir of examples()) {
            if (check) {
                for (const mode of ["preview", "update"] as const) {
                    const file = recordingPath(dir, mode);
                    const text = recordFresh(dir, mode);
                    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) {
                        console.error(`stale: ${path.relative(ROOT, file)} (run npm run record)`);
                        stale++;
                    }
                    if (mode === "update") {
                        const exp = JSON.stringify(toStackExport(JSON.parse(text)), null, 2) + "\n";
                        if (!fs.existsSync(stackExportPath(dir)) || fs.readFileSync(stackExportPath(dir), "utf8") !== exp) {
                            console.error(`stale: ${path.relative(ROOT, stackExportPath(dir))} (run npm run record)`);
                            stale++;
                        }
                    }
                }
            } else {
                for (const f of recordProgram(dir, ["preview", "update"])) console.log(`wrote ${path.relative(ROOT, f)}`);
            }
        }
        process.exit(stale ? 1 : 0);
    } else {
        const positional = args.filter(a => !a.startsWith("--"));
        const oi = args.indexOf("--out");
        const out = oi >= 0 ? args[oi + 1] : undefined;
        if (oi >= 0 && !out) usage();
        const [dirArg, modeArg, ...rest] = positional.filter(a => a !== out);
        if (!dirArg || rest.length || (modeArg && modeArg !== "preview" && modeArg !== "update")) usage();
        const dir = path.resolve(caller, dirArg);
        if (args.includes("--stdout")) {
            recordInProcess(dir, (modeArg ?? "preview") as "preview" | "update")
                .then(r => process.stdout.write(format(r)))
                .catch(fail);
        } else {
            try {
                if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new RecordError(`${dirArg}: no such directory (relative paths are taken from ${caller})`);
                programEntry(dir);
                if (out && !modeArg) throw new RecordError("--out writes one recording: name the mode (preview or update)");
                const modes = modeArg ? [modeArg as "preview" | "update"] : (["preview", "update"] as const).slice();
                for (const f of recordProgram(dir, modes, out && path.resolve(caller, out))) console.log(`wrote ${path.relative(caller, f)}`);
            } catch (e) {
                fail(e);
            }
        }
    }
}
