"use strict";
// The SDK's floor: a pack of 85 trivial policies, as many as the main pack serves (72 resource
// policies, 13 stack policies), each doing nothing but answer. A resource policy answers "not
// applicable" for every type but its own token (no token in the benchmark's stacks is one), a
// stack policy returns at once. What this pack costs over bench/reference-pack is what
// @pulumi/policy's per-policy loop costs (bench/run.ts, docs/performance.md).
// Like the reference pack it has no node_modules: both packages resolve from the project's.
const { PolicyPack } = require("@pulumi/policy");

const policies = [];
for (let i = 0; i < 72; i++) {
    const token = `floor:index/thing${i}:Thing${i}`;
    policies.push({
        name: `floor-resource-${i}`,
        description: `Trivial resource policy ${i}.`,
        enforcementLevel: "advisory",
        validateResource: (args) => {
            if (args.type !== token) {
                args.notApplicable(`applies to ${token} only`);
            }
        },
    });
}
for (let i = 0; i < 13; i++) {
    policies.push({
        name: `floor-stack-${i}`,
        description: `Trivial stack policy ${i}.`,
        enforcementLevel: "advisory",
        validateStack: () => undefined,
    });
}

new PolicyPack("floor-pack", { policies });
