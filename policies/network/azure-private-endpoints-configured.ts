import { keyVault, privateEndpoint, registry } from "../../lib/core/kinds";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { label, Resource, root } from "../../lib/stack";
import { known, knownItems, Targets } from "../../lib/stack/links";

export interface Config {
    managedElsewhere: boolean;
}

export const meta: PolicyMeta = {
    name: "azure-private-endpoints-configured",
    displayName: "Azure: private endpoints for the registry and the key vault",
    description: "Every container registry and key vault of the stack is reachable through a private endpoint.",
    controls: ["NET-3"],
    checks: ["VNET-03"],
    severity: "medium",
    enforcementLevel: "advisory",
    mcsb: ["NS-2"],
    url: "https://learn.microsoft.com/azure/container-registry/container-registry-private-link",
    remediationSteps: [
        "azure-native: add a `network.PrivateEndpoint` with `privateLinkServiceConnections: [{ name, privateLinkServiceId: registry.id, groupIds: [\"registry\"] }]` (`[\"vault\"]` for a key vault), in a subnet the cluster can reach, with a private DNS zone group.",
        "classic azure: add a `privatelink.Endpoint` with `privateServiceConnection: { name, privateConnectionResourceId: registry.id, subresourceNames: [\"registry\"], isManualConnection: false }` (`[\"vault\"]` for a key vault).",
        "Private endpoints on a registry need the Premium SKU. When they are managed in another stack, set `managedElsewhere: true`.",
    ].join("\n"),
    config: {
        managedElsewhere: {
            type: "boolean",
            default: false,
            description: "The private endpoints are managed outside this stack: do not report registries and key vaults without one here.",
        },
    },
};

const nativeEndpoint = [privateEndpoint.kinds[0], privateEndpoint.kinds[1]];
const nativeRegistry = registry.kinds[0];
const nativeVault = keyVault.kinds[0];

/** The stack's registries and vaults an endpoint connects to. */
function connected(pe: Resource, targets: Targets): Resource[] {
    const p = root(pe);
    if (!nativeEndpoint.some(k => k.matches(pe.type))) {
        return targets.linked(pe, "privateServiceConnection", [known(p, "privateServiceConnection.privateConnectionResourceId")]);
    }
    const out: Resource[] = [];
    for (const key of ["privateLinkServiceConnections", "manualPrivateLinkServiceConnections"]) {
        const { items } = knownItems(known(p, key));
        for (const t of targets.linked(pe, key, items.map(i => known(i, "privateLinkServiceId")))) {
            if (!out.includes(t)) out.push(t);
        }
    }
    return out;
}

export function* check(ctx: StackCheckContext<Config>): Iterable<{ urn: string; message: string }> {
    const targets = [...ctx.stack.of(registry), ...ctx.stack.of(keyVault)];
    if (targets.length === 0 || ctx.config.managedElsewhere === true) {
        return;
    }
    const index = new Targets(targets);
    const covered = new Set<string>();
    for (const pe of ctx.stack.of(privateEndpoint)) {
        connected(pe, index).forEach(t => covered.add(t.urn));
    }
    for (const t of targets) {
        if (covered.has(t.urn)) {
            continue;
        }
        const isRegistry = registry.matches(t.type);
        const group = isRegistry ? "registry" : "vault";
        const native = isRegistry ? nativeRegistry.matches(t.type) : nativeVault.matches(t.type);
        const add = native
            ? `add a PrivateEndpoint with privateLinkServiceConnections: [{ privateLinkServiceId: <its id>, groupIds: ["${group}"] }]`
            : `add an Endpoint with privateServiceConnection: { privateConnectionResourceId: <its id>, subresourceNames: ["${group}"] }`;
        yield {
            urn: t.urn,
            message: `${label(t)} has no private endpoint in this stack (the cluster reaches it over its public endpoint); ${add}${isRegistry ? " (Premium SKU)" : ""}, or set managedElsewhere: true when its private endpoint is managed in another stack.`,
        };
    }
}

export const policy = stackPolicy<Config>(meta, check);
