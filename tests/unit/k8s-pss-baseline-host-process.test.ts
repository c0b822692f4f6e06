import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-baseline-host-process";
import { container, ephemeralContainer, initContainer, POD, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "set it to false or remove it.";
const WINDOWS = { runAsNonRoot: true, windowsOptions: { hostProcess: true, runAsUserName: "NT AUTHORITY\\SYSTEM" } };

describe("k8s-pss-baseline-host-process", () => {
    workloadSuite(policy, {
        spec: podSpec({ os: { name: "windows" }, securityContext: WINDOWS, hostNetwork: true }),
        want: k => [`${k.spec} sets securityContext.windowsOptions.hostProcess: true; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes hostProcess: false on the pod and its containers", spec: podSpec({
            securityContext: { windowsOptions: { hostProcess: false } },
            containers: [container({ securityContext: { windowsOptions: { hostProcess: false } } })],
        }) },
        { name: "passes windowsOptions without hostProcess", spec: podSpec({ securityContext: { windowsOptions: { gmsaCredentialSpecName: "gmsa" } } }) },
        { name: "flags a container", spec: podSpec({ containers: [container({ securityContext: { windowsOptions: { hostProcess: true } } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.windowsOptions.hostProcess: true; ${FIX}`] },
        { name: "flags an init container", spec: podSpec({ initContainers: [initContainer({ securityContext: { windowsOptions: { hostProcess: true } } })] }),
            want: [`${S}.initContainers[0] ("init") sets securityContext.windowsOptions.hostProcess: true; ${FIX}`] },
        { name: "flags an ephemeral container", spec: podSpec({ ephemeralContainers: [ephemeralContainer({ securityContext: { windowsOptions: { hostProcess: true } } })] }),
            want: [`${S}.ephemeralContainers[0] ("debug") sets securityContext.windowsOptions.hostProcess: true; ${FIX}`] },
        { name: "flags the pod and each container that set it", kind: POD, spec: podSpec({
            securityContext: { windowsOptions: { hostProcess: true } },
            containers: [container({ securityContext: { windowsOptions: { hostProcess: true } } })],
        }), want: [
            `spec sets securityContext.windowsOptions.hostProcess: true; ${FIX}`,
            `spec.containers[0] ("app") sets securityContext.windowsOptions.hostProcess: true; ${FIX}`,
        ] },
        { name: "flags a malformed value", spec: podSpec({ securityContext: { windowsOptions: { hostProcess: untyped(1) } } }),
            want: [`${S} sets securityContext.windowsOptions.hostProcess: 1; ${FIX}`] },
        { name: "ignores windowsOptions that is not an object", spec: podSpec({ securityContext: { windowsOptions: untyped("hostProcess") } }) },
        { name: "never prints a secret value", spec: podSpec({ securityContext: { windowsOptions: { hostProcess: secret(true) } } }),
            want: [`${S} sets securityContext.windowsOptions.hostProcess: [secret]; ${FIX}`] },
        { name: "reports only the SDK's note when the pod's flag is unknown at preview", spec: podSpec({ securityContext: { windowsOptions: { hostProcess: unknown } } }),
            unknown: unknownNote(`${S}.securityContext.windowsOptions.hostProcess`) },
        { name: "reports only the SDK's note when a container's flag is unknown at preview", spec: podSpec({ containers: [container({ securityContext: { windowsOptions: { hostProcess: unknown } } })] }),
            unknown: unknownNote(`${S}.containers.0.securityContext.windowsOptions.hostProcess`) },
    ]);
});
