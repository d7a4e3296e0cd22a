import type { Metadata } from "next";
import { TasksView } from "../views";

export const metadata: Metadata = { title: "Tasks" };

export default function TasksPage() {
  return <TasksView />;
}
