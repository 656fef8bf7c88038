package plot_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sim-lang/sim"
)

// run executes a script and returns its output.
func run(t *testing.T, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	in := sim.New(sim.Options{Stdout: &out, Stderr: &out, Seed: 1})
	err := in.Exec(context.Background(), "test.sim", src)
	return out.String(), err
}

// mustRun executes a script that must succeed.
func mustRun(t *testing.T, src string) string {
	t.Helper()
	out, err := run(t, src)
	if err != nil {
		t.Fatalf("%v\noutput:\n%s", err, out)
	}
	return out
}

// decodePNG reads a PNG file.
func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// inkFraction is the fraction of pixels in the central part of an image
// that are not white.
func inkFraction(img image.Image) float64 {
	b := img.Bounds()
	n, ink := 0, 0
	for y := b.Min.Y + b.Dy()/5; y < b.Max.Y-b.Dy()/5; y++ {
		for x := b.Min.X + b.Dx()/5; x < b.Max.X-b.Dx()/5; x++ {
			r, g, bb, _ := img.At(x, y).RGBA()
			n++
			if r < 0xf000 || g < 0xf000 || bb < 0xf000 {
				ink++
			}
		}
	}
	return float64(ink) / float64(n)
}

// countColor counts pixels close to an RGB colour.
func countColor(img image.Image, r0, g0, b0 uint32) int {
	b := img.Bounds()
	n := 0
	near := func(a, b uint32) bool { d := int(a>>8) - int(b); return d >= -24 && d <= 24 }
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bb, _ := img.At(x, y).RGBA()
			if near(r, r0) && near(g, g0) && near(bb, b0) {
				n++
			}
		}
	}
	return n
}

// kinds are scripts drawing each plot kind into the current figure.
var kinds = map[string]string{
	"line":         "plt.plot(x, np.sin(x), 'r-', label='sin'); plt.legend()",
	"markers":      "plt.plot(x, np.cos(x), 'bo', markersize=4)",
	"scatter":      "plt.scatter(x, np.sin(x), c=x, cmap='viridis'); plt.colorbar()",
	"hist":         "plt.hist(np.random.randn(500), bins=20, color='green')",
	"imshow":       "plt.imshow(np.outer(np.sin(x), np.cos(x)), cmap='hot'); plt.colorbar()",
	"bar":          "plt.bar(['a', 'b', 'c'], [3, 1, 2], color='C1')",
	"errorbar":     "plt.errorbar(x[::5], np.sin(x[::5]), yerr=0.2, fmt='ks', capsize=3)",
	"fill_between": "plt.fill_between(x, np.sin(x), 0, alpha=0.5, color='purple')",
	"lines":        "plt.axhline(0.5, color='r'); plt.axvline(3, color='b', linestyle='--'); plt.plot(x, x / 10)",
	"log":          "plt.semilogy(x, np.exp(x), 'g'); plt.grid(True)",
	"text":         "plt.plot(x, x); plt.text(2, 5, 'hello', size=20); plt.text(0.5, 0.9, 'frac', transform=plt.gca().transAxes)",
	"step":         "plt.step(x[:10], x[:10] ** 2, where='mid')",
	"barh":         "plt.barh([1, 2, 3], [3, 1, 2])",
}

