export * from "./constants";
export * from "./api-keys";
export * from "./auth";
export * from "./data";
export * from "./files";
export * from "./tasks";
