import { readDocComment } from "../../src/migration-files";

describe("readDocComment", () => {
  it("takes the first line as the message and the Created: line as the date", () => {
    const text = `/**
 * add users
 *
 * Revision ID: 5c1f0e9a2b7d
 * Revises: 0a9e3c4d1f22
 * Created: 2026-11-21 22:00:00 UTC
 */
export const revision = "5c1f0e9a2b7d";`;
    expect(readDocComment(text)).toEqual({
      message: "add users",
      createdAt: "2026-11-21 22:00:00 UTC",
    });
  });

  it("reads a one-line comment", () => {
    expect(readDocComment("/** rename posts */\nexport {};")).toEqual({ message: "rename posts" });
  });

  it("looks past a byte order mark, a shebang, line comments and use strict", () => {
    const text = '\uFEFF#!/usr/bin/env node\n// generated\n"use strict";\n/**\n * from js\n */\n';
    expect(readDocComment(text)).toEqual({ message: "from js" });
  });

  it("ignores a doc comment that comes after code", () => {
    expect(readDocComment('export const revision = "a";\n/** not the message */\n')).toEqual({
      message: "",
    });
  });

  it("ignores a plain block comment", () => {
    expect(readDocComment("/* not a doc comment */\nexport {};")).toEqual({ message: "" });
  });
});
