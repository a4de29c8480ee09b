/**
 * The secretariat's entry in the pane's initial bundle: only the role switch. The tools themselves (with
 * the xlsx host and their words) load the first time the secretariat role is chosen.
 */
export { RoleArea, type Role } from "./RoleArea";
