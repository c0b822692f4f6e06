import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-restricted-run-as-user";
import { container, ephemeralContainer, initContainer, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "set it to a non-zero UID such as 10001, or remove it.";

describe("k8s-pss-restricted-run-as-user", () => {
    workloadSuite(policy, {
        spec: podSpec({ securityContext: { runAsNonRoot: true, runAsUser: 0 } }),
        want: k => [`${k.spec} sets securityContext.runAsUser: 0; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes an unset runAsUser", spec: podSpec({ securityContext: { runAsUser: undefined } }) },
        { name: "passes non-zero UIDs everywhere", spec: podSpec({ containers: [container({ securityContext: { runAsUser: 1000 } })], initContainers: [initContainer({ securityContext: { runAsUser: 1 } })] }) },
        { name: "flags each container with UID 0", spec: podSpec({
            containers: [container({ securityContext: { runAsUser: 0 } })],
            initContainers: [initContainer({ securityContext: { runAsUser: 0 } })],
            ephemeralContainers: [ephemeralContainer({ securityContext: { runAsUser: 0 } })],
        }), want: [
            `${S}.containers[0] ("app") sets securityContext.runAsUser: 0; ${FIX}`,
            `${S}.initContainers[0] ("init") sets securityContext.runAsUser: 0; ${FIX}`,
            `${S}.ephemeralContainers[0] ("debug") sets securityContext.runAsUser: 0; ${FIX}`,
        ] },
        { name: "flags a string UID (malformed)", spec: podSpec({ securityContext: { runAsUser: untyped("0") } }), want: [`${S} sets securityContext.runAsUser: "0"; ${FIX}`] },
        { name: "treats null as unset", spec: podSpec({ securityContext: { runAsUser: null } }) },
        { name: "exempts a pod in a user namespace (policy v1.35)", spec: podSpec({ hostUsers: false, securityContext: { runAsUser: 0 }, containers: [container({ securityContext: { runAsUser: 0 } })] }) },
        { name: "does not exempt hostUsers: true", spec: podSpec({ hostUsers: true, securityContext: { runAsUser: 0 } }), want: [`${S} sets securityContext.runAsUser: 0; ${FIX}`] },
        { name: "never prints a secret UID", spec: podSpec({ securityContext: { runAsUser: secret(0) } }), want: [`${S} sets securityContext.runAsUser: [secret]; ${FIX}`] },
        { name: "reports only the SDK's note when a UID is unknown at preview", spec: podSpec({ containers: [container({ securityContext: { runAsUser: unknown } })] }),
            unknown: unknownNote(`${S}.containers.0.securityContext.runAsUser`) },
        { name: "does not read an unknown hostUsers when nothing depends on it", spec: podSpec({ hostUsers: unknown }) },
    ]);
});
