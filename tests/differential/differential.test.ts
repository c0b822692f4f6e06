// The one-pass Analyze against the SDK's own path over the recorded corpus (tests/differential/differential.ts).
import { describeDifferential } from "./differential";

describeDifferential("the one-pass Analyze answers exactly as the SDK's own path", "recorded");
