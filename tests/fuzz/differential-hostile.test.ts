// The one-pass Analyze against the SDK's own path over the seeded hostile corpus
// (tests/differential/differential.ts): a fuzz suite, run by npm run test:slow, which CI runs.
import { describeDifferential } from "../differential/differential";

describeDifferential("the one-pass Analyze answers exactly as the SDK's own path, for hostile inputs", "hostile");
