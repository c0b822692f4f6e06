// Log Analytics and Azure Monitor workspaces, read from either provider: which of their public
// endpoints stay open, each as a decided state with the Node it came from.
//
// azure-native Workspace: publicNetworkAccessForIngestion / publicNetworkAccessForQuery
// (Enabled | Disabled | SecuredByPerimeter; omitted: Enabled). classic AnalyticsWorkspace:
// internetIngestionEnabled / internetQueryEnabled (omitted: true). azure-native
// AzureMonitorWorkspace: publicNetworkAccess (omitted: Enabled). classic monitoring Workspace:
// publicNetworkAccessEnabled (omitted: true).

import { logAnalyticsWorkspace, monitorWorkspace } from "../core/kinds";
import { Node, printable } from "../core/node";

export interface PublicEndpoint {
    /** What the endpoint serves: "ingestion", "queries", or "ingestion and queries". */
    serves: string;
    node: Node;
    state: "open" | "closed";
    /** The value that closes it, as the provider spells it. */
    closed: string;
}

export class WorkspaceView {
    readonly root: Node;

    private constructor(readonly what: "Log Analytics workspace" | "Azure Monitor workspace", readonly native: boolean, props: unknown) {
        this.root = Node.root(props);
    }

    static read(type: string, props: unknown): WorkspaceView[] {
        const [nativeLaw, classicLaw] = logAnalyticsWorkspace.kinds;
        const [nativeAmw, classicAmw] = monitorWorkspace.kinds;
        if (nativeLaw.matches(type) || classicLaw.matches(type)) {
            return [new WorkspaceView("Log Analytics workspace", nativeLaw.matches(type), props)];
        }
        if (nativeAmw.matches(type) || classicAmw.matches(type)) {
            return [new WorkspaceView("Azure Monitor workspace", nativeAmw.matches(type), props)];
        }
        return [];
    }

    label(): string {
        const n = printable(this.root.get(this.native ? (this.what === "Log Analytics workspace" ? "workspaceName" : "azureMonitorWorkspaceName") : "name"));
        return `The ${this.what}${n !== undefined ? ` ${JSON.stringify(n)}` : ""}`;
    }

    /** The workspace's public endpoints and whether each stays open, read one at a time (preview unknowns). */
    *publicEndpoints(): Iterable<PublicEndpoint> {
        const native = (key: string, serves: string): PublicEndpoint => {
            const node = this.root.get(key);
            const v = node.str()?.trim().toLowerCase();
            return { serves, node, state: v === "disabled" || v === "securedbyperimeter" ? "closed" : "open", closed: "\"Disabled\"" };
        };
        const classic = (key: string, serves: string): PublicEndpoint => {
            const node = this.root.get(key);
            return { serves, node, state: node.bool() === false ? "closed" : "open", closed: "false" };
        };
        const read = this.native ? native : classic;
        if (this.what === "Log Analytics workspace") {
            yield read(this.native ? "publicNetworkAccessForIngestion" : "internetIngestionEnabled", "ingestion");
            yield read(this.native ? "publicNetworkAccessForQuery" : "internetQueryEnabled", "queries");
            return;
        }
        yield read(this.native ? "publicNetworkAccess" : "publicNetworkAccessEnabled", "ingestion and queries");
    }
}
