import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/monitoring/aks-control-plane-logs-enabled";
import { classicAks, classicDiagnostic, cluster, diagnostic, make, Res, SHAPES, TT, withDeps, workspace } from "../fixtures/stack";
import { secret, unknown, validateStack } from "../harness";

const NO_SETTING = (c: string) => `ManagedCluster "${c}" has no diagnostic setting in this stack (its control-plane logs are not collected); add a DiagnosticSetting with resourceUri set to the cluster's id, logs enabled for kube-audit and kube-apiserver, and a workspaceId, storageAccountId or eventHubAuthorizationRuleId.`;
const NO_SETTING_CLASSIC = "KubernetesCluster \"aks\" has no diagnostic setting in this stack (its control-plane logs are not collected); add a DiagnosticSetting with targetResourceId set to the cluster's id, enabledLogs for kube-audit and kube-apiserver, and a logAnalyticsWorkspaceId, storageAccountId or eventhubAuthorizationRuleId.";
const SINKS = "workspaceId, storageAccountId or eventHubAuthorizationRuleId";
const missing = (cats: string, settings: string) =>
    `ManagedCluster "aks" does not send ${cats} logs to a destination (diagnostic settings: ${settings}); enable ${cats} in logs[] with enabled: true (or the categoryGroup allLogs) on a setting that sets ${SINKS}.`;

function run(resources: Res[], config: Record<string, unknown> = {}) {
    const out = validateStack(policy, resources, config);
    assert.equal(out.unknown, undefined, "no SDK note: a stack policy never reads an unknown");
    return out;
}

