import { quickInheritanceCheck } from "../../src/metadata/inheritance-check";

/** TypeORM's own answer: whether `target1` extends `target2`, at any depth. */
const typeorm = {
  isInherited(target1: unknown, target2: unknown): boolean {
    return (target1 as { prototype: unknown }).prototype instanceof (target2 as () => unknown);
  },
};

class Base {}
class Content extends Base {}
class Post extends Content {}
class Photo extends Content {}
class Tag {}
class NotAnEntity extends Tag {}

describe("the quick inheritance check used while TypeORM builds the metadata", () => {
  it("answers every pair as TypeORM does, in any order of questions", () => {
    const entities = [Content, Post, Photo, Tag];
    const everything = [Base, Content, Post, Photo, Tag, NotAnEntity];
    const pairs = everything.flatMap((a) => everything.map((b) => [a, b] as const));
    const expected = pairs.map(([a, b]) => typeorm.isInherited(a, b));
    const utils = { ...typeorm };
    const restore = quickInheritanceCheck(utils, entities);
    try {
      // Parent by parent, as the builder asks, then the same pairs in reverse order.
      expect(pairs.map(([a, b]) => utils.isInherited(a, b))).toEqual(expected);
      expect([...pairs].reverse().map(([a, b]) => utils.isInherited(a, b))).toEqual(
        [...expected].reverse(),
      );
    } finally {
      restore();
    }
    expect(utils.isInherited).toBe(typeorm.isInherited);
  });

  it("answers as TypeORM does when asked in the entities' order with some left out, repeated or unknown", () => {
    const entities = [Content, Post, Photo, Tag];
    const children = [Content, Photo, Photo, NotAnEntity, Post, Tag, Base];
    const utils = { ...typeorm };
    const restore = quickInheritanceCheck(utils, entities);
    try {
      for (const parent of [Tag, Base, Post, Content]) {
        expect(children.map((child) => utils.isInherited(child, parent))).toEqual(
          children.map((child) => typeorm.isInherited(child, parent)),
        );
      }
    } finally {
      restore();
    }
  });
});
