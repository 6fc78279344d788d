// Code highlighting: Cython reads as Python and CUDA as C++ where highlight.js has no grammar.
(function () {
  if (!window.hljs) { return; }
  hljs.registerAliases(["cython", "pyx", "pxd"], { languageName: "python" });
  hljs.registerAliases(["cuda", "cu"], { languageName: "cpp" });
  document.querySelectorAll("pre code").forEach(function (block) { hljs.highlightElement(block); });
})();
