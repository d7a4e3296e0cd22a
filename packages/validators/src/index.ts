export * from "./data";
export * from "./files";
export * from "./tasks";
