import type { Metadata } from "next";
import { UsersView } from "../views";

export const metadata: Metadata = { title: "Users · Admin" };

export default function AdminUsersPage() {
  return <UsersView />;
}
