/**
 * Edition 1048/QĐ-TTg as one module: builtin.ts imports it dynamically, so webpack puts the edition and its
 * forms in a chunk of their own and a session loads only the edition it uses.
 */
import edition from "./edition.json";
import form01 from "./form-01.json";

/** Raw JSON: schema.ts checks it before anything else sees it. */
export const editionData: unknown = edition;
export const formData: readonly unknown[] = [form01];
