// Stack policies: checks that join several resources of the stack.
import { PackPolicy } from "../lib/policy";

export const stackPolicies: PackPolicy[] = [];
