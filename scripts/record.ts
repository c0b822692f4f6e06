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
import { projectRoot } from "./root";

export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const SIG = "4dabf18193072939515e22adb298388d";
const SUB = "00000000-0000-0000-0000-000000000000";

export interface RecordedResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    provider?: { type: string; name: string; urn: string };
}

export interface RecordedStack {
    example: string;
    mode: "preview" | "update";
    project: string;
    stack: string;
    resources: RecordedResource[];
}

/** Resource references are flattened to their ID (or URN), as the engine does for analyzers. */
function flattenRefs(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(flattenRefs);
    if (typeof v === "object" && v !== null) {
        const o = v as Record<string, unknown>;
        if (o[SIG] === REF_SIG) return (o.id as string) || (o.urn as string);
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

/** Run one example program under mocks (in this process) and return its recording. */
export async function recordInProcess(exampleDir: string, mode: "preview" | "update"): Promise<RecordedStack> {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
    const project = path.basename(exampleDir);
    const stack = "dev";
    const preview = mode === "preview";
    const outputsByKey = new Map<string, Record<string, unknown>>();
    await pulumi.runtime.setMocks(
        {
            newResource(args) {
                const c = computed(args.type, args.name, args.inputs);
                outputsByKey.set(`${args.type}::${args.name}`, c);
                // Preview: the ID and the computed outputs are unknown (empty ID, outputs absent).
                return { id: preview ? "" : String(c.id), state: preview ? args.inputs : { ...args.inputs, ...c } };
            },
            call(args) {
                return args.inputs;
            },
        },
        project,
        stack,
        preview,
    );
    const settings = require("@pulumi/pulumi/runtime/settings") as { getMonitor(): Record<string, unknown> };
    const monitor = settings.getMonitor() as { registerResource: (req: any, cb: any) => Promise<void> };
    const original = monitor.registerResource.bind(monitor);
    const stackUrn = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
    const resources: RecordedResource[] = [];
    monitor.registerResource = (req: any, cb: any) =>
        original(req, (err: unknown, res: any) => {
            if (!err) {
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
                const pkg = type.slice(0, type.indexOf(":"));
                const custom = req.getCustom();
                resources.push({
                    type,
                    name,
                    urn: res.getUrn(),
                    parent: req.getParent() || stackUrn,
                    inputs,
                    outputs,
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                    provider: custom ? { type: `pulumi:providers:${pkg}`, name: "default", urn: `urn:pulumi:${stack}::${project}::pulumi:providers:${pkg}::default` } : undefined,
                });
            }
            cb(err, res);
        });
    const entry = path.resolve(exampleDir, "index.ts");
    const program = require(entry);
    if (typeof program?.default === "function") {
        await program.default();
    }
    await (require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> }).waitForRPCs();
    resources.unshift({
        type: "pulumi:pulumi:Stack",
        name: `${project}-${stack}`,
        urn: stackUrn,
        inputs: {},
        outputs: {},
        dependencies: [],
        propertyDependencies: {},
    });
    return { example: project, mode, project, stack, resources };
}

const ROOT = projectRoot();

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

/** Record in a fresh process (mocks are process-wide). */
export function recordFresh(exampleDir: string, mode: "preview" | "update"): string {
    const hook = path.join(ROOT, "scripts", "ts.js");
    return execFileSync(process.execPath, ["-r", hook, path.join(ROOT, "scripts", "record.ts"), exampleDir, mode], {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
    });
}

export function format(r: RecordedStack): string {
    return JSON.stringify(r, null, 2) + "\n";
}

if (require.main === module) {
    const args = process.argv.slice(2);
    if (args.length === 0 || args[0] === "--all") {
        const check = args.includes("--check");
        let stale = 0;
        for (const dir of examples()) {
            for (const mode of ["preview", "update"] as const) {
                const text = recordFresh(dir, mode);
                const file = recordingPath(dir, mode);
                if (check) {
                    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) {
                        console.error(`stale: ${path.relative(ROOT, file)} (run npm run record)`);
                        stale++;
                    }
                } else {
                    fs.mkdirSync(path.dirname(file), { recursive: true });
                    fs.writeFileSync(file, text);
                    console.log(`wrote ${path.relative(ROOT, file)}`);
                }
            }
        }
        process.exit(stale ? 1 : 0);
    } else {
        const [dir, mode] = args;
        recordInProcess(path.resolve(dir), mode === "update" ? "update" : "preview")
            .then(r => process.stdout.write(format(r)))
            .catch(e => {
                console.error(e);
                process.exit(1);
            });
    }
}
