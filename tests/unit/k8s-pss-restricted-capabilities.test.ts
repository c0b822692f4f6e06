import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-restricted-capabilities";
import { container, ephemeralContainer, initContainer, kind, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const C = `${S}.containers[0] ("app")`;
const ADD = "remove it: restricted allows adding only NET_BIND_SERVICE.";
const ABSENT = "does not set securityContext.capabilities.drop (the container keeps the runtime's default capabilities); set it to [\"ALL\"].";
const caps = (capabilities: unknown) => podSpec({ containers: [container({ securityContext: { capabilities: untyped(capabilities) } })] });

describe("k8s-pss-restricted-capabilities", () => {
    workloadSuite(policy, {
        spec: caps({ drop: ["NET_RAW"], add: ["SYS_ADMIN"] }),
        want: k => [
            `${k.spec}.containers[0] ("app") sets securityContext.capabilities.drop: ["NET_RAW"]; add "ALL" to it.`,
            `${k.spec}.containers[0] ("app") sets securityContext.capabilities.add[0]: "SYS_ADMIN"; ${ADD}`,
        ],
    });

    runCases(policy, [
        { name: "passes drop ALL with NET_BIND_SERVICE added", spec: caps({ drop: ["ALL"], add: ["NET_BIND_SERVICE"] }) },
        { name: "passes ALL among other drops", spec: caps({ drop: ["NET_RAW", "ALL"] }) },
        { name: "flags a container without capabilities", spec: caps(undefined), want: [`${C} ${ABSENT}`] },
        { name: "flags a capabilities object without drop", spec: caps({ drop: undefined }), want: [`${C} ${ABSENT}`] },
        { name: "flags lower-case all", spec: caps({ drop: ["all"] }), want: [`${C} sets securityContext.capabilities.drop: ["all"]; add "ALL" to it.`] },
        { name: "flags each added capability other than NET_BIND_SERVICE (even baseline ones)", spec: caps({ drop: ["ALL"], add: ["CHOWN", "NET_BIND_SERVICE", "SETUID"] }), want: [
            `${C} sets securityContext.capabilities.add[0]: "CHOWN"; ${ADD}`,
            `${C} sets securityContext.capabilities.add[2]: "SETUID"; ${ADD}`,
        ] },
        { name: "flags init and ephemeral containers", spec: podSpec({
            initContainers: [initContainer({ securityContext: { capabilities: { drop: [] } } })],
            ephemeralContainers: [ephemeralContainer({ securityContext: { capabilities: undefined } })],
        }), want: [
            `${S}.initContainers[0] ("init") sets securityContext.capabilities.drop: []; add "ALL" to it.`,
            `${S}.ephemeralContainers[0] ("debug") ${ABSENT}`,
        ] },
        // malformed
        { name: "flags a string where the drop list is expected", spec: caps({ drop: "ALL" }), want: [`${C} sets securityContext.capabilities.drop: "ALL"; set it to ["ALL"].`] },
        { name: "flags a string where the add list is expected", spec: caps({ drop: ["ALL"], add: "NET_BIND_SERVICE" }),
            want: [`${C} sets securityContext.capabilities.add: "NET_BIND_SERVICE"; set it to ["NET_BIND_SERVICE"] or remove it.`] },
        { name: "flags a capabilities value that is not an object", spec: caps("ALL"), want: [`${C} ${ABSENT}`] },
        // Windows (policy v1.25+)
        { name: "exempts a Windows pod", spec: podSpec({ os: { name: "windows" }, containers: [container({ securityContext: { capabilities: { add: ["SYS_ADMIN"] } } })] }) },
        // …Patch
        { name: "does not require drop in a DeploymentPatch", kind: kind("DeploymentPatch"), spec: { containers: [{ name: "app", image: "app:2" }] } },
        { name: "flags an added capability in a DeploymentPatch", kind: kind("DeploymentPatch"), spec: { containers: [{ name: "app", securityContext: { capabilities: { add: ["NET_RAW"] } } }] },
            want: [`${C} sets securityContext.capabilities.add[0]: "NET_RAW"; ${ADD}`] },
        // secrets and unknowns
        { name: "never prints a secret capability", spec: caps({ drop: ["ALL"], add: [secret("SYS_ADMIN")] }), want: [`${C} sets securityContext.capabilities.add[0]: [secret]; ${ADD}`] },
        { name: "passes a secret drop list holding ALL", spec: caps({ drop: secret(["ALL"]) }) },
        { name: "reports only the SDK's note when a drop element is unknown at preview", spec: caps({ drop: [unknown] }),
            unknown: unknownNote(`${S}.containers.0.securityContext.capabilities.drop.0`) },
    ]);
});
