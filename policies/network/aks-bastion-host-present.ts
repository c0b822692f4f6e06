import { bastionHost } from "../../lib/core/kinds";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { StackCluster } from "../../lib/stack/aks";

export interface Config {
    managedElsewhere: boolean;
}

export const meta: PolicyMeta = {
    name: "aks-bastion-host-present",
    displayName: "AKS: Bastion host for admin access to a private cluster",
    description: "A stack with a private AKS cluster provides a Bastion host for administrative access to its network.",
    controls: ["NET-4", "NODE-2"],
    checks: ["VNET-04"],
    severity: "low",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/access-private-cluster",
    remediationSteps: [
        "azure-native: add a `network.BastionHost` in the cluster's virtual network (an `AzureBastionSubnet`) or a peered hub network, and reach the API server from a jump box.",
        "classic azure: add a `compute.BastionHost` with an `ipConfiguration` in the `AzureBastionSubnet` of the cluster's (or a peered) virtual network.",
        "When a Bastion host in another stack serves this network, set `managedElsewhere: true`.",
    ].join("\n"),
    config: {
        managedElsewhere: {
            type: "boolean",
            default: false,
            description: "Admin access goes through a Bastion host managed outside this stack (e.g. in a hub network): do not report its absence.",
        },
    },
};

export function* check(ctx: StackCheckContext<Config>): Iterable<{ urn: string; message: string }> {
    if (ctx.config.managedElsewhere === true || ctx.stack.has(bastionHost)) {
        return;
    }
    for (const c of StackCluster.all(ctx.stack)) {
        if (c.privateCluster()?.bool() !== true) {
            continue;
        }
        const add = c.spell({ native: "add a network BastionHost", classic: "add a compute BastionHost" });
        yield {
            urn: c.urn,
            message: `${c.label} is a private cluster, and this stack has no Bastion host for admin access to its network; ${add} in the cluster's virtual network or a peered one, or set managedElsewhere: true when a Bastion host elsewhere serves it.`,
        };
        return;
    }
}

export const policy = stackPolicy<Config>(meta, check);
