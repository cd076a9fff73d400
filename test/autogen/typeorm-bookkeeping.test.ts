import { Column, PrimaryGeneratedColumn } from "typeorm";
import { entity } from "./support/entity";
import { describeCases } from "./support/run-case";

// TypeORM's own `migrations` table is left out of comparisons (test/e2e/typeorm-format.test.ts
// shows a revision leaving it alone); an application entity of that name is still managed.
describeCases("TypeORM's bookkeeping tables", [
  {
    name: "an entity mapped to the table name TypeORM's runner uses is created like any other",
    before: [],
    after: [entity("migrations", { id: PrimaryGeneratedColumn(), step: Column({ type: "text" }) })],
    expect: [["createTable", { table: { name: "migrations" } }]],
  },
]);
