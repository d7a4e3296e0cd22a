import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATED_PATH, generateRestTypes } from "../src/rest/generate";

const path = fileURLToPath(GENERATED_PATH);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, await generateRestTypes());
console.log(`wrote ${path}`);
