/** File name: the id and the message made filesystem-safe, like Alembic's `<rev>_<slug>.py`. */
export function fileNameFor(revision: string, message: string): string {
  const slug = message
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  return `${revision}${slug ? `_${slug}` : ""}.ts`;
}
