// Better Auth's handler: sign-up/in/out, sessions, /token, /jwks, API keys.
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "~/auth/server";

export const dynamic = "force-dynamic";

const handler = (request: Request) => getAuth().handler(request);

export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler(handler);
