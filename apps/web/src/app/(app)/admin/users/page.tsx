import type { Metadata } from "next";
import { UsersView } from "./users-view";

export const metadata: Metadata = { title: "Users · Admin" };

export default function AdminUsersPage() {
  return <UsersView />;
}
