/**
 * Edition 148/QĐ-TTg as one module: builtin.ts imports it dynamically, so webpack puts the edition and its
 * forms in a chunk of their own and a session loads only the edition it uses.
 */
import edition from "./edition.json";
import form01 from "./form-01.json";
import form02 from "./form-02.json";
import form03 from "./form-03.json";
import form04 from "./form-04.json";
import form05 from "./form-05.json";
import form06 from "./form-06.json";
import form07 from "./form-07.json";
import form08 from "./form-08.json";
import form09 from "./form-09.json";
import form10 from "./form-10.json";
import form11 from "./form-11.json";
import form12 from "./form-12.json";
import form13 from "./form-13.json";
import form14 from "./form-14.json";
import form15 from "./form-15.json";
import form16 from "./form-16.json";
import form17 from "./form-17.json";
import form18 from "./form-18.json";
import form19 from "./form-19.json";
import form20 from "./form-20.json";
import form21 from "./form-21.json";
import form22 from "./form-22.json";
import form23 from "./form-23.json";
import form24 from "./form-24.json";
import form25 from "./form-25.json";
import form26 from "./form-26.json";

/** Raw JSON: schema.ts checks it before anything else sees it. */
export const editionData: unknown = edition;
export const formData: readonly unknown[] = [
  form01,
  form02,
  form03,
  form04,
  form05,
  form06,
  form07,
  form08,
  form09,
  form10,
  form11,
  form12,
  form13,
  form14,
  form15,
  form16,
  form17,
  form18,
  form19,
  form20,
  form21,
  form22,
  form23,
  form24,
  form25,
  form26,
];
