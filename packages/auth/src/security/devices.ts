// A digest of the device a sign-in comes from that survives browser updates
// (version numbers are dropped).
import { createHash } from "node:crypto";

export { describeDevice } from "./device-name";

export function deviceDigest(userAgent: string | null | undefined): string {
  const stable = (userAgent ?? "").replace(/[\d._]+/g, "");
  return createHash("sha256").update(stable).digest("base64url");
}
