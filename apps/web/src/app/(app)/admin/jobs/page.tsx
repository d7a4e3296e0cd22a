import type { Metadata } from "next";
import { JobsView } from "../views";

export const metadata: Metadata = { title: "Jobs · Admin" };

export default function AdminJobsPage() {
  return <JobsView />;
}
