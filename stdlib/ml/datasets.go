package ml

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// The data sets are UCI data in scikit-learn's CSV layout; data/README.md
// holds their origin and licences (Iris: public domain; digits, wine,
// breast cancer: CC BY 4.0).
//
//go:embed data/*.csv data/*.csv.gz data/README.md
var dataFS embed.FS

var (
	_ = def("load_iris", loader("iris.csv", "Iris plants dataset (Fisher, UCI ML repository; public domain).", irisFeatures), "datasets")
	_ = def("load_digits", loader("digits.csv.gz", "Optical recognition of handwritten digits dataset (UCI ML repository, CC BY 4.0): 8x8 images, values 0-16.", nil), "datasets")
	_ = def("load_wine", loader("wine_data.csv", "Wine recognition dataset (UCI ML repository, CC BY 4.0).", wineFeatures), "datasets")
	_ = def("load_breast_cancer", loader("breast_cancer.csv", "Breast cancer Wisconsin (diagnostic) dataset (UCI ML repository, CC BY 4.0).", cancerFeatures()), "datasets")
)

var irisFeatures = []string{"sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"}

var wineFeatures = []string{"alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
	"flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
	"od280/od315_of_diluted_wines", "proline"}

func cancerFeatures() []string {
	base := []string{"radius", "texture", "perimeter", "area", "smoothness", "compactness",
		"concavity", "concave points", "symmetry", "fractal dimension"}
	var out []string
	for _, pre := range []string{"mean %s", "%s error", "worst %s"} {
		for _, b := range base {
			out = append(out, fmt.Sprintf(pre, b))
		}
	}
	return out
}

// dataset is a parsed embedded data set.
type dataset struct {
	X       *mat
	y       []int
	classes []string
}

// readDataset parses one embedded file.
func readDataset(file string) (*dataset, error) {
	raw, err := dataFS.ReadFile("data/" + file)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(file, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, err
		}
		if raw, err = io.ReadAll(zr); err != nil {
			return nil, err
		}
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	head := strings.Split(strings.TrimSpace(lines[0]), ",")
	ds := &dataset{}
	n, p := 0, 0
	if len(head) >= 2 {
		n, _ = strconv.Atoi(head[0])
		p, _ = strconv.Atoi(head[1])
		ds.classes = head[2:]
	}
	if n == 0 {
		// digits: no header line, 64 pixels and the class
		n, p = len(lines), len(strings.Split(lines[0], ","))-1
		ds.classes = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	} else {
		lines = lines[1:]
	}
	ds.X = newMat(n, p)
	ds.y = make([]int, n)
	for i := 0; i < n; i++ {
		f := strings.Split(strings.TrimSpace(lines[i]), ",")
		if len(f) != p+1 {
			return nil, fmt.Errorf("%s line %d: %d fields, want %d", file, i+2, len(f), p+1)
		}
		for j := 0; j < p; j++ {
			if ds.X.d[i*p+j], err = strconv.ParseFloat(f[j], 64); err != nil {
				return nil, err
			}
		}
		if ds.y[i], err = strconv.Atoi(f[p]); err != nil {
			return nil, err
		}
	}
	return ds, nil
}

func loader(file, descr string, features []string) fn {
	name := "load_" + strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(file, ".gz"), ".csv"), "_data")
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var retXY, asFrame, nClass runtime.Value
		pairs := []any{"return_X_y?", &retXY, "as_frame?", &asFrame}
		if file == "digits.csv.gz" {
			pairs = []any{"n_class?", &nClass, "return_X_y?", &retXY, "as_frame?", &asFrame}
		}
		if err := runtime.UnpackArgs(name, args, kwargs, pairs...); err != nil {
			return runtime.Value{}, err
		}
		ds, err := readDataset(file)
		if err != nil {
			return runtime.Value{}, runtime.Errorf("%s: embedded data unreadable: %v", name, err)
		}
		X, y := ds.X, ds.y
		if nClass.IsValid() && !nClass.IsNone() {
			k, _ := nClass.ToInt()
			var keep []int
			for i, c := range y {
				if c < int(k) {
					keep = append(keep, i)
				}
			}
			X = X.rows(keep)
			yy := make([]int, len(keep))
			for k, i := range keep {
				yy[k] = y[i]
			}
			y = yy
		}
		if truthy(retXY) {
			return runtime.MakeTuple(X.value(), intsValue(y)), nil
		}
		feats := features
		if feats == nil {
			for r := 0; r < 8; r++ {
				for c := 0; c < 8; c++ {
					feats = append(feats, fmt.Sprintf("pixel_%d_%d", r, c))
				}
			}
		}
		b := &Bunch{name: name, m: map[string]runtime.Value{
			"data":          X.value(),
			"target":        intsValue(y),
			"feature_names": strList(feats),
			"target_names":  strList(ds.classes),
			"DESCR":         runtime.MakeStr(descr),
		}}
		if file == "digits.csv.gz" {
			b.m["images"] = array.Value(array.New([]int{X.r, 8, 8}, append([]float64(nil), X.d...), units.Dim{}))
		}
		if truthy(asFrame) {
			t := tableFromMat(X, feats)
			t.addFloat("target", intsToFloats(y))
			b.m["frame"] = runtime.MakeObj(t)
		}
		return runtime.MakeObj(b), nil
	}
}

func intsToFloats(y []int) []float64 {
	out := make([]float64, len(y))
	for k, v := range y {
		out[k] = float64(v)
	}
	return out
}

func strList(xs []string) runtime.Value {
	out := make([]runtime.Value, len(xs))
	for k, x := range xs {
		out[k] = runtime.MakeStr(x)
	}
	return runtime.NewList(out)
}

// Bunch is scikit-learn's Bunch: a record whose fields are both
// attributes and keys (data, target, feature_names, target_names, DESCR).
type Bunch struct {
	name string
	m    map[string]runtime.Value
}

// Type implements runtime.Object.
func (b *Bunch) Type() string { return "Bunch" }

// String implements runtime.Object.
func (b *Bunch) String() string { return "Bunch(" + strings.Join(b.AttrNames(), ", ") + ")" }

// Truth implements runtime.Object.
func (b *Bunch) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (b *Bunch) Attr(name string) (runtime.Value, error) {
	if name == "keys" {
		return runtime.NewBuiltin("keys", func(*runtime.Thread, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
			return strList(b.AttrNames()), nil
		}), nil
	}
	return b.m[name], nil
}

// AttrNames implements runtime.HasAttrs.
func (b *Bunch) AttrNames() []string {
	out := make([]string, 0, len(b.m))
	for k := range b.m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Index implements runtime.Indexable: b['data'].
func (b *Bunch) Index(key runtime.Value) (runtime.Value, error) {
	s, ok := runtime.AsString(key)
	if !ok {
		return runtime.Value{}, runtime.Errorf("Bunch keys are strings, not %s", runtime.TypeName(key))
	}
	v, ok := b.m[s]
	if !ok {
		return runtime.Value{}, runtime.Errorf("KeyError: '%s'%s", s, runtime.Suggest(s, b.AttrNames()))
	}
	return v, nil
}
