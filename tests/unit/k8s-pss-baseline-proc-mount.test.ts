import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-baseline-proc-mount";
import { container, ephemeralContainer, initContainer, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";

const S = "spec.template.spec";
const FIX = "set it to Default or remove it, or run the pod in a user namespace (spec.hostUsers: false).";
const unmasked = (over: Record<string, unknown> = {}) => podSpec({ containers: [container({ securityContext: { procMount: "Unmasked" } })], ...over });

describe("k8s-pss-baseline-proc-mount", () => {
    workloadSuite(policy, {
        spec: unmasked(),
        want: k => [`${k.spec}.containers[0] ("app") sets securityContext.procMount: "Unmasked"; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes procMount: Default", spec: podSpec({ containers: [container({ securityContext: { procMount: "Default" } })] }) },
        { name: "passes Unmasked in a user namespace (policy v1.35)", spec: unmasked({ hostUsers: false }) },
        { name: "passes Unmasked with hostUsers given as the string \"false\"", spec: unmasked({ hostUsers: "false" }) },
        { name: "flags Unmasked with hostUsers: true", spec: unmasked({ hostUsers: true }), want: [`${S}.containers[0] ("app") sets securityContext.procMount: "Unmasked"; ${FIX}`] },
        { name: "flags Unmasked with a malformed hostUsers", spec: unmasked({ hostUsers: "no" }), want: [`${S}.containers[0] ("app") sets securityContext.procMount: "Unmasked"; ${FIX}`] },
        { name: "flags an init container", spec: podSpec({ initContainers: [initContainer({ securityContext: { procMount: "Unmasked" } })] }),
            want: [`${S}.initContainers[0] ("init") sets securityContext.procMount: "Unmasked"; ${FIX}`] },
        { name: "flags an ephemeral container", spec: podSpec({ ephemeralContainers: [ephemeralContainer({ securityContext: { procMount: "Unmasked" } })] }),
            want: [`${S}.ephemeralContainers[0] ("debug") sets securityContext.procMount: "Unmasked"; ${FIX}`] },
        { name: "flags a wrong-case Default", spec: podSpec({ containers: [container({ securityContext: { procMount: "default" } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.procMount: "default"; ${FIX}`] },
        { name: "treats null as unset", spec: podSpec({ containers: [container({ securityContext: { procMount: null } })] }) },
        { name: "never prints a secret value", spec: podSpec({ containers: [container({ securityContext: { procMount: secret("Unmasked") } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.procMount: [secret]; ${FIX}`] },
        { name: "reports only the SDK's note when procMount is unknown at preview", spec: podSpec({ containers: [container({ securityContext: { procMount: unknown } })] }),
            unknown: unknownNote(`${S}.containers.0.securityContext.procMount`) },
        { name: "reports only the SDK's note when hostUsers is unknown and a container unmasks /proc", spec: unmasked({ hostUsers: unknown }), unknown: unknownNote(`${S}.hostUsers`) },
        { name: "does not read an unknown hostUsers when nothing depends on it", spec: podSpec({ hostUsers: unknown }) },
    ]);
});
