import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-baseline-host-namespaces";
import { POD, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "set it to false or remove it.";

describe("k8s-pss-baseline-host-namespaces", () => {
    workloadSuite(policy, {
        spec: podSpec({ hostNetwork: true, hostPID: true, hostIPC: true }),
        want: k => ["hostNetwork", "hostPID", "hostIPC"].map(f => `${k.spec} sets ${f}: true; ${FIX}`),
    });

    runCases(policy, [
        { name: "passes all three set to false", spec: podSpec({ hostNetwork: false, hostPID: false, hostIPC: untyped("false") }) },
        { name: "flags hostNetwork alone", spec: podSpec({ hostNetwork: true }), want: [`${S} sets hostNetwork: true; ${FIX}`] },
        { name: "flags hostPID alone", spec: podSpec({ hostPID: true }), want: [`${S} sets hostPID: true; ${FIX}`] },
        { name: "flags hostIPC alone, on a Pod", kind: POD, spec: podSpec({ hostIPC: true }), want: [`spec sets hostIPC: true; ${FIX}`] },
        { name: "flags the string \"true\"", spec: podSpec({ hostNetwork: untyped("true") }), want: [`${S} sets hostNetwork: "true"; ${FIX}`] },
        { name: "flags a malformed value", spec: podSpec({ hostPID: untyped("yes") }), want: [`${S} sets hostPID: "yes"; ${FIX}`] },
        { name: "treats null as unset", spec: podSpec({ hostNetwork: null }) },
        { name: "never prints a secret value", spec: podSpec({ hostIPC: secret(true) }), want: [`${S} sets hostIPC: [secret]; ${FIX}`] },
        { name: "reports only the SDK's note when hostNetwork is unknown at preview", spec: podSpec({ hostNetwork: unknown }), unknown: unknownNote(`${S}.hostNetwork`) },
        { name: "checks nothing when the template has no spec", props: { metadata: { name: "app" }, spec: { template: { metadata: {} } } } },
    ]);
});
