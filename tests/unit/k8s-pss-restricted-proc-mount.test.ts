import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-restricted-proc-mount";
import { container, ephemeralContainer, initContainer, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "set it to Default or remove it.";

describe("k8s-pss-restricted-proc-mount", () => {
    workloadSuite(policy, {
        spec: podSpec({ hostUsers: false, containers: [container({ securityContext: { procMount: "Unmasked" } })] }),
        want: k => [`${k.spec}.containers[0] ("app") sets securityContext.procMount: "Unmasked"; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes Default in a user namespace", spec: podSpec({ hostUsers: false, containers: [container({ securityContext: { procMount: "Default" } })] }) },
        { name: "flags Unmasked outside a user namespace", spec: podSpec({ containers: [container({ securityContext: { procMount: "Unmasked" } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.procMount: "Unmasked"; ${FIX}`] },
        { name: "flags init and ephemeral containers", spec: podSpec({
            hostUsers: false,
            initContainers: [initContainer({ securityContext: { procMount: "Unmasked" } })],
            ephemeralContainers: [ephemeralContainer({ securityContext: { procMount: "Unmasked" } })],
        }), want: [
            `${S}.initContainers[0] ("init") sets securityContext.procMount: "Unmasked"; ${FIX}`,
            `${S}.ephemeralContainers[0] ("debug") sets securityContext.procMount: "Unmasked"; ${FIX}`,
        ] },
        { name: "flags a malformed value", spec: podSpec({ containers: [container({ securityContext: { procMount: untyped(0) } })] }), want: [`${S}.containers[0] ("app") sets securityContext.procMount: 0; ${FIX}`] },
        { name: "never prints a secret value", spec: podSpec({ containers: [container({ securityContext: { procMount: secret("Unmasked") } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.procMount: [secret]; ${FIX}`] },
        { name: "does not read hostUsers at all", spec: podSpec({ hostUsers: unknown, containers: [container({ securityContext: { procMount: "Unmasked" } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.procMount: "Unmasked"; ${FIX}`] },
        { name: "reports only the SDK's note when procMount is unknown at preview", spec: podSpec({ containers: [container({ securityContext: { procMount: unknown } })] }),
            unknown: unknownNote(`${S}.containers.0.securityContext.procMount`) },
    ]);
});