describe("aks-control-plane-logs-enabled", () => {
    for (const shape of SHAPES) {
        describe(`${shape} shape`, () => {
            for (const type of [TT.diag, TT.diagV2, TT.diagVersioned]) {
                it(`passes a cluster with a ${type} for kube-audit and kube-apiserver`, () => {
                    const c = cluster(shape);
                    assert.deepEqual(run([c, diagnostic(shape, c, {}, "diag", type)]).violations, []);
                });
            }
            for (const type of [TT.cluster, TT.clusterV2, TT.clusterLocal]) {
                it(`reports a ${type} without a diagnostic setting, with the cluster's URN`, () => {
                    const c = cluster(shape, {}, "aks", {}, type);
                    const out = run([c]);
                    assert.deepEqual(out.violations, [NO_SETTING("aks")]);
                    assert.deepEqual(out.urns, [c.urn]);
                });
            }
            it("passes a classic cluster with a classic setting (enabledLogs)", () => {
                const c = classicAks(shape);
                assert.deepEqual(run([c, classicDiagnostic(shape, c)]).violations, []);
            });
            it("reads the classic enabledLog spelling too", () => {
                const c = classicAks(shape);
                const ds = classicDiagnostic(shape, c, { enabledLogs: undefined, enabledLog: [{ category: "kube-audit-admin" }, { category: "kube-apiserver" }] });
                assert.deepEqual(run([c, ds]).violations, []);
            });
            it("reports a classic cluster without a setting in classic terms", () => {
                assert.deepEqual(run([classicAks(shape)]).violations, [NO_SETTING_CLASSIC]);
            });
            it("links a classic setting to an azure-native cluster", () => {
                const c = cluster(shape);
                assert.deepEqual(run([c, classicDiagnostic(shape, c)]).violations, []);
            });
            it("does not count a setting of another cluster", () => {
                const a = cluster(shape, {}, "aks");
                const b = cluster(shape, {}, "other");
                const out = run([a, b, diagnostic(shape, b)]);
                assert.deepEqual(out.violations, [NO_SETTING("aks")]);
                assert.deepEqual(out.urns, [a.urn]);
            });
            it("reports each cluster once, in stack order", () => {
                assert.deepEqual(run([cluster(shape, {}, "b"), cluster(shape, {}, "a")]).violations, [NO_SETTING("b"), NO_SETTING("a")]);
            });
            it("names the missing category", () => {
                const c = cluster(shape);
                const ds = diagnostic(shape, c, { logs: [{ category: "kube-audit", enabled: true }, { category: "kube-scheduler", enabled: true }] });
                assert.deepEqual(run([c, ds]).violations, [missing("kube-apiserver", "DiagnosticSetting \"diag\"")]);
            });
            it("takes the union of several settings with destinations", () => {
                const c = cluster(shape);
                const audit = diagnostic(shape, c, { logs: [{ category: "kube-audit", enabled: true }] }, "audit");
                const api = diagnostic(shape, c, { logs: [{ category: "kube-apiserver", enabled: true }], workspaceId: undefined, storageAccountId: "/subscriptions/0000/sa" }, "api");
                assert.deepEqual(run([c, audit, api]).violations, []);
            });
            it("does not count categories of a setting without a destination, and says so", () => {
                const c = cluster(shape);
                const audit = diagnostic(shape, c, { logs: [{ category: "kube-audit", enabled: true }] }, "audit");
                const api = diagnostic(shape, c, { logs: [{ category: "kube-apiserver", enabled: true }], workspaceId: undefined }, "api");
                assert.deepEqual(run([c, audit, api]).violations, [missing("kube-apiserver", "DiagnosticSetting \"audit\", DiagnosticSetting \"api\" (no destination)")]);
            });
        });
    }

    const cases: { name: string; ds: (c: Res) => Res; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "accepts kube-audit-admin for kube-audit", ds: c => diagnostic("update", c, { logs: [{ category: "kube-audit-admin", enabled: true }, { category: "kube-apiserver", enabled: true }] }), want: [] },
        { name: "accepts the categoryGroup allLogs", ds: c => diagnostic("update", c, { logs: [{ categoryGroup: "allLogs", enabled: true }] }), want: [] },
        { name: "compares categories and groups case-insensitively", ds: c => diagnostic("update", c, { logs: [{ categoryGroup: "AUDIT", enabled: true }, { category: "Kube-ApiServer", enabled: true }] }), want: [] },
        { name: "accepts the categoryGroup audit for kube-audit only", ds: c => diagnostic("update", c, { logs: [{ categoryGroup: "audit", enabled: true }] }),
            want: [missing("kube-apiserver", "DiagnosticSetting \"diag\"")] },
        { name: "accepts enabled given as the string \"true\"", ds: c => diagnostic("update", c, { logs: [{ categoryGroup: "allLogs", enabled: "true" }] }), want: [] },
        { name: "does not count a disabled category", ds: c => diagnostic("update", c, { logs: [{ category: "kube-audit", enabled: false }, { category: "kube-apiserver", enabled: true }] }),
            want: [missing("kube-audit", "DiagnosticSetting \"diag\"")] },
        { name: "does not count a malformed enabled flag", ds: c => diagnostic("update", c, { logs: [{ categoryGroup: "allLogs", enabled: "yes" }] }),
            want: [missing("kube-audit and kube-apiserver", "DiagnosticSetting \"diag\"")] },
        { name: "does not count an azure-native entry without enabled (the API requires it)", ds: c => diagnostic("update", c, { logs: [{ categoryGroup: "allLogs" }] }),
            want: [missing("kube-audit and kube-apiserver", "DiagnosticSetting \"diag\"")] },
        { name: "treats logs that are not an array as no logs", ds: c => diagnostic("update", c, { logs: { category: "kube-audit", enabled: true } }),
            want: [missing("kube-audit and kube-apiserver", "DiagnosticSetting \"diag\"")] },
        { name: "skips entries that are not objects and categories that are not strings", ds: c => diagnostic("update", c, { logs: ["kube-audit", null, { category: 7, enabled: true }, { category: "kube-apiserver", enabled: true }] }),
            want: [missing("kube-audit", "DiagnosticSetting \"diag\"")] },
        { name: "does not count a blank destination", ds: c => diagnostic("update", c, { workspaceId: "  " }),
            want: [missing("kube-audit and kube-apiserver", "DiagnosticSetting \"diag\" (no destination)")] },
        { name: "accepts an event hub destination", ds: c => diagnostic("update", c, { workspaceId: undefined, eventHubAuthorizationRuleId: "/subscriptions/0000/eh/rule" }), want: [] },
        { name: "requires the categories in config", config: { requiredCategories: ["kube-audit", "kube-apiserver", "guard"] }, ds: c => diagnostic("update", c),
            want: [missing("guard", "DiagnosticSetting \"diag\"")] },
        { name: "lets the audit group satisfy a required guard", config: { requiredCategories: ["guard"] }, ds: c => diagnostic("update", c, { logs: [{ categoryGroup: "audit", enabled: true }] }), want: [] },
        { name: "falls back to the default categories when config is not an array", config: { requiredCategories: "kube-audit" }, ds: c => diagnostic("update", c, { logs: [{ category: "kube-audit", enabled: true }] }),
            want: ["The policy configuration sets requiredCategories: \"kube-audit\" (write a list of strings there, e.g. [\"kube-audit\",\"kube-apiserver\"]); until it is fixed, the policy uses the default for requiredCategories ([\"kube-audit\",\"kube-apiserver\"]).", missing("kube-apiserver", "DiagnosticSetting \"diag\"")] },
        { name: "with no required categories, still requires a destination", config: { requiredCategories: [] }, ds: c => diagnostic("update", c, { workspaceId: undefined }),
            want: [`ManagedCluster "aks" does not send its logs to a destination (diagnostic settings: DiagnosticSetting "diag" (no destination)); set ${SINKS} on one of them.`] },
        { name: "never prints a secret destination or category", ds: c => diagnostic("update", c, { workspaceId: secret("/subscriptions/0000/ws"), logs: [{ category: secret("kube-audit"), enabled: true }] }),
            want: [missing("kube-apiserver", "DiagnosticSetting \"diag\"")] },
        { name: "classic: names the missing category in classic terms", ds: c => classicDiagnostic("update", c, { enabledLogs: [{ category: "kube-audit" }] }),
            want: ["ManagedCluster \"aks\" does not send kube-apiserver logs to a destination (diagnostic settings: DiagnosticSetting \"diag\"); enable kube-apiserver in enabledLogs (or the categoryGroup allLogs) on a setting that sets logAnalyticsWorkspaceId, storageAccountId or eventhubAuthorizationRuleId."] },
        { name: "classic: accepts a storage account destination", ds: c => classicDiagnostic("update", c, { logAnalyticsWorkspaceId: undefined, storageAccountId: "/subscriptions/0000/sa" }), want: [] },
        { name: "classic: does not read the azure-native destination", ds: c => classicDiagnostic("update", c, { logAnalyticsWorkspaceId: undefined, workspaceId: "/subscriptions/0000/ws" }),
            want: ["ManagedCluster \"aks\" does not send kube-audit and kube-apiserver logs to a destination (diagnostic settings: DiagnosticSetting \"diag\" (no destination)); enable kube-audit and kube-apiserver in enabledLogs (or the categoryGroup allLogs) on a setting that sets logAnalyticsWorkspaceId, storageAccountId or eventhubAuthorizationRuleId."] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const k = cluster("update");
            assert.deepEqual(run([k, c.ds(k)], c.config).violations, c.want);
        });
    }

    describe("preview values", () => {
        it("passes when the logs list is unknown (set from an output)", () => {
            const c = cluster("preview");
            assert.deepEqual(run([c, diagnostic("preview", c, { logs: unknown })]).violations, []);
        });
        it("passes when a category is unknown", () => {
            const c = cluster("preview");
            assert.deepEqual(run([c, diagnostic("preview", c, { logs: [{ category: unknown, enabled: true }] })]).violations, []);
        });
        it("counts a destination set from the workspace's id as a destination", () => {
            const c = cluster("preview");
            const ws = workspace("preview");
            const ds = withDeps("preview", diagnostic("preview", c, { workspaceId: unknown }), { workspaceId: [ws] });
            assert.deepEqual(run([c, ws, ds]).violations, []);
        });
        it("does not link a setting whose target is unknown and has no dependency", () => {
            const c = cluster("preview");
            const ds = diagnostic("preview", c);
            ds.propertyDependencies = {};
            assert.deepEqual(run([c, ds]).violations, [NO_SETTING("aks")]);
        });
        it("links by propertyDependencies even when the value names another resource", () => {
            const c = cluster("update");
            const ds = withDeps("preview", diagnostic("update", c, { resourceUri: "/subscriptions/0000/elsewhere" }), { resourceUri: [c] });
            assert.deepEqual(run([c, ds]).violations, []);
        });
    });

    it("reports nothing without a cluster", () => {
        const other = make("update", "azure-native:storage:StorageAccount", "sa", "/subscriptions/0000/sa", {});
        assert.deepEqual(run([other, diagnostic("update", other)]).violations, []);
    });
    it("links by an ID with a trailing slash", () => {
        const c = cluster("update");
        assert.deepEqual(run([c, diagnostic("update", c, { resourceUri: `${c.id}/` })]).violations, []);
    });
    it("declares the default categories", () => {
        assert.deepEqual(policy.meta.config?.requiredCategories.default, ["kube-audit", "kube-apiserver"]);
    });
});
