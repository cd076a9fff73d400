import { createTestDatabase } from "./support/database";

describe("the test database helper", () => {
  it("hands each test an empty database of its own on a real PostgreSQL", async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    try {
      expect(a.name).not.toEqual(b.name);
      await a.query("CREATE TABLE only_in_a (id int)");
      const inB = await b.query("SELECT to_regclass('only_in_a') AS t");
      expect(inB[0]?.t).toBeNull();
    } finally {
      await a.drop();
      await b.drop();
    }
  });
});
