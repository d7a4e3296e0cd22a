import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@acme/auth", "@acme/config", "@acme/db"],
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "ioredis", "nodemailer"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
