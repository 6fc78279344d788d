# Math spans as kramdown (Jekyll: GFM input, math_engine mathjax) makes them, plus the \( \) and \[ \]
# that MathJax finds in its text. Reads a JSON array of Markdown bodies, writes one array of
# [kind, tex] pairs per body.
require 'json'
require 'kramdown'
require 'kramdown-parser-gfm'
def walk(el, out)
  if el.type == :math
    out << [el.options[:category] == :block ? 'display' : 'inline', el.value]
  elsif el.type == :text
    el.value.scan(/\\\((.*?)\\\)|\\\[(.*?)\\\]/m) { |i, d| out << (i ? ['inline', i] : ['display', d]) }
  end
  return if [:codeblock, :codespan].include?(el.type)
  el.children.each { |c| walk(c, out) }
end
docs = JSON.parse(STDIN.read)
puts JSON.generate(docs.map { |src|
  out = []
  walk(Kramdown::Parser::GFM.parse(src, Kramdown::Options.merge(math_engine: 'mathjax'))[0], out)
  out
})
