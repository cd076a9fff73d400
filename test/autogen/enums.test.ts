import { Check, Column, PrimaryGeneratedColumn } from "typeorm";
import type { ColumnOptions } from "typeorm";
import { entity, type Members } from "./support/entity";
import { describeCases } from "./support/run-case";

const tickets = (members: Members = {}, schema?: string) =>
  entity(
    { name: "tickets", ...(schema ? { schema } : {}) },
    { id: PrimaryGeneratedColumn(), ...members },
  );
const status = (values: readonly (string | number)[], extra: ColumnOptions = {}) =>
  Column({ type: "enum", enum: [...values], ...extra });

describeCases("enums", [
  {
    name: "an enum column creates its type before the table",
    before: [],
    after: [tickets({ status: status(["open", "closed"], { default: "open" }) })],
    expect: [
      [
        "createEnum",
        { enum: { schema: "public", name: "tickets_status_enum", values: ["open", "closed"] } },
      ],
      [
        "createTable",
        {
          table: {
            columns: [
              { name: "id" },
              { name: "status", type: "tickets_status_enum", default: "'open'" },
            ],
          },
        },
      ],
    ],
  },
  {
    name: "a value added at the end is ADD VALUE AFTER the last one",
    before: [tickets({ status: status(["open", "closed"]) })],
    after: [tickets({ status: status(["open", "closed", "archived"]) })],
    expect: [
      [
        "alterEnum",
        {
          name: "tickets_status_enum",
          from: ["open", "closed"],
          to: ["open", "closed", "archived"],
        },
      ],
    ],
    sql: [
      `ALTER TYPE "public"."tickets_status_enum" ADD VALUE IF NOT EXISTS 'archived' AFTER 'closed'`,
    ],
  },
  {
    name: "a value added in the middle goes in at its declared position",
    before: [tickets({ status: status(["open", "closed"]) })],
    after: [tickets({ status: status(["open", "pending", "closed"]) })],
    expect: [["alterEnum", { to: ["open", "pending", "closed"] }]],
    sql: [
      `ALTER TYPE "public"."tickets_status_enum" ADD VALUE IF NOT EXISTS 'pending' AFTER 'open'`,
    ],
  },
  {
    name: "a value added first goes in BEFORE the old first one",
    before: [tickets({ status: status(["open", "closed"]) })],
    after: [tickets({ status: status(["draft", "open", "closed"]) })],
    expect: [["alterEnum", { to: ["draft", "open", "closed"] }]],
    sql: [
      `ALTER TYPE "public"."tickets_status_enum" ADD VALUE IF NOT EXISTS 'draft' BEFORE 'open'`,
    ],
  },
  {
    name: "a removed value rebuilds the type, keeping the rows' values",
    before: [tickets({ status: status(["open", "stale", "closed"], { default: "open" }) })],
    after: [tickets({ status: status(["open", "closed"], { default: "open" }) })],
    expect: [
      [
        "alterEnum",
        {
          from: ["open", "stale", "closed"],
          to: ["open", "closed"],
          usages: [{ table: "tickets", column: "status", default: "'open'" }],
        },
      ],
    ],
  },
  {
    name: "a renamed value rebuilds the type",
    before: [tickets({ status: status(["open", "done"]) })],
    after: [tickets({ status: status(["open", "closed"]) })],
    // The new label goes in early (a default or a row may need it), the old one goes late.
    expect: [
      ["alterEnum", { from: ["open", "done"], to: ["open", "closed", "done"] }],
      ["alterEnum", { from: ["open", "closed", "done"], to: ["open", "closed"] }],
    ],
  },
  {
    name: "reordered values rebuild the type",
    before: [tickets({ status: status(["open", "closed", "held"]) })],
    after: [tickets({ status: status(["open", "held", "closed"]) })],
    expect: [["alterEnum", { to: ["open", "held", "closed"] }]],
  },
  {
    name: "a renamed enum type (enumName) with the same labels is renamed, the rows untouched",
    before: [tickets({ status: status(["open", "closed"], { enumName: "ticket_state" }) })],
    after: [tickets({ status: status(["open", "closed"], { enumName: "ticket_status" }) })],
    expect: [["renameEnum", { from: "ticket_state", to: "ticket_status" }]],
    sql: [`ALTER TYPE "public"."ticket_state" RENAME TO "ticket_status"`],
  },
  {
    name: "one enumName shared by columns of two tables creates the type once, where migration:generate creates it per table (#7523)",
    before: [],
    after: [
      tickets({
        status: status(["open", "closed"], { enumName: "state" }),
        previous: status(["open", "closed"], { enumName: "state", nullable: true }),
      }),
      entity("tasks", {
        id: PrimaryGeneratedColumn(),
        state: status(["open", "closed"], { enumName: "state" }),
      }),
    ],
    expect: [["createEnum", { enum: { name: "state" } }], ["createTable"], ["createTable"]],
    typeormGenerates: { issue: "#7523", matching: /^CREATE TYPE "public"\."state"/, times: 2 },
  },
  {
    name: "a value added to a shared enum is added once, where migration:generate adds it per column (#8136)",
    before: [
      tickets({ status: status(["open", "closed"], { enumName: "state" }) }),
      entity("tasks", {
        id: PrimaryGeneratedColumn(),
        state: status(["open", "closed"], { enumName: "state" }),
      }),
    ],
    after: [
      tickets({ status: status(["open", "closed", "void"], { enumName: "state" }) }),
      entity("tasks", {
        id: PrimaryGeneratedColumn(),
        state: status(["open", "closed", "void"], { enumName: "state" }),
      }),
    ],
    expect: [["alterEnum", { name: "state", to: ["open", "closed", "void"] }]],
    typeormGenerates: { issue: "#8136", matching: /ADD VALUE 'void'/, times: 2 },
  },
  {
    name: "an enum in a non-public schema lives in its table's schema",
    before: [],
    after: [tickets({ status: status(["open", "closed"], { default: "closed" }) }, "support")],
    expect: [
      ["createSchema", { schema: "support" }],
      ["createEnum", { enum: { schema: "support", name: "tickets_status_enum" } }],
      ["createTable", { table: { schema: "support" } }],
    ],
  },
  {
    name: "a value removed from an enum in a non-public schema rebuilds it there",
    before: [tickets({ status: status(["open", "stale", "closed"]) }, "support")],
    after: [tickets({ status: status(["open", "closed"]) }, "support")],
    expect: [["alterEnum", { schema: "support", to: ["open", "closed"] }]],
  },
  {
    name: "an enum array column is created with its type, and rebuilt with it",
    before: [tickets({ labels: status(["bug", "ui", "docs"], { array: true, default: ["bug"] }) })],
    after: [tickets({ labels: status(["bug", "docs"], { array: true, default: ["bug"] }) })],
    expect: [["alterEnum", { to: ["bug", "docs"], usages: [{ column: "labels", isArray: true }] }]],
  },
  {
    name: "a numeric enum's values become labels",
    before: [],
    after: [tickets({ priority: status([1, 2, 3], { default: 2 }) })],
    expect: [["createEnum", { enum: { values: ["1", "2", "3"] } }], ["createTable"]],
  },
  {
    name: "an enum default changed is a default change",
    before: [tickets({ status: status(["open", "closed"], { default: "open" }) })],
    after: [tickets({ status: status(["open", "closed"], { default: "closed" }) })],
    expect: [["alterColumn", { from: { default: "'open'" }, to: { default: "'closed'" } }]],
  },
  {
    name: "a varchar column turned into an enum creates the type and converts the values",
    before: [tickets({ status: Column({ type: "varchar", length: 20, default: "open" }) })],
    after: [tickets({ status: status(["a", "open", "closed"], { default: "open" }) })],
    expect: [
      ["createEnum"],
      [
        "alterColumn",
        { to: { type: "tickets_status_enum", typeSchema: "public", default: "'open'" } },
      ],
    ],
    seed: `INSERT INTO tickets (status) VALUES ('closed')`,
  },
  {
    name: "an enum column turned into varchar converts the values and drops the type",
    before: [tickets({ status: status(["open", "closed"], { default: "open" }) })],
    after: [tickets({ status: Column({ type: "varchar", length: 20, default: "open" }) })],
    expect: [
      [
        "alterColumn",
        { from: { type: "tickets_status_enum" }, to: { type: "character varying(20)" } },
      ],
      ["dropEnum", { name: "tickets_status_enum" }],
    ],
  },
  {
    name: "two enums merged into one shared enumName convert both columns",
    before: [
      tickets({
        status: status(["open", "closed"]),
        previous: status(["open", "closed"], { nullable: true }),
      }),
    ],
    after: [
      tickets({
        status: status(["open", "closed"], { enumName: "state" }),
        previous: status(["open", "closed"], { enumName: "state", nullable: true }),
      }),
    ],
    expect: [
      ["createEnum", { enum: { name: "state" } }],
      ["alterColumn", { name: "status", to: { type: "state" } }],
      ["alterColumn", { name: "previous", to: { type: "state" } }],
      ["dropEnum", { name: "tickets_previous_enum" }],
      ["dropEnum", { name: "tickets_status_enum" }],
    ],
  },
  {
    name: "a check that compares with an enum label survives a rebuild of the enum",
    before: [
      entity(
        { name: "tickets", decorators: [Check("CHK_tickets_state", `"status" <> 'closed'`)] },
        { id: PrimaryGeneratedColumn(), status: status(["open", "stale", "closed"]) },
      ),
    ],
    after: [
      entity(
        { name: "tickets", decorators: [Check("CHK_tickets_state", `"status" <> 'closed'`)] },
        { id: PrimaryGeneratedColumn(), status: status(["open", "closed"]) },
      ),
    ],
    expect: [
      [
        "alterEnum",
        { to: ["open", "closed"], dependents: [{ check: { name: "CHK_tickets_state" } }] },
      ],
    ],
  },
  {
    name: "a removed enum column drops its type after the column",
    before: [
      tickets({
        status: status(["open", "closed"], { nullable: true }),
        note: Column({ type: "text", nullable: true }),
      }),
    ],
    after: [tickets({ note: Column({ type: "text", nullable: true }) })],
    expect: [
      ["dropColumn", { name: "status" }],
      ["dropEnum", { name: "tickets_status_enum", previous: { values: ["open", "closed"] } }],
    ],
  },
]);
