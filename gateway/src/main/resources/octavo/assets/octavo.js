// Octavo's page script: scrolling blocks reachable by keyboard; code highlighting (Cython reads as
// Python and CUDA as C++ where highlight.js has no grammar).
(function () {
  // A block that scrolls sideways (long code, wide tables and formulas) must be reachable by
  // keyboard to be scrolled: it takes focus when it overflows.
  function focusableWhenScrolling() {
    document.querySelectorAll("pre, table, .math.display").forEach(function (block) {
      if (block.scrollWidth > block.clientWidth) { block.tabIndex = 0; } else { block.removeAttribute("tabindex"); }
    });
  }
  focusableWhenScrolling();
  window.addEventListener("resize", focusableWhenScrolling);
  if (!window.hljs) { return; }
  hljs.registerAliases(["cython", "pyx", "pxd"], { languageName: "python" });
  hljs.registerAliases(["cuda", "cu"], { languageName: "cpp" });
  document.querySelectorAll("pre code").forEach(function (block) { hljs.highlightElement(block); });
})();
