/*
 * Old Windows webviews (Internet Explorer's Trident, the old Edge's EdgeHTML: Office 2016-2019 without WebView2)
 * cannot run the task pane's ES2020 bundle and would show a blank pane. taskpane.html loads this file before
 * office.js and the bundle. It is ES5 on purpose, and a file rather than an inline script so the page keeps no
 * inline script (test/reliability/security.test.ts). In such a webview it says so in plain words and removes the
 * container, so nothing half-starts. Tested in test/taskpane/oldWebview.test.ts.
 */
(function (w) {
  var d = w.document;
  function canRunBundle() {
    if (typeof Promise !== "function" || typeof Promise.allSettled !== "function") return false;
    if (typeof Symbol !== "function" || typeof globalThis !== "object") return false;
    try {
      return new Function("var a = null; return a?.b ?? 1;")() === 1;
    } catch (e) {
      // A SyntaxError is an engine without ES2020; anything else (eval forbidden by a policy) says nothing.
      return !(e instanceof SyntaxError);
    }
  }
  var ua = (w.navigator && w.navigator.userAgent) || "";
  if (!/Trident\/|MSIE |Edge\/\d/.test(ua) && canRunBundle()) return;
  w.ocopOldWebview = true;
  function show() {
    var container = d.getElementById("container");
    if (container && container.parentNode) container.parentNode.removeChild(container);
    var box = d.createElement("div");
    box.setAttribute("role", "alert");
    box.style.fontFamily = "Segoe UI, sans-serif";
    box.style.padding = "16px";
    box.innerHTML =
      '<p lang="vi"><strong>Phiên bản Office này không chạy được ngăn OCOP Chấm điểm.</strong> ' +
      "Office trên máy đang dùng trình duyệt nhúng cũ (Internet Explorer hoặc Edge cũ). " +
      "Hãy dùng Microsoft 365 hoặc Office 2021 trở lên có cài Microsoft Edge WebView2 Runtime, " +
      "hoặc mở sổ bằng Excel trên web. Sổ và điểm đã nhập không bị ảnh hưởng.</p>" +
      '<p lang="en"><strong>This version of Office cannot run the OCOP Council Scoring pane.</strong> ' +
      "It uses an old embedded browser (Internet Explorer or the old Edge). " +
      "Use Microsoft 365 or Office 2021 or later with the Microsoft Edge WebView2 Runtime, " +
      "or open the workbook in Excel on the web. The workbook and its scores are not affected.</p>";
    d.body.appendChild(box);
  }
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", show);
  else show();
})(window);
