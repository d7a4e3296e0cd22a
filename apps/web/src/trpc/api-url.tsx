"use client";
// Where the API server is: set once by the signed-in layout, read by the data layer
// (tRPC's link) and by downloads, which stream over the API's REST routes.
import { createContext, type ReactNode, useContext } from "react";

const ApiUrl = createContext("");

export const useApiUrl = () => useContext(ApiUrl);

export function ApiUrlProvider({ value, children }: { value: string; children: ReactNode }) {
  return <ApiUrl.Provider value={value}>{children}</ApiUrl.Provider>;
}
