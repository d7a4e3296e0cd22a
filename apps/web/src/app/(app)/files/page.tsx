import type { Metadata } from "next";
import { FilesView } from "../views";

export const metadata: Metadata = { title: "Files" };

export default function FilesPage() {
  return <FilesView />;
}
