import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-baseline-selinux";
import { container, ephemeralContainer, initContainer, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const TYPE_FIX = "set it to container_t, container_init_t, container_kvm_t or container_engine_t, or remove it.";
const pod = (seLinuxOptions: unknown) => podSpec({ securityContext: { seLinuxOptions: untyped(seLinuxOptions) } });
const app = (seLinuxOptions: unknown) => podSpec({ containers: [container({ securityContext: { seLinuxOptions: untyped(seLinuxOptions) } })] });

describe("k8s-pss-baseline-selinux", () => {
    workloadSuite(policy, {
        spec: pod({ type: "spc_t", user: "system_u", role: "system_r" }),
        want: k => [
            `${k.spec} sets securityContext.seLinuxOptions.type: "spc_t"; ${TYPE_FIX}`,
            `${k.spec} sets securityContext.seLinuxOptions.user: "system_u"; remove it.`,
            `${k.spec} sets securityContext.seLinuxOptions.role: "system_r"; remove it.`,
        ],
    });

    runCases(policy, [
        { name: "passes each allowed type, and any level", spec: podSpec({
            securityContext: { seLinuxOptions: { type: "container_t", level: "s0:c123,c456" } },
            containers: [container({ securityContext: { seLinuxOptions: { type: "container_init_t" } } }), container({ name: "b", securityContext: { seLinuxOptions: { type: "container_kvm_t" } } })],
            initContainers: [initContainer({ securityContext: { seLinuxOptions: { type: "container_engine_t" } } })],
        }) },
        { name: "passes empty options and empty strings", spec: app({ type: "", user: "", role: "" }) },
        { name: "passes options without a type", spec: pod({}) },
        { name: "flags a container's custom type", spec: app({ type: "somevalue" }), want: [`${S}.containers[0] ("app") sets securityContext.seLinuxOptions.type: "somevalue"; ${TYPE_FIX}`] },
        { name: "flags an init container's user", spec: podSpec({ initContainers: [initContainer({ securityContext: { seLinuxOptions: { user: "somevalue" } } })] }),
            want: [`${S}.initContainers[0] ("init") sets securityContext.seLinuxOptions.user: "somevalue"; remove it.`] },
        { name: "flags an ephemeral container's role", spec: podSpec({ ephemeralContainers: [ephemeralContainer({ securityContext: { seLinuxOptions: { role: "somevalue" } } })] }),
            want: [`${S}.ephemeralContainers[0] ("debug") sets securityContext.seLinuxOptions.role: "somevalue"; remove it.`] },
        { name: "flags a type in the wrong case", spec: pod({ type: "Container_T" }), want: [`${S} sets securityContext.seLinuxOptions.type: "Container_T"; ${TYPE_FIX}`] },
        { name: "flags a non-string type", spec: pod({ type: 1 }), want: [`${S} sets securityContext.seLinuxOptions.type: 1; ${TYPE_FIX}`] },
        { name: "treats null fields as unset", spec: pod({ type: null, user: null }) },
        { name: "ignores options that are not an object", spec: pod("spc_t") },
        { name: "never prints a secret user", spec: pod({ user: secret("root") }), want: [`${S} sets securityContext.seLinuxOptions.user: [secret]; remove it.`] },
        { name: "reports only the SDK's note when the type is unknown at preview", spec: pod({ type: unknown }), unknown: unknownNote(`${S}.securityContext.seLinuxOptions.type`) },
    ]);
});
