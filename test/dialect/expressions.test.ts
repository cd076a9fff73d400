import { postgres } from "../../src/dialect/postgres";

const mentions = postgres.expressions.mentionsColumn;

describe("postgres.expressions.mentionsColumn", () => {
  it.each([
    ['("wordCount" >= 0)', "wordCount"],
    ["(price > (0)::numeric)", "price"],
    ['(("we""ird")::text <> \'\'::text)', 'we"ird'],
    ["lower((email)::text)", "email"],
  ])("finds the column in %s", (expression, column) => {
    expect(mentions(expression, column)).toBe(true);
  });

  it.each([
    ["(prices > 0)", "price"],
    ['("wordCountMax" >= 0)', "wordCount"],
    ["(total > 0)", "price"],
  ])("does not find %s's neighbour %s", (expression, column) => {
    expect(mentions(expression, column)).toBe(false);
  });
});
