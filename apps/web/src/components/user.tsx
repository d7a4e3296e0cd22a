"use client";
// The signed-in user, as the server saw it when rendering the app frame.
import { createContext, useContext } from "react";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  image?: string | null;
  /** Platform role: "admin" sees the admin console. */
  role: string;
  /** Set while an admin acts as this user: who. */
  impersonatedBy: string | null;
}

export const UserContext = createContext<CurrentUser | null>(null);

export function useUser(): CurrentUser {
  const user = useContext(UserContext);
  if (!user) throw new Error("useUser needs the app frame");
  return user;
}
