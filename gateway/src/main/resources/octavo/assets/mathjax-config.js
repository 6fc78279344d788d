// MathJax reads this before it loads: Octavo's math is pandoc-style spans, \( \) inline and \[ \] display.
window.MathJax = {
  tex: { inlineMath: [["\\(", "\\)"]], displayMath: [["\\[", "\\]"]], processEscapes: false },
  chtml: { fontURL: "/assets/mathjax/output/chtml/fonts/woff-v2" },
  options: { enableMenu: false }
};
