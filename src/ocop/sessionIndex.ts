/**
 * A session looked up by code: products with their form, members in council order. Built once per
 * run so checking and aggregating stay linear in the number of score cells.
 */
import type { Catalogue, Form } from "./criteria/types";
import type { Member, Product, Session } from "./session";
import { formFor } from "./criteria/catalogue";
import { normaliseCode } from "./text";

export interface IndexedProduct {
  product: Product;
  /** Normalised code, the key used everywhere in the rules. */
  key: string;
  /** Undefined when the session names a form the catalogue does not hold (a session finding). */
  form: Form | undefined;
  order: number;
}

export interface IndexedMember {
  member: Member;
  key: string;
  order: number;
}

export interface SessionIndex {
  products: Map<string, IndexedProduct>;
  members: Map<string, IndexedMember>;
}

/** Indexes the session; where two products or members share a code the first one counts (and validation says so). */
export const indexSession = (session: Session, catalogue: Catalogue): SessionIndex => {
  const products = new Map<string, IndexedProduct>();
  session.products.forEach((product, order) => {
    const key = normaliseCode(product.code);
    if (!products.has(key))
      products.set(key, { product, key, form: formFor(catalogue, product.form), order });
  });
  const members = new Map<string, IndexedMember>();
  session.members.forEach((member, order) => {
    const key = normaliseCode(member.code);
    if (!members.has(key)) members.set(key, { member, key, order });
  });
  return { products, members };
};
