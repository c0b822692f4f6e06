// What stack policies read around AKS clusters, from either provider, without ever reading a
// value that is unknown during preview (see stack-links.ts): the clusters themselves (names,
// kubelet identity, node subnets, workspaces) and role assignments.

import { aksCluster, agentPool, classicNodePool, managedCluster, roleAssignment } from "../core/kinds";
import { label, Resource, root, StackIndex } from "./index";
import { Node } from "../core/node";
import { known, knownCI, knownItems, lastSegment, Text, text, textAt } from "./links";
import { UNKNOWN } from "../core/known";
import { ByProvider } from "../views/setting";

export const nativeRoleAssignment = roleAssignment.kinds[0];

/** An AKS cluster of the stack, either provider. */
export class StackCluster {
    readonly native: boolean;
    readonly root: Node;
    readonly label: string;

    constructor(readonly r: Resource) {
        this.native = managedCluster.matches(r.type);
        this.root = root(r);
        this.label = label(r);
    }

    static all(stack: StackIndex): StackCluster[] {
        return stack.of(aksCluster).map(r => new StackCluster(r));
    }

    /**
     * The cluster's inline maintenance windows (classic `maintenanceWindowAutoUpgrade`,
     * `maintenanceWindowNodeOs`; each undefined while unknown in preview), or undefined where the
     * provider declares windows as separate MaintenanceConfiguration resources (azure-native).
     */
    inlineMaintenanceWindows(): (Node | undefined)[] | undefined {
        return this.native ? undefined : ["maintenanceWindowAutoUpgrade", "maintenanceWindowNodeOs"].map(k => known(this.root, k));
    }

    /** azure-native `sku.name` (Base | Automatic; UNKNOWN in preview when unknown); the classic token has no such SKU: undefined. */
    skuName(): Text {
        return this.native ? textAt(this.root, "sku.name") : undefined;
    }

    /** The text for the cluster's provider: remediations name the provider's own types and blocks. */
    spell<T>(t: ByProvider<T>): T {
        return this.native ? t.native : t.classic;
    }

    get urn(): string {
        return this.r.urn;
    }

    /** Known Azure names, lower-cased: azure-native `resourceName` (input) and `name` (output); classic `name`. */
    names(): string[] {
        const out: string[] = [];
        for (const k of this.native ? ["resourceName", "name"] : ["name"]) {
            const t = textAt(this.root, k);
            if (t && t !== UNKNOWN && !out.includes(t.toLowerCase())) {
                out.push(t.toLowerCase());
            }
        }
        return out;
    }

    /** The resource group name, lower-cased, when known. */
    resourceGroup(): string | undefined {
        const t = textAt(this.root, "resourceGroupName");
        return t && t !== UNKNOWN ? t.toLowerCase() : undefined;
    }

    /** `apiServerAccessProfile.enablePrivateCluster` / classic `privateClusterEnabled`; undefined when unknown. */
    privateCluster(): Node | undefined {
        return known(this.root, this.native ? "apiServerAccessProfile.enablePrivateCluster" : "privateClusterEnabled");
    }

    /** The top-level input that sets the kubelet identity: `identityProfile` / classic `kubeletIdentity`. */
    get kubeletKey(): string {
        return this.native ? "identityProfile" : "kubeletIdentity";
    }

    /** The kubelet identity's object ID (output, or input when user-assigned), lower-cased, when known. */
    kubeletObjectId(): string | undefined {
        const profile = this.native ? known(this.root, "identityProfile") : undefined;
        const block = this.native ? profile && knownCI(profile, "kubeletidentity") : known(this.root, "kubeletIdentity");
        const t = block === undefined ? UNKNOWN : textAt(block, "objectId");
        return t && t !== UNKNOWN ? t.toLowerCase() : undefined;
    }

    /**
     * Node subnets of the inline pools: the top-level key they sit under (`agentPoolProfiles` /
     * `defaultNodePool`) and each pool's subnet ID node (undefined when unknown).
     */
    inlineSubnets(): { key: string; values: (Node | undefined)[] } {
        if (this.native) {
            const pools = known(this.root, "agentPoolProfiles");
            if (pools === undefined) {
                return { key: "agentPoolProfiles", values: [undefined] };
            }
            const { items, unknown } = knownItems(pools);
            const values: (Node | undefined)[] = items.map(p => known(p, "vnetSubnetID"));
            return { key: "agentPoolProfiles", values: unknown > 0 ? [...values, undefined] : values };
        }
        return { key: "defaultNodePool", values: [known(this.root, "defaultNodePool.vnetSubnetId")] };
    }

