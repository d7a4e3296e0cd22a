export * from "./api-keys";
export * from "./auth";
export * from "./constants";
export * from "./data";
export * from "./files";
export * from "./pagination";
export * from "./tasks";
export * from "./text";
