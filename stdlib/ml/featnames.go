package ml

import (
	"fmt"
	"strings"

	"github.com/sim-lang/sim/runtime"
)

// get_feature_names_out for the transformers whose output names follow a
// rule (scikit-learn's OneToOneFeatureMixin and
// ClassNamePrefixFeaturesOutMixin), so that a ColumnTransformer can name
// the columns they produce. The encoders have their own.
var (
	// oneToOne transformers keep their input names.
	oneToOne = []string{"StandardScaler", "MinMaxScaler"}
	// prefixed transformers name their outputs <classname><k> for k below
	// the fitted count found in the attribute (or parameter) given.
	prefixed = map[string]string{"PCA": "n_components_", "KMeans": "n_clusters", "MiniBatchKMeans": "n_clusters"}
)

func init() {
	for _, name := range oneToOne {
		specs[name].methods["get_feature_names_out"] = namesMethod(func(e *Estimator, in []string) ([]string, error) { return in, nil })
	}
	for name, attr := range prefixed {
		attr := attr
		specs[name].methods["get_feature_names_out"] = namesMethod(func(e *Estimator, in []string) ([]string, error) {
			v, ok := e.fitted[attr]
			if !ok {
				v = e.params[attr]
			}
			k, ok := v.ToInt()
			if !ok {
				return nil, runtime.Errorf("%s.get_feature_names_out: %s is not an int", e.spec.name, attr)
			}
			out := make([]string, k)
			for j := range out {
				out[j] = fmt.Sprintf("%s%d", strings.ToLower(e.spec.name), j)
			}
			return out, nil
		})
	}
	specs["SimpleImputer"].methods["get_feature_names_out"] = namesMethod(func(e *Estimator, in []string) ([]string, error) {
		im := e.state.(*imputer)
		out := append([]string(nil), in...)
		if im.addInd {
			for _, j := range im.ind {
				out = append(out, "missingindicator_"+in[j])
			}
		}
		return out, nil
	})
}

// namesMethod builds get_feature_names_out(input_features=None) from the
// rule that maps the input names to the output names.
func namesMethod(rule func(e *Estimator, in []string) ([]string, error)) method {
	return func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		fn := e.spec.name + ".get_feature_names_out"
		var in runtime.Value
		if err := runtime.UnpackArgs(fn, args, kwargs, "input_features?", &in); err != nil {
			return runtime.Value{}, err
		}
		if e.state == nil {
			return runtime.Value{}, e.notFitted()
		}
		n, _ := e.fitted["n_features_in_"].ToInt()
		var seen []string
		if v, ok := e.fitted["feature_names_in_"]; ok {
			seen, _ = stringList(v)
		}
		names, err := checkInputFeatures(fn, int(n), seen, in)
		if err != nil {
			return runtime.Value{}, err
		}
		out, err := rule(e, names)
		if err != nil {
			return runtime.Value{}, err
		}
		return strList(out), nil
	}
}

// checkInputFeatures returns the input feature names as scikit-learn's
// _check_feature_names_in does: those given (which must match the names
// seen in fit, or their count), the names seen in fit, or x0, x1, ...
func checkInputFeatures(fn string, n int, seen []string, in runtime.Value) ([]string, error) {
	if in.IsValid() && !in.IsNone() {
		names, err := stringList(in)
		if err != nil {
			return nil, runtime.Errorf("%s: input_features must be a list of strings", fn)
		}
		if seen != nil && strings.Join(names, "\x00") != strings.Join(seen, "\x00") {
			return nil, runtime.Errorf("%s: input_features is not equal to feature_names_in_", fn)
		}
		if len(names) != n {
			return nil, runtime.Errorf("%s: input_features should have length equal to number of features (%d), got %d", fn, n, len(names))
		}
		return names, nil
	}
	if seen != nil {
		return seen, nil
	}
	names := make([]string, n)
	for j := range names {
		names[j] = fmt.Sprintf("x%d", j)
	}
	return names, nil
}
