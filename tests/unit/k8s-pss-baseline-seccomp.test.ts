import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-baseline-seccomp";
import { container, ephemeralContainer, initContainer, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "set it to RuntimeDefault or Localhost.";
const app = (seccompProfile: unknown) => podSpec({ containers: [container({ securityContext: { seccompProfile: untyped(seccompProfile) } })] });

describe("k8s-pss-baseline-seccomp", () => {
    workloadSuite(policy, {
        spec: podSpec({ securityContext: { runAsNonRoot: true, seccompProfile: { type: "Unconfined" } } }),
        want: k => [`${k.spec} sets securityContext.seccompProfile.type: "Unconfined"; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes no seccomp profile at all (baseline does not require one)", spec: podSpec({ securityContext: undefined }) },
        { name: "passes RuntimeDefault and Localhost", spec: podSpec({ containers: [container({ securityContext: { seccompProfile: { type: "Localhost", localhostProfile: "p.json" } } })] }) },
        { name: "flags an Unconfined container", spec: app({ type: "Unconfined" }), want: [`${S}.containers[0] ("app") sets securityContext.seccompProfile.type: "Unconfined"; ${FIX}`] },
        { name: "flags an Unconfined init container", spec: podSpec({ initContainers: [initContainer({ securityContext: { seccompProfile: { type: "Unconfined" } } })] }),
            want: [`${S}.initContainers[0] ("init") sets securityContext.seccompProfile.type: "Unconfined"; ${FIX}`] },
        { name: "flags an Unconfined ephemeral container", spec: podSpec({ ephemeralContainers: [ephemeralContainer({ securityContext: { seccompProfile: { type: "Unconfined" } } })] }),
            want: [`${S}.ephemeralContainers[0] ("debug") sets securityContext.seccompProfile.type: "Unconfined"; ${FIX}`] },
        { name: "flags a wrong-case value the API would reject", spec: app({ type: "unconfined" }), want: [`${S}.containers[0] ("app") sets securityContext.seccompProfile.type: "unconfined"; ${FIX}`] },
        { name: "flags a non-string type", spec: app({ type: true }), want: [`${S}.containers[0] ("app") sets securityContext.seccompProfile.type: true; ${FIX}`] },
        { name: "passes a profile without a type (the API requires one; PSA allows it)", spec: app({}) },
        { name: "ignores a profile that is not an object", spec: app("Unconfined") },
        { name: "never prints a secret type", spec: app({ type: secret("Unconfined") }), want: [`${S}.containers[0] ("app") sets securityContext.seccompProfile.type: [secret]; ${FIX}`] },
        { name: "reports only the SDK's note when the type is unknown at preview", spec: app({ type: unknown }), unknown: unknownNote(`${S}.containers.0.securityContext.seccompProfile.type`) },
    ]);
});
