import { describe, expect, it } from "vitest";
import { DbError, mapDbErrors, toDbError } from "./errors";
import { Prisma } from "./generated/prisma/client";

const known = (code: string) =>
  new Prisma.PrismaClientKnownRequestError(`failed ${code}`, { code, clientVersion: "7" });

describe("toDbError", () => {
  it.each([
    ["P2002", "conflict"],
    ["P2003", "conflict"],
    ["P2025", "not_found"],
    ["P2000", "invalid"],
    ["P2007", "invalid"],
    ["P1001", "unavailable"],
    ["P2024", "unavailable"],
  ])("maps %s to %s and keeps the cause", (code, kind) => {
    const original = known(code);
    const mapped = toDbError(original);
    expect(mapped).toBeInstanceOf(DbError);
    expect(mapped?.kind).toBe(kind);
    expect(mapped?.cause).toBe(original);
  });

  it("reads the driver adapter's kind on raw query failures (P2010)", () => {
    const raw = new Prisma.PrismaClientKnownRequestError("Raw query failed", {
      code: "P2010",
      clientVersion: "7",
      meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } },
    });
    expect(toDbError(raw)?.kind).toBe("unavailable");
  });

  it("leaves unknown codes and foreign errors alone", () => {
    expect(toDbError(known("P9999"))).toBeNull();
    expect(toDbError(new Error("boom"))).toBeNull();
  });

  it("mapDbErrors rethrows unrecognised errors unchanged", async () => {
    const boom = new Error("boom");
    await expect(
      mapDbErrors(async () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    await expect(
      mapDbErrors(async () => {
        throw known("P2002");
      }),
    ).rejects.toMatchObject({ kind: "conflict" });
  });
});
