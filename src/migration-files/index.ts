/** Migration files on disk: loading a folder, checking each file's exports, its doc comment. */
export { loadRevisions, loadRevision, type LoadOptions } from "./load-revisions";
export { readDocComment, type DocComment } from "./doc-comment";
