// Remediation through the real protocol: Remediate before Analyze, in place, secrets kept
// secret, unknowns never touched.
import { strict as assert } from "node:assert";
import { after, before, describe, it } from "node:test";
import { Engine } from "../../engine/engine";
import { SecretValue, secret, unknown } from "../../engine/wire";
import { allPolicies } from "../../policies";
import { launch } from "./helpers";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const res = (type: string, name: string, inputs: Record<string, unknown>) => ({ type, name, urn: `urn:pulumi:dev::project::${type}::${name}`, inputs });

describe("remediation over the Analyzer protocol", () => {
    let engine: Engine;
    before(async () => {
        engine = await launch();
    });
    after(async () => {
        await engine.close();
    });

    it("documents what every remediating policy fixes", () => {
        const fixers = allPolicies.filter(p => "remediateResource" in p && p.remediateResource);
        assert.ok(fixers.length >= 5);
        for (const p of fixers) assert.ok(p.meta.remediates && p.meta.remediates.length > 10, p.name);
    });

    it("turns insecure add-ons off in place, keeping key case and secrets", async () => {
        await engine.configure({ "aks-insecure-addons-disabled": "remediate" });
        const cluster = res(CLUSTER, "c", {
            addonProfiles: {
                KubeDashboard: { enabled: true },
                omsagent: secret({ enabled: true, config: { logAnalyticsWorkspaceResourceID: "/subscriptions/s/ws" } }),
            },
            servicePrincipalProfile: { clientId: "id", secret: secret("sp-password") },
        });
        const out = await engine.remediate(cluster);
        const fix = out.remediations.find(r => r.policyName === "aks-insecure-addons-disabled")!;
        const props = fix.properties as { addonProfiles: Record<string, unknown>; servicePrincipalProfile: { secret: unknown } };
        assert.deepEqual(props.addonProfiles.KubeDashboard, { enabled: false });
        assert.ok(props.addonProfiles.omsagent instanceof SecretValue, "the secret add-on stays a secret");
        assert.ok(props.servicePrincipalProfile.secret instanceof SecretValue, "the SP secret stays a secret");
        // The engine analyzes the remediated inputs: the violation is gone.
        const run = await engine.run([cluster]);
        assert.ok(!run.resources[0].diagnostics.some(d => d.policyName === "aks-insecure-addons-disabled"));
    });

    it("never touches a value unknown during preview", async () => {
        await engine.configure({ "aks-insecure-addons-disabled": "remediate" });
        const out = await engine.remediate(res(CLUSTER, "c", { addonProfiles: { kubeDashboard: { enabled: unknown } } }));
        const fix = out.remediations.find(r => r.policyName === "aks-insecure-addons-disabled")!;
        assert.equal(fix.properties, undefined);
        assert.match(fix.diagnostic!, /^can't run remediation 'aks-insecure-addons-disabled' from policy pack 'aks-security-baseline@v[^']+' during preview: /);
    });

    it("disables local accounts only where Entra ID is managed", async () => {
        await engine.configure({ "aks-local-accounts-disabled": "remediate" });
        let out = await engine.remediate(res(CLUSTER, "c", { aadProfile: { managed: true } }));
        assert.equal((out.remediations.find(r => r.policyName === "aks-local-accounts-disabled")!.properties as Record<string, unknown>).disableLocalAccounts, true);
        out = await engine.remediate(res(CLUSTER, "c", {}));
        assert.equal(out.remediations.find(r => r.policyName === "aks-local-accounts-disabled"), undefined, "no Entra ID: left alone, still reported");
    });

    it("sets allowPrivilegeEscalation: false on containers that can take it", async () => {
        await engine.configure({ "k8s-pss-restricted-privilege-escalation": "remediate" });
        const deployment = res(DEPLOYMENT, "web", {
            metadata: { name: "web", namespace: "shop" },
            spec: { template: { spec: { containers: [
                { name: "app", image: "a:1", env: [{ name: "TOKEN", value: secret("t0k3n") }] },
                { name: "debug", image: "b:1", securityContext: { privileged: true } },
            ] } } },
        });
        const out = await engine.remediate(deployment);
        const props = out.remediations.find(r => r.policyName === "k8s-pss-restricted-privilege-escalation")!.properties as any;
        const [app, debug] = props.spec.template.spec.containers;
        assert.deepEqual(app.securityContext, { allowPrivilegeEscalation: false });
        assert.ok(app.env[0].value instanceof SecretValue);
        assert.deepEqual(debug.securityContext, { privileged: true }, "a privileged container is left for a person to fix");
    });

    it("does nothing unless the level is remediate", async () => {
        await engine.configure();
        const out = await engine.remediate(res(CLUSTER, "c", { addonProfiles: { kubeDashboard: { enabled: true } } }));
        assert.deepEqual(out.remediations, []);
    });
});
