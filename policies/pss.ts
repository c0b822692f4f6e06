// Pod Security Standards (baseline and restricted), one policy per control.
import { PackPolicy } from "../lib/policy";

export const podSecurityPolicies: PackPolicy[] = [];
