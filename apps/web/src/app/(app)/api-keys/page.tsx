import type { Metadata } from "next";
import { ApiKeysView } from "../views";

export const metadata: Metadata = { title: "API keys" };

export default function ApiKeysPage() {
  return <ApiKeysView />;
}
