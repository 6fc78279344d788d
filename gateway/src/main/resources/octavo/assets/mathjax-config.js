// MathJax reads this before it loads: Octavo's math is pandoc-style spans, \( \) inline and \[ \] display.
// TeX comes from authors and, on the search page, from any visitor's query: the `safe` extension
// strips every link, style, class and id that \href, \style, \class, \cssId or \data would make, so
// TeX can never put a link or a page-covering box on the page (issue 14).
window.MathJax = {
  loader: { load: ["ui/safe"] },
  tex: { inlineMath: [["\\(", "\\)"]], displayMath: [["\\[", "\\]"]], processEscapes: false },
  chtml: { fontURL: "/assets/mathjax/output/chtml/fonts/woff-v2" },
  options: {
    enableMenu: false,
    safeOptions: {
      allow: { URLs: "none", classes: "none", cssIDs: "none", styles: "none" },
      safeProtocols: { http: false, https: false, file: false, javascript: false, data: false },
    },
  },
};
