import {
  Check,
  Column,
  Exclusion,
  Generated,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from "typeorm";
import type { ColumnOptions } from "typeorm";
import { entity, type ClassDecorator, type EntityClass, type Members } from "./support/entity";
import { describeCases } from "./support/run-case";

const orders = (members: Members) =>
  entity("orders", { ref: PrimaryColumn({ type: "int" }), ...members });
const amount = (extra: ColumnOptions = {}) =>
  Column({ type: "numeric", precision: 10, scale: 2, ...extra });

/** A `name` table of bookable places whose bookings must not overlap, with a check of its own. */
const booked = (name: string, check: ClassDecorator) =>
  entity(
    {
      name,
      decorators: [
        Exclusion(`XCL_${name}_during`, `USING gist ("place" WITH =, "during" WITH &&)`),
        check,
      ],
    },
    {
      id: PrimaryColumn({ type: "int" }),
      place: Column({ type: "int" }),
      seats: Column({ type: "int" }),
      during: Column({ type: "tstzrange" }),
    },
  );

/** `customers` and `orders`, the orders pointing at their customer with the given options. */
function placedBy(deferrable?: "INITIALLY DEFERRED" | "INITIALLY IMMEDIATE"): EntityClass[] {
  const customer = entity("customers", { id: PrimaryGeneratedColumn() });
  const order = orders({
    customer: [
      ManyToOne(() => customer, { nullable: true, ...(deferrable ? { deferrable } : {}) }),
      JoinColumn(),
    ],
  });
  return [customer, order];
}

describeCases("identity, generated columns, collations, deferrable and exclusion constraints", [
  {
    name: "an identity primary key (GENERATED ALWAYS) creates its table",
    before: [],
    after: [
      entity("counters", {
        id: PrimaryGeneratedColumn("identity", { generatedIdentity: "ALWAYS" }),
      }),
    ],
    expect: [["createTable", { table: { columns: [{ name: "id", identity: "ALWAYS" }] } }]],
  },
  {
    name: "an identity column switched from ALWAYS to BY DEFAULT is altered in place",
    before: [
      entity("counters", {
        id: PrimaryGeneratedColumn("identity", { generatedIdentity: "ALWAYS" }),
      }),
    ],
    after: [
      entity("counters", {
        id: PrimaryGeneratedColumn("identity", { generatedIdentity: "BY DEFAULT" }),
      }),
    ],
    expect: [
      ["alterColumn", { name: "id", from: { identity: "ALWAYS" }, to: { identity: "BY DEFAULT" } }],
    ],
  },
  {
    name: "a serial key turned into an identity key keeps its values",
    before: [entity("counters", { id: PrimaryGeneratedColumn() })],
    after: [entity("counters", { id: PrimaryGeneratedColumn("identity") })],
    expect: [["alterColumn", { name: "id", to: { identity: "BY DEFAULT" } }]],
  },
  {
    name: "a serial key that stops being generated keeps its values and loses its sequence",
    before: [entity("counters", { id: PrimaryGeneratedColumn() })],
    after: [entity("counters", { id: PrimaryColumn({ type: "int" }) })],
    expect: [["alterColumn", { name: "id", from: { serial: true }, to: { serial: false } }]],
  },
  {
    name: 'an integer column given @Generated("increment") becomes serial, keeping its values',
    before: [
      entity("counters", { id: PrimaryColumn({ type: "int" }), seq: Column({ type: "bigint" }) }),
    ],
    after: [
      entity("counters", {
        id: PrimaryColumn({ type: "int" }),
        seq: [Column({ type: "bigint" }), Generated("increment")],
      }),
    ],
    expect: [["alterColumn", { name: "seq", from: { serial: false }, to: { serial: true } }]],
  },
  {
    name: "a generated STORED column is added with its expression",
    before: [orders({ net: amount() })],
    after: [
      orders({
        net: amount(),
        gross: amount({ generatedType: "STORED", asExpression: `"net" * 1.2` }),
      }),
    ],
    expect: [["addColumn", { column: { name: "gross", generated: "(net * 1.2)" } }]],
  },
  {
    name: "a generated column whose expression changed is detected",
    before: [
      orders({
        net: amount(),
        gross: amount({ generatedType: "STORED", asExpression: `"net" * 1.2` }),
      }),
    ],
    after: [
      orders({
        net: amount(),
        gross: amount({ generatedType: "STORED", asExpression: `"net" * 1.25` }),
      }),
    ],
    expect: [
      ["dropColumn", { name: "gross" }],
      ["addColumn", { column: { name: "gross", generated: "(net * 1.25)" } }],
    ],
  },
  {
    name: "a generated column is dropped when its property goes",
    before: [
      orders({
        net: amount(),
        gross: amount({ generatedType: "STORED", asExpression: `"net" * 2` }),
      }),
    ],
    after: [orders({ net: amount() })],
    expect: [["dropColumn", { name: "gross", previous: { generated: "(net * (2)::numeric)" } }]],
  },
  {
    name: "a generated column that becomes a plain one keeps its values: DROP EXPRESSION",
    before: [
      orders({
        net: amount(),
        gross: amount({ generatedType: "STORED", asExpression: `"net" * 2` }),
      }),
    ],
    after: [orders({ net: amount(), gross: amount() })],
    expect: [
      [
        "alterColumn",
        { name: "gross", from: { generated: "(net * (2)::numeric)" }, to: { generated: null } },
      ],
    ],
    sql: [`ALTER TABLE "public"."orders" ALTER COLUMN "gross" DROP EXPRESSION`],
  },
  {
    name: "a column collation is added in place",
    before: [orders({ code: Column({ type: "varchar", length: 20 }) })],
    after: [orders({ code: Column({ type: "varchar", length: 20, collation: "C" }) })],
    expect: [["alterColumn", { name: "code", to: { collation: "C" } }]],
  },
  {
    name: "a deferrable foreign key is created deferrable",
    before: placedBy(),
    after: placedBy("INITIALLY DEFERRED"),
    expect: [
      ["dropForeignKey"],
      ["addForeignKey", { foreignKey: { deferrable: "INITIALLY DEFERRED" } }],
    ],
  },
  {
    name: "a deferrable unique constraint is added deferrable",
    before: [orders({ code: Column({ type: "varchar", length: 20 }) })],
    after: [
      entity(
        {
          name: "orders",
          decorators: [Unique("UQ_orders_code", ["code"], { deferrable: "INITIALLY IMMEDIATE" })],
        },
        { ref: PrimaryColumn({ type: "int" }), code: Column({ type: "varchar", length: 20 }) },
      ),
    ],
    expect: [
      ["addUnique", { unique: { name: "UQ_orders_code", deferrable: "INITIALLY IMMEDIATE" } }],
    ],
  },
  {
    name: "an exclusion constraint is added, with the btree_gist extension it needs",
    before: [orders({ room: Column({ type: "int" }), during: Column({ type: "tstzrange" }) })],
    after: [
      entity(
        {
          name: "orders",
          decorators: [
            Exclusion("XCL_orders_room", `USING gist ("room" WITH =, "during" WITH &&)`),
          ],
        },
        {
          ref: PrimaryColumn({ type: "int" }),
          room: Column({ type: "int" }),
          during: Column({ type: "tstzrange" }),
        },
      ),
    ],
    expect: [
      ["createExtension", { name: "btree_gist" }],
      ["addExclusion", { exclusion: { name: "XCL_orders_room" } }],
    ],
  },
  {
    name: "exclusion constraints on two tables are both compared, each table's under its own scratch name",
    before: [],
    after: [
      booked("rooms", Check("CHK_rooms_seats", `"seats" > 0`)),
      booked("desks", Check("CHK_desks_seats", `"seats" > 0`)),
    ],
    expect: [
      ["createExtension", { name: "btree_gist" }],
      ["createTable", { table: { name: "desks", exclusions: [{ name: "XCL_desks_during" }] } }],
      ["createTable", { table: { name: "rooms", exclusions: [{ name: "XCL_rooms_during" }] } }],
    ],
  },
]);
