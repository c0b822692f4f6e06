// The advisory note the policy SDK reports instead of a verdict when a policy reads a value
// that cannot be known (@pulumi/policy server.js): not a violation of the baseline.
export const PREVIEW_NOTE_PREFIX = "can't run policy '";
export const PREVIEW_NOTE = /^can't run (?:policy|remediation) '[^']+' from policy pack '[^']+' during preview: /;
