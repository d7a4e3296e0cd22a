import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./src/security/headers";

const config: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: [
    "@acme/api",
    "@acme/auth",
    "@acme/config",
    "@acme/db",
    "@acme/email",
    "@acme/storage",
    "@acme/validators",
  ],
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "ioredis", "nodemailer"],
  poweredByHeader: false,
  devIndicators: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default config;