func TestEachKindToPNGAndSVG(t *testing.T) {
	dir := t.TempDir()
	for name, code := range kinds {
		t.Run(name, func(t *testing.T) {
			png, svg := filepath.Join(dir, name+".png"), filepath.Join(dir, name+".svg")
			mustRun(t, "import matplotlib.pyplot as plt\nimport numpy as np\nx = np.linspace(0, 10, 50)\nplt.figure()\n"+
				code+"\nplt.title('kind "+name+"')\nplt.xlabel('the x label')\nplt.savefig('"+png+"')\nplt.savefig('"+svg+"')\n")
			img := decodePNG(t, png)
			if b := img.Bounds(); b.Dx() != 640 || b.Dy() != 480 {
				t.Errorf("size %dx%d, want 640x480", b.Dx(), b.Dy())
			}
			if f := inkFraction(img); f < 0.004 {
				t.Errorf("the plot area is blank (%.4f of pixels inked)", f)
			}
			data, err := os.ReadFile(svg)
			if err != nil {
				t.Fatal(err)
			}
			s := string(data)
			if !strings.HasPrefix(strings.TrimSpace(s), "<?xml") || !strings.Contains(s, "<svg") {
				t.Errorf("not an SVG file: %.80q", s)
			}
			for _, want := range []string{"kind " + name, "the x label"} {
				if !strings.Contains(s, want) {
					t.Errorf("SVG lacks the text %q", want)
				}
			}
		})
	}
}

func TestSaveFormatsAndSizes(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, `
import matplotlib.pyplot as plt
fig = plt.figure(figsize=(4, 3), dpi=50)
plt.plot([0, 1, 2], [0, 1, 0], color='red', linewidth=4)
plt.title('Formats')
plt.ylabel('volts')
fig.savefig('`+dir+`/a.png')
fig.savefig('`+dir+`/b.png', dpi=200)
fig.savefig('`+dir+`/c.pdf')
fig.savefig('`+dir+`/d.svg')
fig.savefig('`+dir+`/e', format='svg')
`)
	img := decodePNG(t, filepath.Join(dir, "a.png"))
	if b := img.Bounds(); b.Dx() != 200 || b.Dy() != 150 {
		t.Errorf("4x3 in at 50 dpi: %dx%d, want 200x150", b.Dx(), b.Dy())
	}
	img = decodePNG(t, filepath.Join(dir, "b.png"))
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 600 {
		t.Errorf("4x3 in at 200 dpi: %dx%d, want 800x600", b.Dx(), b.Dy())
	}
	if n := countColor(img, 255, 0, 0); n < 500 {
		t.Errorf("the red line has %d red pixels", n)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "c.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("%%EOF")) {
		t.Errorf("c.pdf is not a PDF (%v): %.20q", err, pdf)
	}
	for _, f := range []string{"d.svg", "e"} {
		svg, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || !bytes.Contains(svg, []byte("Formats")) || !bytes.Contains(svg, []byte("volts")) {
			t.Errorf("%s lacks the title or label (%v)", f, err)
		}
	}
	// no temporary files are left behind
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestAtomicSaveKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keep.png")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// an unknown format fails before anything is written
	_, err := run(t, "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.savefig('"+path+"', format='bmp')\n")
	if err == nil || !strings.Contains(err.Error(), "unknown format") {
		t.Errorf("format='bmp': %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("the old file changed: %q", data)
	}
	// a directory that does not exist
	_, err = run(t, "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.savefig('"+dir+"/no/such/dir/x.png')\n")
	if err == nil || !strings.Contains(err.Error(), "cannot write") {
		t.Errorf("missing directory: %v", err)
	}
}

func TestUnitLabelsInSVG(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, `
import matplotlib.pyplot as plt
import numpy as np
t = np.linspace(0, 0.1, 11) * second
v = (-70 + 20 * np.linspace(0, 1, 11)) * mV
plt.plot(t, v)
plt.xlabel('time')
plt.ylabel('membrane potential (mV)')
lo, hi = plt.xlim()
assert_close(lo, -5*ms)
assert_close(hi, 105*ms)
plt.ylim(-80*mV, -40*mV)
assert_close(plt.ylim()[0], -80*mV)
plt.savefig('`+dir+`/u.svg')
`)
	svg, _ := os.ReadFile(filepath.Join(dir, "u.svg"))
	s := string(svg)
	if !strings.Contains(s, "time (ms)") {
		t.Error("x label lacks its unit: want 'time (ms)'")
	}
	if !strings.Contains(s, "membrane potential (mV)") || strings.Contains(s, "(mV) (mV)") {
		t.Error("y label should name mV exactly once")
	}
	// tick labels are in display units: 0..100 ms, -80..-40 mV
	for _, want := range []string{">100<", ">-80<", ">-40<"} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks the tick label %s", want)
		}
	}
}

