// Splits a migration script into statements at top-level semicolons. Prisma's pg
// adapter splits on every ";", which breaks function bodies ($$ ... $$), string
// literals and comments that hold one; this splitter skips over all of those.

/** Where the quoted region starting at `i` ends (the index after it), or -1 when `i` starts none. */
function skipQuoted(sql: string, i: number): number {
  const char = sql[i];
  const next = sql[i + 1];
  if (char === "-" && next === "-") {
    const end = sql.indexOf("\n", i);
    return end === -1 ? sql.length : end + 1;
  }
  if (char === "/" && next === "*") return skipBlockComment(sql, i);
  if (char === "'" || char === '"') return skipDelimited(sql, i, char, isEscapeString(sql, i));
  if (char === "$") {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
    if (tag && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? "")) {
      const end = sql.indexOf(tag[0], i + tag[0].length);
      return end === -1 ? sql.length : end + tag[0].length;
    }
  }
  return -1;
}

/** E'...' strings take backslash escapes. */
function isEscapeString(sql: string, i: number): boolean {
  return sql[i] === "'" && /[eE]/.test(sql[i - 1] ?? "") && !/[A-Za-z0-9_]/.test(sql[i - 2] ?? "");
}

function skipDelimited(sql: string, start: number, quote: string, backslashes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    if (backslashes && sql[i] === "\\") i += 2;
    else if (sql[i] === quote && sql[i + 1] === quote) i += 2;
    else if (sql[i] === quote) return i + 1;
    else i += 1;
  }
  return sql.length;
}

/** Block comments nest in Postgres. */
function skipBlockComment(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith("/*", i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith("*/", i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return sql.length;
}

/** The script's statements, trimmed, without empty ones or ones that hold only comments. */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < script.length) {
    const skipped = skipQuoted(script, i);
    if (skipped !== -1) {
      i = skipped;
    } else if (script[i] === ";") {
      statements.push(script.slice(start, i));
      start = i + 1;
      i += 1;
    } else i += 1;
  }
  statements.push(script.slice(start));
  return statements.map((statement) => statement.trim()).filter((statement) => !onlyComments(statement));
}

function onlyComments(statement: string): boolean {
  let i = 0;
  while (i < statement.length) {
    if (/\s/.test(statement[i] ?? "")) i += 1;
    else if (statement.startsWith("--", i) || statement.startsWith("/*", i)) i = skipQuoted(statement, i);
    else return false;
  }
  return true;
}
