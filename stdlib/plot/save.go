package plot

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // imread of JPEG files
	_ "image/png"  // imread of PNG files
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgeps"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// Formats lists the file formats savefig writes, by extension.
var Formats = []string{"png", "svg", "pdf", "jpg", "jpeg", "tif", "tiff", "eps"}

// Render draws the figure in a format ("png", "svg", "pdf", ...) at dpi
// dots per inch (raster formats only; 0 keeps the figure's) into w.
func (f *Figure) Render(w io.Writer, format string, dpi float64) error {
	if dpi <= 0 {
		dpi = f.dpi
	}
	if dpi < 10 || dpi > 2000 {
		return runtime.Errorf("savefig(): dpi must be between 10 and 2000, not %g", dpi)
	}
	W, H := vg.Length(f.w)*vg.Inch, vg.Length(f.h)*vg.Inch
	var c vg.CanvasWriterTo
	switch strings.ToLower(format) {
	case "png", "jpg", "jpeg", "tif", "tiff":
		img := vgimg.NewWith(vgimg.UseWH(W, H), vgimg.UseDPI(int(dpi+0.5)))
		switch strings.ToLower(format) {
		case "png":
			c = vgimg.PngCanvas{Canvas: img}
		case "tif", "tiff":
			c = vgimg.TiffCanvas{Canvas: img}
		default:
			c = vgimg.JpegCanvas{Canvas: img}
		}
	case "svg":
		c = vgsvg.New(W, H)
	case "pdf":
		p := vgpdf.New(W, H)
		p.EmbedFonts(true)
		c = p
	case "eps":
		c = vgeps.New(W, H)
	default:
		return runtime.Errorf("savefig(): unknown format %q (known: %s)", format, strings.Join(Formats, ", "))
	}
	if err := f.draw(draw.New(c)); err != nil {
		return err
	}
	_, err := c.WriteTo(w)
	return err
}

// SaveFile writes the figure to path, in the format named by format or
// else by the file's extension; the file is replaced atomically (a
// temporary file in the same directory, then a rename).
func (f *Figure) SaveFile(path, format string, dpi float64) error {
	if format == "" {
		format = strings.TrimPrefix(filepath.Ext(path), ".")
		if format == "" {
			format = "png"
			path += ".png"
		}
	}
	var buf bytes.Buffer
	if err := f.Render(&buf, format, dpi); err != nil {
		return err
	}
	return writeAtomic(path, buf.Bytes())
}

// writeAtomic writes data to path through a temporary file and a rename,
// so that readers never see a half-written file and a failed write
// leaves the old file intact.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return runtime.Errorf("savefig(): cannot write %s: %v", path, unwrapPath(err))
	}
	name := tmp.Name()
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
		return runtime.Errorf("savefig(): cannot write %s: %v", path, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the path from an *os.PathError (the message names it).
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// figSavefig is savefig(fname, dpi=, format=, ...).
func figSavefig(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	kw, err := parseKw("savefig", kwargs, "fname", "dpi", "format", "bbox_inches", "pad_inches", "transparent", "facecolor", "edgecolor", "metadata")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs("savefig", kw, args, "fname"); err != nil {
		return runtime.Value{}, err
	}
	if err := require("savefig", kw, "fname"); err != nil {
		return runtime.Value{}, err
	}
	path, err := kw.str("fname", "")
	if err != nil {
		return runtime.Value{}, err
	}
	format, err := kw.str("format", "")
	if err != nil {
		return runtime.Value{}, err
	}
	dpi := 0.0
	if s, ok := runtime.AsString(kw.get("dpi")); !ok || s != "figure" {
		// savefig.dpi: a number, or 0 for 'figure' (the figure's dpi)
		if dpi, err = kw.float("dpi", rc.savefigDPI()); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.None, f.SaveFile(path, format, dpi)
}

// showDir returns where show() writes: $SIM_PLOT_DIR, else a directory
// of the system's temporary directory.
func showDir() (string, error) {
	if d := os.Getenv("SIM_PLOT_DIR"); d != "" {
		return d, os.MkdirAll(d, 0o755)
	}
	d := filepath.Join(os.TempDir(), "sim-plots")
	return d, os.MkdirAll(d, 0o755)
}

// show writes the figure to a new PNG file in showDir and says where.
func (f *Figure) show(th *runtime.Thread) error {
	dir, err := showDir()
	if err != nil {
		return runtime.Errorf("show(): cannot make the plot directory: %v", err)
	}
	tmp, err := os.CreateTemp(dir, fmt.Sprintf("figure%d-*.png", f.num))
	if err != nil {
		return runtime.Errorf("show(): %v", err)
	}
	path := tmp.Name()
	tmp.Close()
	if err := f.SaveFile(path, "png", 0); err != nil {
		os.Remove(path)
		return err
	}
	fmt.Fprintf(th.Stdout, "Figure %d saved to %s\n", f.num, path)
	if p, ok := th.Local(TextPreviewKey).(Preview); ok {
		fmt.Fprint(th.Stdout, f.TextPreview(p.Width, p.Height))
	}
	return nil
}

// figShow is fig.show().
func figShow(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	return runtime.None, f.show(th)
}

var (
	tempMu   sync.Mutex
	tempRoot string
)

// tempdir is plot.tempdir(): a new empty directory for output files, under
// one per-process directory in the system's temporary directory.
func tempdir(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("tempdir", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	tempMu.Lock()
	defer tempMu.Unlock()
	if tempRoot == "" {
		d, err := os.MkdirTemp("", "sim-tmp-")
		if err != nil {
			return runtime.Value{}, runtime.Errorf("tempdir(): %v", err)
		}
		tempRoot = d
	}
	d, err := os.MkdirTemp(tempRoot, "d")
	if err != nil {
		return runtime.Value{}, runtime.Errorf("tempdir(): %v", err)
	}
	return runtime.MakeStr(d), nil
}

// imread is plt.imread(path): a PNG or JPEG file as an (M, N, 4) array of
// floats in [0, 1] (RGBA, like matplotlib for PNG files).
func imread(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var path string
	if err := runtime.UnpackArgs("imread", args, kwargs, "fname", &path); err != nil {
		return runtime.Value{}, err
	}
	fh, err := os.Open(path)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("imread(): cannot open %s: %v", path, unwrapPath(err))
	}
	defer fh.Close()
	img, _, err := image.Decode(fh)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("imread(): %s is not a PNG or JPEG image: %v", path, err)
	}
	b := img.Bounds()
	h, w := b.Dy(), b.Dx()
	out := make([]float64, 0, h*w*4)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bb, a := img.At(x, y).RGBA()
			if a > 0 {
				// un-premultiply
				r, g, bb = r*0xffff/a, g*0xffff/a, bb*0xffff/a
			}
			out = append(out, float64(r)/0xffff, float64(g)/0xffff, float64(bb)/0xffff, float64(a)/0xffff)
		}
	}
	return array.Value(array.FromFloats(out, h, w, 4)), nil
}
