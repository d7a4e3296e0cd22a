import { describe, expect, it } from "vitest";
import { splitSqlStatements } from "./split-sql";

describe("splitSqlStatements", () => {
  it("splits at top-level semicolons and drops empty and comment-only pieces", () => {
    expect(splitSqlStatements("BEGIN;\n-- a comment; with a semicolon\nSELECT 1;\n\n;COMMIT;\n-- trailing")).toEqual([
      "BEGIN",
      "-- a comment; with a semicolon\nSELECT 1",
      "COMMIT",
    ]);
  });

  it("keeps semicolons inside dollar-quoted bodies, strings, identifiers and block comments", () => {
    const fn = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  INSERT INTO t VALUES ('a;b');
  RETURN NULL;
END $body$`;
    const script = `${fn};
SELECT 'it''s; fine', "odd;name", E'back\\'slash;' FROM x /* outer /* nested; */ still; */;
DO $$ BEGIN PERFORM 1; END $$;`;
    expect(splitSqlStatements(script)).toEqual([
      fn,
      `SELECT 'it''s; fine', "odd;name", E'back\\'slash;' FROM x /* outer /* nested; */ still; */`,
      "DO $$ BEGIN PERFORM 1; END $$",
    ]);
  });

  it("does not take a $n parameter or an identifier's $ for a dollar quote", () => {
    expect(splitSqlStatements("SELECT $1, a$b$ FROM t; SELECT 2")).toEqual(["SELECT $1, a$b$ FROM t", "SELECT 2"]);
  });
});
