package ml

import (
	"sort"

	"github.com/sim-lang/sim/runtime"
)

// fn is the signature of the module's functions.
type fn = runtime.BuiltinFunc

// entry is one member of the module: a function and the scikit-learn
// submodules it belongs to.
type entry struct {
	f    fn
	mods []string
}

// members collects the module table; each file adds its functions.
var members = map[string]entry{}

// def adds a function to "ml", "sklearn" and the named sklearn submodules.
func def(name string, f fn, mods ...string) bool {
	members[name] = entry{f, mods}
	return true
}

// submodules maps each scikit-learn submodule the package answers to to
// its builder. The registry shares a built module between names whose
// builders are the same function, so each submodule has its own.
var subNames = []string{"cluster", "datasets", "linear_model", "model_selection", "preprocessing",
	"impute", "metrics", "neighbors", "decomposition", "manifold", "naive_bayes", "ensemble",
	"neural_network", "optim", "pipeline", "tree", "compose"}

func init() {
	runtime.RegisterModule([]string{"ml", "sklearn"}, buildAll)
	for _, sub := range submodules() {
		runtime.RegisterModule([]string{"sklearn." + sub.name}, sub.build)
	}
}

func submodules() []struct {
	name  string
	build func() *runtime.Module
} {
	return []struct {
		name  string
		build func() *runtime.Module
	}{
		{"cluster", buildCluster},
		{"datasets", buildDatasets},
		{"linear_model", buildLinearModel},
		{"model_selection", buildModelSelection},
		{"preprocessing", buildPreprocessing},
		{"impute", buildImpute},
		{"metrics", buildMetrics},
		{"neighbors", buildNeighbors},
		{"decomposition", buildDecomposition},
		{"manifold", buildManifold},
		{"naive_bayes", buildNaiveBayes},
		{"ensemble", buildEnsemble},
		{"neural_network", buildNeuralNetwork},
		{"optim", buildOptim},
		{"pipeline", buildPipeline},
		{"tree", buildTree},
		{"compose", buildCompose},
	}
}

func buildCluster() *runtime.Module     { return build("sklearn.cluster", "cluster") }
func buildDatasets() *runtime.Module    { return build("sklearn.datasets", "datasets") }
func buildLinearModel() *runtime.Module { return build("sklearn.linear_model", "linear_model") }
func buildModelSelection() *runtime.Module {
	return build("sklearn.model_selection", "model_selection")
}
func buildPreprocessing() *runtime.Module { return build("sklearn.preprocessing", "preprocessing") }
func buildImpute() *runtime.Module        { return build("sklearn.impute", "impute") }
func buildMetrics() *runtime.Module       { return build("sklearn.metrics", "metrics") }
func buildNeighbors() *runtime.Module     { return build("sklearn.neighbors", "neighbors") }
func buildDecomposition() *runtime.Module { return build("sklearn.decomposition", "decomposition") }
func buildManifold() *runtime.Module      { return build("sklearn.manifold", "manifold") }
func buildNaiveBayes() *runtime.Module    { return build("sklearn.naive_bayes", "naive_bayes") }
func buildEnsemble() *runtime.Module      { return build("sklearn.ensemble", "ensemble") }
func buildNeuralNetwork() *runtime.Module { return build("sklearn.neural_network", "neural_network") }
func buildOptim() *runtime.Module         { return build("sklearn.optim", "optim") }

func buildPipeline() *runtime.Module { return build("sklearn.pipeline", "pipeline") }

func buildTree() *runtime.Module { return build("sklearn.tree", "tree") }

func buildCompose() *runtime.Module { return build("sklearn.compose", "compose") }

func buildAll() *runtime.Module { return build("ml", "") }

// build makes the module holding every member (sub == "") or those of one
// submodule.
func build(name, sub string) *runtime.Module {
	m := &runtime.Module{Name: name, Members: map[string]runtime.Value{}}
	for n, e := range members {
		if sub == "" || contains(e.mods, sub) {
			m.Members[n] = runtime.NewBuiltin(n, e.f)
		}
	}
	if sub == "" {
		for _, s := range subNames {
			if sm, ok := runtime.LoadModule("sklearn." + s); ok {
				m.Members[s] = runtime.MakeObj(sm)
			}
		}
	}
	return m
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Names returns the names of the module's functions, sorted.
func Names() []string {
	out := make([]string, 0, len(members))
	for k := range members {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
