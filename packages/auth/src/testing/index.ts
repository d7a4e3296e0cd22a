export { startTestAuthServer, type TestAuthServer } from "./auth-server";
export { type JsonResponse, TestClient } from "./http-client";
export { signUpVerified } from "./users";
export { SoftAuthenticator, strangerKey } from "./webauthn";
