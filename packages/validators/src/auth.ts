// Password rules the auth server enforces (Better Auth's min/max) and the web forms check.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
