// zod as every schema here uses it. In a browser it runs without its JIT: the JIT probes
// `new Function` as soon as an object schema is made, which the web app's
// Content-Security-Policy refuses in production (no 'unsafe-eval'), and Chrome reports
// each refusal as a CSP issue. Servers keep the JIT (it is faster, and no CSP applies).
// Imported for its effect, before any schema is made; schemas import zod (or zod/mini)
// themselves, so bundlers keep only the parts a page uses (re-exporting the namespace
// pulled all of zod, ~60 kB gzip, into every page with a form). The setting lives in
// zod's core, shared by both.
import { config } from "zod/v4/core";

if (typeof window !== "undefined") config({ jitless: true });
