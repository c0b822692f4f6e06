import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-restricted-privilege-escalation";
import { container, DEPLOYMENT, ephemeralContainer, initContainer, kind, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "set it to false.";
const ABSENT = `does not set securityContext.allowPrivilegeEscalation (a process can gain more privileges than its parent, e.g. through setuid binaries); ${FIX}`;
const ape = (v: unknown) => podSpec({ containers: [container({ securityContext: { allowPrivilegeEscalation: untyped(v) } })] });

describe("k8s-pss-restricted-privilege-escalation", () => {
    workloadSuite(policy, {
        spec: ape(true),
        want: k => [`${k.spec}.containers[0] ("app") sets securityContext.allowPrivilegeEscalation: true; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes the string \"false\"", spec: ape("false") },
        { name: "flags a container that does not set it", spec: ape(undefined), want: [`${S}.containers[0] ("app") ${ABSENT}`] },
        { name: "flags a container without securityContext", spec: podSpec({ containers: [{ name: "app", image: "nginx:1.27" }] }), want: [`${S}.containers[0] ("app") ${ABSENT}`] },
        { name: "flags init and ephemeral containers", spec: podSpec({
            initContainers: [initContainer({ securityContext: { allowPrivilegeEscalation: true } })],
            ephemeralContainers: [ephemeralContainer({ securityContext: { allowPrivilegeEscalation: undefined } })],
        }), want: [
            `${S}.initContainers[0] ("init") sets securityContext.allowPrivilegeEscalation: true; ${FIX}`,
            `${S}.ephemeralContainers[0] ("debug") ${ABSENT}`,
        ] },
        { name: "flags a malformed value", spec: ape("no"), want: [`${S}.containers[0] ("app") sets securityContext.allowPrivilegeEscalation: "no"; ${FIX}`] },
        // Windows (policy v1.25+)
        { name: "exempts a Windows pod", spec: podSpec({ os: { name: "windows" }, containers: [container({ securityContext: { allowPrivilegeEscalation: undefined } })] }) },
        { name: "does not exempt a Linux pod", spec: podSpec({ os: { name: "linux" }, containers: [container({ securityContext: { allowPrivilegeEscalation: true } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.allowPrivilegeEscalation: true; ${FIX}`] },
        { name: "does not exempt an os.name the API would reject", spec: podSpec({ os: { name: "Windows" }, containers: [container({ securityContext: { allowPrivilegeEscalation: true } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.allowPrivilegeEscalation: true; ${FIX}`] },
        { name: "reports only the SDK's note when os.name is unknown and a container fails", spec: podSpec({ os: { name: unknown }, containers: [container({ securityContext: { allowPrivilegeEscalation: true } })] }),
            unknown: unknownNote(`${S}.os.name`) },
        // …Patch: absent means unchanged
        { name: "does not require the field in a DeploymentPatch", kind: kind("DeploymentPatch"), spec: podSpec({ containers: [{ name: "app", image: "app:2" }] }) },
        { name: "still flags an explicit true in a DeploymentPatch", kind: kind("DeploymentPatch"), spec: podSpec({ containers: [{ name: "app", securityContext: { allowPrivilegeEscalation: true } }] }),
            want: [`${S}.containers[0] ("app") sets securityContext.allowPrivilegeEscalation: true; ${FIX}`] },
        { name: "requires the field in a Deployment", kind: DEPLOYMENT, spec: podSpec({ containers: [{ name: "app", image: "app:2" }] }), want: [`${S}.containers[0] ("app") ${ABSENT}`] },
        { name: "never prints a secret value", spec: ape(secret(true)), want: [`${S}.containers[0] ("app") sets securityContext.allowPrivilegeEscalation: [secret]; ${FIX}`] },
        { name: "reports only the SDK's note when the value is unknown at preview", spec: ape(unknown), unknown: unknownNote(`${S}.containers.0.securityContext.allowPrivilegeEscalation`) },
    ]);
});
