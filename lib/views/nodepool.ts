// An AKS node pool, wherever it is declared: inline in the cluster
// (azure-native `agentPoolProfiles[i]`, classic `defaultNodePool`) or as its own resource
// (azure-native AgentPool, classic KubernetesClusterNodePool).

import { agentPool, classicNodePool, Provider } from "../core/kinds";
import { Node, printable } from "../core/node";
import { ByProvider } from "./setting";

export class PoolView {
    private constructor(
        readonly provider: Extract<Provider, "azure-native" | "azure">,
        /** The pool's own object (a cluster's array element, or the resource's props). */
        readonly root: Node,
        /** True for a separate AgentPool / KubernetesClusterNodePool resource. */
        readonly separate: boolean,
    ) {}

    static inline(provider: "azure-native" | "azure", node: Node): PoolView {
        return new PoolView(provider, node, false);
    }

    static read(type: string, props: unknown): PoolView[] {
        if (agentPool.matches(type)) {
            return [new PoolView("azure-native", Node.root(props), true)];
        }
        if (classicNodePool.matches(type)) {
            return [new PoolView("azure", Node.root(props), true)];
        }
        return [];
    }

    get native(): boolean {
        return this.provider === "azure-native";
    }

    /** The text for the user's provider: remediations name the provider's own types and blocks. */
    spell<T>(t: ByProvider<T>): T {
        return this.native ? t.native : t.classic;
    }

    /** The pool's name as written, if it is a known, non-secret string (safe to print). */
    name(): string | undefined {
        return printable(this.root.get(this.native && this.separate ? "agentPoolName" : "name"));
    }

    /**
     * How a message names this pool: `agentPoolProfiles[1] ("user")`, `defaultNodePool ("system")`,
     * or `node pool "user"` for a separate resource (whose paths are then top-level).
     */
    label(): string {
        const n = this.name();
        const quoted = n !== undefined ? ` (${JSON.stringify(n)})` : "";
        if (this.separate) {
            return n !== undefined ? `Node pool ${JSON.stringify(n)}` : "The node pool";
        }
        return `${this.root.path}${quoted}`;
    }

    /** Host encryption: `enableEncryptionAtHost`; classic v6 `hostEncryptionEnabled`, v5 `enableHostEncryption`. */
    encryptionAtHost(): Node {
        return this.native
            ? this.root.get("enableEncryptionAtHost")
            : this.root.first("enableHostEncryption", "hostEncryptionEnabled");
    }

    /** Node public IPs: `enableNodePublicIP`; classic v6 `nodePublicIpEnabled`, v5 `enableNodePublicIp`. */
    nodePublicIp(): Node {
        return this.native
            ? this.root.get("enableNodePublicIP")
            : this.root.first("enableNodePublicIp", "nodePublicIpEnabled");
    }

    /** `podSubnetID` / `podSubnetId`. */
    podSubnetId(): Node {
        return this.root.get(this.native ? "podSubnetID" : "podSubnetId");
    }

    /** `vnetSubnetID` / `vnetSubnetId`. */
    vnetSubnetId(): Node {
        return this.root.get(this.native ? "vnetSubnetID" : "vnetSubnetId");
    }

    /** `orchestratorVersion` (both providers). */
    orchestratorVersion(): Node {
        return this.root.get("orchestratorVersion");
    }

    /** `securityProfile.sshAccess` (azure-native only). */
    sshAccess(): Node {
        return this.root.get("securityProfile.sshAccess");
    }

    /** `osType`: Linux | Windows (both providers; classic pools use `osType` too). */
    osType(): Node {
        return this.root.get("osType");
    }
}