func TestSubplotShapes(t *testing.T) {
	mustRun(t, `
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
assert_eq(type(ax).__name__ if False else str(type(ax)), str(type(ax)))
ax.plot([1, 2, 3])
fig, axes = plt.subplots(1, 3)
assert_eq(axes.shape, (3,))
assert_eq(len(axes), 3)
fig, axes = plt.subplots(3, 1, sharex=True)
assert_eq(axes.shape, (3,))
fig, axes = plt.subplots(2, 3, figsize=(9, 5))
assert_eq(axes.shape, (2, 3))
assert_eq(axes[0].shape, (3,))
assert_eq(axes[0, :].shape, (3,))
assert_eq(axes[:, 1].shape, (2,))
assert_eq(axes.flatten().shape, (6,))
assert_eq(axes.T.shape, (3, 2))
n = 0
for row in axes:
    for a in row:
        a.plot([1, 2], [n, n])
        n += 1
assert_eq(n, 6)
assert_eq(len(fig.axes), 6)
fig, axes = plt.subplots(1, 1, squeeze=False)
assert_eq(axes.shape, (1, 1))
axes[0, 0].set_title('x')
assert_eq(axes[0][0].get_title(), 'x')
`)
	for _, c := range []struct{ src, want string }{
		{"fig, axes = plt.subplots(2, 2)\naxes[2, 0]", "out of bounds"},
		{"fig, axes = plt.subplots(2, 2)\naxes[0, 0, 0]", "too many indices"},
		{"plt.subplot(2, 2, 5)", "out of range"},
		{"plt.plot([1, 2, 3], [1, 2])", "same first dimension"},
		{"plt.plot([1, 2], [1, 2], colr='r')", "did you mean 'color'"},
		{"plt.plot([1, 2], color='bluish')", "not a colour"},
		{"plt.plot([1, 2], 'q')", "unrecognised character"},
		{"plt.plot([1, 2]*ms, [1, 2]*mV)\nplt.plot([1, 2]*mV, [1, 2]*mV)", "x axis shows ms"},
		{"plt.imshow([1, 2, 3])", "2-d array"},
		{"plt.colorbar()", "no image"},
		{"plt.hist([1, 2], histtype='fancy')", "histtype"},
		{"plt.yscale('symlog')", "'linear' or 'log'"},
	} {
		_, err := run(t, "import matplotlib.pyplot as plt\n"+c.src+"\n")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.src, err, c.want)
		}
	}
}

func TestShowWritesFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("SIM_PLOT_DIR", dir)
	out := mustRun(t, "import matplotlib.pyplot as plt\nplt.plot([1, 3, 2])\nplt.show()\nassert_eq(plt.get_fignums(), [])\n")
	if !strings.Contains(out, "Figure 1 saved to "+dir) {
		t.Fatalf("show() said %q", out)
	}
	path := strings.TrimSpace(strings.TrimPrefix(out, "Figure 1 saved to "))
	if img := decodePNG(t, path); img.Bounds().Dx() != 640 {
		t.Errorf("shown figure is %d wide", img.Bounds().Dx())
	}
}

func TestFontSizes(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.title('Big', fontsize=20)\nplt.xlabel('small', fontsize='small')\nplt.legend(['a'], fontsize=7)\nplt.savefig('"+dir+"/fs.svg')\n")
	svg, err := os.ReadFile(filepath.Join(dir, "fs.svg"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"font-size:20px", "font-size:8.33px", "font-size:7px", "font-size:10px"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("SVG lacks %s", want)
		}
	}
}
