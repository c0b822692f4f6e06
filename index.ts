// The pack: new PolicyPack over allPolicies; nothing else.
import { PolicyPack } from "@pulumi/policy";
import { installSdkAdjustments } from "./lib/serve/sdk";
import { allPolicies } from "./policies";
import { pack } from "./policies/pack";

installSdkAdjustments();

new PolicyPack(pack.name, { ...pack.args, policies: allPolicies });
