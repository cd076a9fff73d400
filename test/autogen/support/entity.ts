import { ChildEntity, Entity, ViewEntity } from "typeorm";
import type { EntityOptions } from "typeorm";
import type { ViewEntityOptions } from "typeorm/decorator/options/ViewEntityOptions";

/** A TypeORM property decorator (`Column(...)`, `ManyToOne(...)`), applied by hand. */
export type MemberDecorator = (target: object, property: string) => void;
/** A TypeORM class decorator (`Index(...)`, `Unique(...)`, `Check(...)`), applied by hand. */
export type ClassDecorator = (target: EntityClass) => void;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityClass = Function;

export interface EntityDefinition extends EntityOptions {
  /** The table's name. */
  readonly name: string;
  /** The class name, when two entities of one set share a table name (in two schemas). */
  readonly className?: string;
  /** Class decorators: indexes, uniques, checks, inheritance. */
  readonly decorators?: readonly ClassDecorator[];
}

const pascal = (text: string): string =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");

/** An entity's properties, each with its decorators. */
export type Members = Readonly<Record<string, MemberDecorator | readonly MemberDecorator[]>>;

/** A class with the given members, extending `base` when given, named `label`. */
function classWith(label: string, members: Members, base?: EntityClass): EntityClass {
  const cls = base
    ? { [label]: class extends (base as new () => object) {} }[label]!
    : { [label]: class {} }[label]!;
  for (const [property, applied] of Object.entries(members)) {
    for (const decorate of [applied].flat() as MemberDecorator[]) decorate(cls.prototype, property);
  }
  return cls;
}

/**
 * An entity class built at run time with TypeORM's own decorators called as plain functions,
 * so a case can state a table in a line or two. Every call makes a new class: the "before"
 * and "after" sets of a case may name the same table without sharing metadata.
 *
 * Decorators applied by hand get no `design:type` metadata, so columns state their type.
 *
 * @example
 * entity("notes", { id: PrimaryGeneratedColumn(), title: Column({ type: "varchar", length: 50 }) })
 */
export function entity(definition: string | EntityDefinition, members: Members): EntityClass {
  const {
    name,
    className,
    decorators = [],
    ...options
  } = typeof definition === "string" ? ({ name: definition } as EntityDefinition) : definition;
  const cls = classWith(
    className ?? pascal(options.schema ? `${options.schema}_${name}` : name),
    members,
  );
  for (const decorate of decorators) decorate(cls);
  Entity(name, options)(cls);
  return cls;
}

/** A child entity of single-table inheritance: its columns go in the parent's table. */
export function childEntity(
  parent: EntityClass,
  className: string,
  members: Members,
  discriminator?: string,
): EntityClass {
  const cls = classWith(className, members, parent);
  ChildEntity(discriminator)(cls);
  return cls;
}

/** A class of columns for `Column(() => cls, { prefix })`: an embedded entity. */
export function embeddable(className: string, members: Members): EntityClass {
  return classWith(className, members);
}

/** A view entity (`@ViewEntity`) with its `ViewColumn`s. */
export function viewEntity(
  className: string,
  options: ViewEntityOptions,
  members: Members,
): EntityClass {
  const cls = classWith(className, members);
  ViewEntity(options)(cls);
  return cls;
}
