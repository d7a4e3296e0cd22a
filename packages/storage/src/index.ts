export { type StorageEnv, storageEnv } from "./env";
export {
  type ObjectStat,
  ObjectStore,
  type ObjectStoreConfig,
  objectStoreConfigFromEnv,
  StorageUnavailableError,
} from "./object-store";
