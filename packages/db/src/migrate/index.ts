export {
  createMigration,
  deployMigrations,
  type MigrateOptions,
  type MigrationStatus,
  migrationStatus,
  schemaDrift,
} from "./commands";
export { defaultPaths, PRISMA_DIR } from "./files";
