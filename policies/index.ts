// allPolicies: the one explicit list the pack, the docs and the tests read. Each group lists
// its policies in its own file.

import { PackPolicy } from "../lib/policy";
import { aksPolicies } from "./aks";
import { aksDataNodesPolicies } from "./aks-data-nodes";
import { aksIdentityNetworkPolicies } from "./aks-identity-network";
import { azurePolicies } from "./azure";
import { kubernetesPolicies } from "./kubernetes";
import { podSecurityPolicies } from "./pss";
import { stackPolicies } from "./stack";

export const allPolicies: PackPolicy[] = [
    ...aksPolicies,
    ...aksIdentityNetworkPolicies,
    ...aksDataNodesPolicies,
    ...azurePolicies,
    ...stackPolicies,
    ...podSecurityPolicies,
    ...kubernetesPolicies,
];
