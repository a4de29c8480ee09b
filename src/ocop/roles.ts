/**
 * The roles of a council's members, the only home of their words. A council has a chair (a leader of the
 * provincial People's Committee, or of the Ministry at the central level) and members from the departments
 * (QĐ 26/2026/QĐ-TTg Điều 7.3.b, l. 70; Điều 7.4.b, l. 80); a vice-chair and a secretary are named by the
 * council's own rules (Quy chế hoạt động).
 */
export interface RoleWords {
  vi: string;
  en: string;
  /** Further words accepted when a role is typed or pasted (the key and both labels always are). */
  aliases: readonly string[];
}

export const ROLES = {
  chair: {
    vi: "Chủ tịch Hội đồng",
    en: "Chair",
    aliases: ["Chủ tịch", "Chủ tịch HĐ", "chairman", "chairperson"],
  },
  viceChair: {
    vi: "Phó Chủ tịch Hội đồng",
    en: "Vice chair",
    aliases: ["Phó Chủ tịch", "Phó Chủ tịch HĐ", "vice-chair"],
  },
  member: { vi: "Thành viên", en: "Member", aliases: ["Ủy viên", "Uỷ viên", "Thành viên Hội đồng"] },
  secretary: { vi: "Thư ký", en: "Secretary", aliases: ["Thư ký Hội đồng", "Ủy viên thư ký"] },
} as const satisfies Record<string, RoleWords>;

export type MemberRole = keyof typeof ROLES;

/** The roles in the order lists offer them. */
export const MEMBER_ROLES = Object.keys(ROLES) as [MemberRole, ...MemberRole[]];
