import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@acme/api", "@acme/auth", "@acme/config", "@acme/db", "@acme/validators"],
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "ioredis", "nodemailer"],
  poweredByHeader: false,
  devIndicators: false,
  reactStrictMode: true,
};

export default config;
