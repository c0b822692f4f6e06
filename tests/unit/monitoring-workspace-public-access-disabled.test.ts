import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/monitoring-workspace-public-access-disabled";
import { secret, unknown, validate } from "../harness";

const LAW = ["azure-native:operationalinsights:Workspace", "azure-native:operationalinsights/v20230901:Workspace", "azure-native_operationalinsights_v20250201:operationalinsights:Workspace"];
const AMW = ["azure-native:monitor:AzureMonitorWorkspace", "azure-native:monitor/v20230403:AzureMonitorWorkspace"];
const CLASSIC_LAW = "azure:operationalinsights/analyticsWorkspace:AnalyticsWorkspace";
const CLASSIC_AMW = "azure:monitoring/workspace:Workspace";
const FIX = "and reach the workspace through an Azure Monitor Private Link Scope.";

const closedLaw = { workspaceName: "logs", sku: { name: "PerGB2018" }, publicNetworkAccessForIngestion: "Disabled", publicNetworkAccessForQuery: "Disabled" };
const absent = (label: string, path: string, serves: string, closed = "\"Disabled\"") =>
    `${label} does not set ${path} (public ${serves}: open to every network); set it to ${closed} ${FIX}`;
const sets = (label: string, path: string, value: string, closed = "\"Disabled\"") => `${label} sets ${path}: ${value}; set it to ${closed} ${FIX}`;
const L = "The Log Analytics workspace \"logs\"";

describe("monitoring-workspace-public-access-disabled", () => {
    for (const type of LAW) {
        describe(type, () => {
            it("passes a workspace closed to public networks", () => {
                assert.deepEqual(validate(policy, type, closedLaw).violations, []);
            });
            it("fails the defaults (both endpoints open), naming each", () => {
                assert.deepEqual(validate(policy, type, { workspaceName: "logs" }).violations, [
                    absent(L, "publicNetworkAccessForIngestion", "ingestion"),
                    absent(L, "publicNetworkAccessForQuery", "queries"),
                ]);
            });
        });
    }
    for (const type of AMW) {
        describe(type, () => {
            it("passes publicNetworkAccess Disabled", () => {
                assert.deepEqual(validate(policy, type, { azureMonitorWorkspaceName: "prom", publicNetworkAccess: "Disabled" }).violations, []);
            });
            it("fails the default", () => {
                assert.deepEqual(validate(policy, type, { azureMonitorWorkspaceName: "prom" }).violations,
                    [absent("The Azure Monitor workspace \"prom\"", "publicNetworkAccess", "ingestion and queries")]);
            });
        });
    }

    const cases: { name: string; type?: string; props: Record<string, unknown>; want: string[] }[] = [
        { name: "fails Enabled for queries only", props: { ...closedLaw, publicNetworkAccessForQuery: "Enabled" }, want: [sets(L, "publicNetworkAccessForQuery", "\"Enabled\"")] },
        { name: "compares case-insensitively", props: { ...closedLaw, publicNetworkAccessForIngestion: "disabled", publicNetworkAccessForQuery: "DISABLED" }, want: [] },
        { name: "accepts SecuredByPerimeter (a network security perimeter)", props: { ...closedLaw, publicNetworkAccessForIngestion: "SecuredByPerimeter" }, want: [] },
        { name: "fails a malformed value", props: { ...closedLaw, publicNetworkAccessForQuery: false }, want: [sets(L, "publicNetworkAccessForQuery", "false")] },
        { name: "never prints a secret value", props: { ...closedLaw, publicNetworkAccessForQuery: secret("Enabled") }, want: [sets(L, "publicNetworkAccessForQuery", "[secret]")] },
        { name: "names a workspace without a known name generically", props: { publicNetworkAccessForIngestion: "Disabled", publicNetworkAccessForQuery: "Disabled" }, want: [] },
        { name: "names an unnamed workspace generically", props: { publicNetworkAccessForQuery: "Disabled" },
            want: [absent("The Log Analytics workspace", "publicNetworkAccessForIngestion", "ingestion")] },
        // classic
        { name: "classic: passes both internet flags off", type: CLASSIC_LAW, props: { name: "logs", internetIngestionEnabled: false, internetQueryEnabled: false }, want: [] },
        { name: "classic: fails the defaults", type: CLASSIC_LAW, props: { name: "logs" }, want: [
            absent(L, "internetIngestionEnabled", "ingestion", "false"), absent(L, "internetQueryEnabled", "queries", "false")] },
        { name: "classic: accepts the string \"false\"", type: CLASSIC_LAW, props: { name: "logs", internetIngestionEnabled: "false", internetQueryEnabled: "FALSE" }, want: [] },
        { name: "classic: fails true", type: CLASSIC_LAW, props: { name: "logs", internetIngestionEnabled: true, internetQueryEnabled: false },
            want: [sets(L, "internetIngestionEnabled", "true", "false")] },
        { name: "classic Azure Monitor workspace: fails the default", type: CLASSIC_AMW, props: { name: "prom" },
            want: [absent("The Azure Monitor workspace \"prom\"", "publicNetworkAccessEnabled", "ingestion and queries", "false")] },
        { name: "classic Azure Monitor workspace: passes false", type: CLASSIC_AMW, props: { name: "prom", publicNetworkAccessEnabled: false }, want: [] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? LAW[0], c.props);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    it("decides ingestion before an unknown query setting, then gives the SDK's note", () => {
        const out = validate(policy, LAW[0], { workspaceName: "logs", publicNetworkAccessForIngestion: "Enabled", publicNetworkAccessForQuery: unknown });
        assert.deepEqual(out.violations, [sets(L, "publicNetworkAccessForIngestion", "\"Enabled\"")]);
        assert.equal(out.unknown, "string value at .publicNetworkAccessForQuery can't be known during preview");
    });
    it("passes a workspace name from another resource's output without a note", () => {
        const out = validate(policy, LAW[0], { ...closedLaw, workspaceName: unknown });
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, undefined);
    });
});
