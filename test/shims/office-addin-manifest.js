// office-addin-mock only uses this enum from office-addin-manifest (whose dependencies are ESM-only under jest).
exports.OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