    /**
     * AKS Automatic's node subnets: `hostedSystemProfile.{systemNodeSubnetID, nodeSubnetID}`, under
     * the top-level key `hostedSystemProfile` (azure-native only; only the ones that are set).
     */
    hostedSubnets(): { key: string; values: (Node | undefined)[] } {
        const h = this.native ? known(this.root, "hostedSystemProfile") : undefined;
        if (h === undefined) {
            // Native only: unknown during preview (known() answers undefined for nothing else).
            return { key: "hostedSystemProfile", values: this.native ? [undefined] : [] };
        }
        const values = ["systemNodeSubnetID", "nodeSubnetID"].map(k => known(h, k)).filter(v => v === undefined || v.present);
        return { key: "hostedSystemProfile", values };
    }

    /**
     * Where the cluster sends logs: the Container Insights and Defender workspaces, each as the
     * top-level key it sits under and the workspace ID node (undefined when unknown).
     */
    workspaces(): { key: string; value: Node | undefined }[] {
        if (this.native) {
            const addons = known(this.root, "addonProfiles");
            const oms = addons && knownCI(addons, "omsagent");
            const config = oms && known(oms, "config");
            return [
                { key: "addonProfiles", value: config && knownCI(config, "logAnalyticsWorkspaceResourceID") },
                { key: "securityProfile", value: known(this.root, "securityProfile.defender.logAnalyticsWorkspaceResourceId") },
            ];
        }
        return [
            { key: "omsAgent", value: known(this.root, "omsAgent.logAnalyticsWorkspaceId") },
            { key: "microsoftDefender", value: known(this.root, "microsoftDefender.logAnalyticsWorkspaceId") },
        ];
    }

    /** `sku.name` is `Automatic` (AKS Automatic preconfigures safeguards, PSS baseline and more). */
    automatic(): boolean {
        if (!this.native) {
            return false;
        }
        const t = textAt(this.root, "sku.name");
        return t !== undefined && t !== UNKNOWN && t.toLowerCase() === "automatic";
    }
}

/** A separately declared node pool (AgentPool / KubernetesClusterNodePool) and its subnet reference. */
export function separatePoolSubnets(stack: StackIndex): { r: Resource; key: string; value: Node | undefined }[] {
    const out: { r: Resource; key: string; value: Node | undefined }[] = [];
    for (const r of stack.of(agentPool)) {
        out.push({ r, key: "vnetSubnetID", value: known(root(r), "vnetSubnetID") });
    }
    for (const r of stack.of(classicNodePool)) {
        out.push({ r, key: "vnetSubnetId", value: known(root(r), "vnetSubnetId") });
    }
    return out;
}

/** A built-in role by GUID, with the name classic `roleDefinitionName` uses. */
export interface Role {
    guid: string;
    name: string;
}

export const ROLES = {
    acrPull: { guid: "7f951dda-4ed3-4680-a7ca-43fe172d538d", name: "AcrPull" },
    acrPush: { guid: "8311e382-0749-4cb8-b61a-304f252e45ec", name: "AcrPush" },
    owner: { guid: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", name: "Owner" },
    contributor: { guid: "b24988ac-6180-42a0-ab88-20f7382dd24c", name: "Contributor" },
    rbacClusterAdmin: { guid: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b", name: "Azure Kubernetes Service RBAC Cluster Admin" },
    clusterAdminRole: { guid: "0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8", name: "Azure Kubernetes Service Cluster Admin Role" },
    rbacAdmin: { guid: "3498e952-d568-435e-9b2c-8d77e338d7f7", name: "Azure Kubernetes Service RBAC Admin" },
} as const;

/** A role assignment, either provider (`scope`, `principalId`, `principalType` are spelled alike). */
export class StackRoleAssignment {
    readonly native: boolean;
    readonly root: Node;

    constructor(readonly r: Resource) {
        this.native = nativeRoleAssignment.matches(r.type);
        this.root = root(r);
    }

    static all(stack: StackIndex): StackRoleAssignment[] {
        return stack.of(roleAssignment).map(r => new StackRoleAssignment(r));
    }

    scope(): Node | undefined {
        return known(this.root, "scope");
    }

    principalId(): Text {
        const t = text(known(this.root, "principalId"));
        return t && t !== UNKNOWN ? t.toLowerCase() : t;
    }

    principalType(): Node | undefined {
        return known(this.root, "principalType");
    }

    /**
     * Which of `roles` this assignment grants: by the GUID that ends `roleDefinitionId`, or
     * (classic) by `roleDefinitionName`, case-insensitively. `"unknown"` when the role is set
     * from another resource's output; undefined when it is none of them.
     */
    role(roles: readonly Role[]): Role | typeof UNKNOWN | undefined {
        const id = textAt(this.root, "roleDefinitionId");
        if (id === UNKNOWN) {
            return UNKNOWN;
        }
        if (id) {
            const guid = lastSegment(id);
            return roles.find(r => r.guid === guid);
        }
        if (this.native) {
            return undefined;
        }
        const name = textAt(this.root, "roleDefinitionName");
        if (name === UNKNOWN) {
            return UNKNOWN;
        }
        return name ? roles.find(r => r.name.toLowerCase() === name.toLowerCase()) : undefined;
    }
}
