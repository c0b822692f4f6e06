import { anyOf, logAnalyticsWorkspace, monitorWorkspace } from "../../lib/core/kinds";
import { say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { reader } from "../../lib/readers";
import { WorkspaceView } from "../../lib/views/workspace";

export const meta: PolicyMeta = {
    name: "monitoring-workspace-public-access-disabled",
    displayName: "Monitoring: workspaces reached over Private Link only",
    description: "Log Analytics and Azure Monitor workspaces that receive the cluster's logs and metrics accept ingestion and queries only over Private Link, not from public networks.",
    controls: ["NET-3", "LOG-1"],
    checks: ["LAW-01"],
    severity: "medium",
    enforcementLevel: "advisory",
    strictLevel: "advisory",
    mcsb: ["NS-2"],
    url: "https://learn.microsoft.com/azure/azure-monitor/logs/private-link-security",
    remediationSteps: [
        "azure-native: set `publicNetworkAccessForIngestion: \"Disabled\"` and `publicNetworkAccessForQuery: \"Disabled\"` on the operationalinsights Workspace, and `publicNetworkAccess: \"Disabled\"` on the monitor AzureMonitorWorkspace.",
        "classic azure: set `internetIngestionEnabled: false` and `internetQueryEnabled: false` on the AnalyticsWorkspace, and `publicNetworkAccessEnabled: false` on the monitoring Workspace.",
        "Connect the workspaces to an Azure Monitor Private Link Scope (AMPLS) with a private endpoint in the cluster's VNet first, or the agents can no longer send data.",
    ].join("\n"),
};

export function* check(w: WorkspaceView): Iterable<string> {
    for (const e of w.publicEndpoints()) {
        if (e.state === "open") {
            yield say({ element: w.label(), node: e.node, absent: `public ${e.serves}: open to every network`, fix: `set it to ${e.closed} and reach the workspace through an Azure Monitor Private Link Scope` });
        }
    }
}

export const policy = resourcePolicy(meta, reader(anyOf("Log Analytics and Azure Monitor workspace", logAnalyticsWorkspace, monitorWorkspace), WorkspaceView.read), check);
