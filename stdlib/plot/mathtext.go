package plot

import (
	"strings"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// mathText is the handler of labels with $...$: gonum's LaTeX handler
// after dropping the font-switch macros it does not know (\mathrm{d}
// becomes {d}); text it still cannot parse is drawn plainly, without the
// dollar signs, instead of failing the figure.
type mathText struct{ tex text.Latex }

// fontMacros are mathtext's font switches, drawn in the one math font.
var fontMacros = strings.NewReplacer(`\mathrm`, "", `\mathit`, "", `\mathbf`, "", `\mathsf`, "",
	`\mathtt`, "", `\mathcal`, "", `\mathregular`, "", `\text`, "", `\operatorname`, "", `\rm `, "", `\rm`, "")

// plainOf is the fallback: the text without $ and backslashes.
func plainOf(txt string) string {
	return strings.NewReplacer("$", "", `\`, "", "_{", "_", "^{", "^", "{", "", "}", "").Replace(fontMacros.Replace(txt))
}

// Cache implements text.Handler.
func (m mathText) Cache() *font.Cache { return m.tex.Cache() }

// Extents implements text.Handler.
func (m mathText) Extents(fnt font.Font) font.Extents { return m.tex.Extents(fnt) }

// Lines implements text.Handler.
func (m mathText) Lines(txt string) []string { return m.tex.Lines(txt) }

// Box implements text.Handler.
func (m mathText) Box(txt string, fnt font.Font) (w, h, d vg.Length) {
	defer func() {
		if recover() != nil {
			w, h, d = text.Plain{Fonts: m.tex.Fonts}.Box(plainOf(txt), fnt)
		}
	}()
	return m.tex.Box(fontMacros.Replace(txt), fnt)
}

// Draw implements text.Handler.
func (m mathText) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	defer func() {
		if recover() != nil {
			text.Plain{Fonts: m.tex.Fonts}.Draw(c, plainOf(txt), sty, pt)
		}
	}()
	m.tex.Draw(c, fontMacros.Replace(txt), sty, pt)
}
