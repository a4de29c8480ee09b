/**
 * A member's score sheet ("Phiếu <member code>"): one block per form used in the session, criteria as
 * rows and that form's products as columns. Column A (hidden) anchors every row: the sheet header, block
 * markers and the criterion id of each row; a hidden row in each block holds the product codes. Parsing
 * reads the anchors only, so inserted blank rows, hidden rows, moved columns and re-sorted products still
 * parse, while deleted or duplicated rows, a changed points list, unknown columns, a foreign sheet or a
 * sheet of another session become findings with the cell.
 */
export * from "./scoreSheetAnchors";
export * from "./scoreSheetPlan";
export * from "./scoreSheetParse";
