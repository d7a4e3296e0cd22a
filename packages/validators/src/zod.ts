// zod as every schema here uses it. In a browser it runs without its JIT: the JIT probes
// `new Function` as soon as an object schema is made, which the web app's
// Content-Security-Policy refuses in production (no 'unsafe-eval'), and Chrome reports
// each refusal as a CSP issue. Servers keep the JIT (it is faster, and no CSP applies).
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
